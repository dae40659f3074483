"""An nn.Module whose input shape comes from a torchinfo summary() call."""
import torch
import torch.nn as nn


class CIFARNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        )
        self.classifier = nn.Linear(64 * 8 * 8, 10)

    def forward(self, x):
        return self.classifier(torch.flatten(self.features(x), 1))


def check() -> None:
    CIFARNet()(torch.rand(2, 3, 32, 32))


if __name__ == "__main__":
    from torchinfo import summary

    summary(CIFARNet(), input_size=(1, 3, 32, 32))
