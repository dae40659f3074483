"""Transfer-learning notebook: the pretrained classifier's last layer is replaced with the wrong in_features."""
import torch
import torch.nn as nn

classifier = nn.Sequential(
    nn.Dropout(0.5),
    nn.Linear(256, 128),
    nn.ReLU(inplace=True),
    nn.Linear(128, 1000),
)
classifier[3] = nn.Linear(256, 2)  # expect: SHP001


def check() -> None:
    classifier.eval()
    with torch.no_grad():
        classifier(torch.randn(2, 256))
