"""A ResNet-style conv stem: two conv + BatchNorm + ReLU stages."""
import torch
import torch.nn as nn

stem = nn.Sequential(
    nn.Conv2d(3, 32, kernel_size=3, stride=2, padding=1, bias=False),
    nn.BatchNorm2d(32),
    nn.ReLU(inplace=True),
    nn.Conv2d(32, 64, kernel_size=3, padding=1, bias=False),
    nn.BatchNorm2d(64),
    nn.ReLU(inplace=True),
)


def check() -> None:
    """Run one batch through the stem in eval mode."""
    stem.eval()
    with torch.no_grad():
        stem(torch.randn(2, 3, 64, 64))


if __name__ == "__main__":
    check()
