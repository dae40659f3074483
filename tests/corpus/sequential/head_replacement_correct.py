"""Transfer-learning notebook: the pretrained classifier's last layer is replaced for 2 classes."""
import torch
import torch.nn as nn

classifier = nn.Sequential(
    nn.Dropout(0.5),
    nn.Linear(256, 128),
    nn.ReLU(inplace=True),
    nn.Linear(128, 1000),
)
classifier[3] = nn.Linear(128, 2)


def check() -> None:
    classifier.eval()
    with torch.no_grad():
        classifier(torch.randn(2, 256))
