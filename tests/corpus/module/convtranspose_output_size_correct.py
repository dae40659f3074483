"""U-Net decoder step: ConvTranspose2d given output_size= to match the skip connection exactly."""
import torch
import torch.nn as nn


class UpBlock(nn.Module):  # shapelint: input=(B, 16, 8, 8)
    def __init__(self) -> None:
        super().__init__()
        self.up = nn.ConvTranspose2d(16, 8, 3, stride=2, padding=1)
        self.skip = nn.Conv2d(16, 8, 1)
        self.fc = nn.Linear(16 * 16 * 16, 2)

    def forward(self, x):
        skip = self.skip(nn.functional.interpolate(x, size=(16, 16)))
        up = self.up(x, output_size=(16, 16))
        return self.fc(torch.cat([up, skip], 1).flatten(1))


class Tail(nn.Module):  # shapelint: input=(B, 4, 5)
    def __init__(self) -> None:
        super().__init__()
        self.up = nn.ConvTranspose1d(4, 2, 3, stride=2, padding=1)
        self.fc = nn.Linear(2 * 10, 3)

    def forward(self, x):
        return self.fc(self.up(x, output_size=[10]).flatten(1))


def check() -> None:
    with torch.no_grad():
        UpBlock()(torch.randn(2, 16, 8, 8))
        Tail()(torch.randn(2, 4, 5))
