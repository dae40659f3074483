"""A small CIFAR-10 CNN: three conv stages, global average pooling, a linear classifier."""
import torch
from torch import nn


class CifarNet(nn.Module):
    def __init__(self, num_classes: int = 10) -> None:
        super().__init__()
        # shapelint: input=(B, 3, 32, 32)
        self.features = nn.Sequential(
            nn.Conv2d(3, 32, kernel_size=3, padding=1),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(2),
            nn.Conv2d(32, 64, kernel_size=3, padding=1),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(2),
            nn.Conv2d(32, 128, kernel_size=3, padding=1),
            nn.ReLU(inplace=True),
            nn.AdaptiveAvgPool2d(1),
        )
        self.classifier = nn.Linear(128, num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.classifier(torch.flatten(self.features(x), 1))


def check() -> None:
    """Run one CIFAR-sized batch through the model."""
    with torch.no_grad():
        CifarNet()(torch.randn(2, 3, 32, 32))


if __name__ == "__main__":
    check()
