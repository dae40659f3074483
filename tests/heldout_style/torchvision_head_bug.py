"""No input shape anywhere, yet decidable: the adaptive pool fixes 7x7 and the conv fixes 128 channels."""
import torch
from torch import nn


class Classifier(nn.Module):
    def __init__(self, num_classes: int = 4) -> None:
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 64, kernel_size=3, padding=1),
            nn.ReLU(inplace=True),
            nn.Conv2d(64, 128, kernel_size=3, padding=1),
            nn.ReLU(inplace=True),
        )
        self.avgpool = nn.AdaptiveAvgPool2d((7, 7))
        self.classifier = nn.Linear(128 * 6 * 6, num_classes)  # expect: SHP001

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.avgpool(self.features(x))
        return self.classifier(torch.flatten(x, 1))


def check() -> None:
    with torch.no_grad():
        Classifier()(torch.randn(1, 3, 20, 20))
