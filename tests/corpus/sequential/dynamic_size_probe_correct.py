"""The flatten size is computed by a dummy forward pass, so no literal needs checking."""
import torch
import torch.nn as nn

features = nn.Sequential(  # shapelint: input=(B, 3, 37, 41)
    nn.Conv2d(3, 8, 5, stride=2),
    nn.ReLU(),
    nn.MaxPool2d(2),
)
with torch.no_grad():
    n_flat = features(torch.zeros(1, 3, 37, 41)).numel()
classifier = nn.Sequential(nn.Flatten(), nn.Linear(n_flat, 10))


def check() -> None:
    with torch.no_grad():
        classifier(features(torch.randn(2, 3, 37, 41)))
