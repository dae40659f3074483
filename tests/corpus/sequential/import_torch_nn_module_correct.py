"""`from torch import nn as neural` with a BatchNorm1d after a Linear."""
import torch
from torch import nn as neural

classifier = neural.Sequential(
    neural.Linear(300, 100),
    neural.BatchNorm1d(100),
    neural.ReLU(),
    neural.Linear(100, 5),
)


def check() -> None:
    classifier.eval()
    with torch.no_grad():
        classifier(torch.randn(2, 300))
