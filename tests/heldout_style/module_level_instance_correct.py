"""A model instantiated at module level with keyword overrides, notebook style, with a dummy batch."""
import torch
import torch.nn as nn


class Classifier(nn.Module):
    def __init__(self, in_ch=3, width=8, num_classes=10):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(in_ch, width, 3, padding=1),
            nn.BatchNorm2d(width),
            nn.ReLU(),
            nn.AdaptiveAvgPool2d(1),
            nn.Flatten(),
            nn.Linear(width, num_classes),
        )

    def forward(self, x):
        return self.net(x)


model = Classifier(in_ch=1, width=12, num_classes=4)
dummy = torch.zeros(1, 1, 28, 28)
logits = model.eval()(dummy)


def check() -> None:
    with torch.no_grad():
        assert model(torch.randn(2, 1, 28, 28)).shape == (2, 4)
