"""`from torch import nn as neural` and a BatchNorm1d sized for the wrong layer."""
import torch
from torch import nn as neural

classifier = neural.Sequential(
    neural.Linear(300, 100),
    neural.BatchNorm1d(300),  # expect: SHP003
    neural.ReLU(),
    neural.Linear(100, 5),
)


def check() -> None:
    classifier.eval()
    with torch.no_grad():
        classifier(torch.randn(2, 300))
