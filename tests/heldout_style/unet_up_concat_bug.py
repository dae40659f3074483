"""UNet decoder block that expects the upsampled channels only, forgetting the concatenated skip."""
import torch
import torch.nn as nn


class UpBlock(nn.Module):  # shapelint: input=(B, 32, 8, 8)
    def __init__(self):
        super().__init__()
        self.skip = nn.Conv2d(32, 16, 3, padding=1)
        self.down = nn.MaxPool2d(2)
        self.bottom = nn.Conv2d(16, 32, 3, padding=1)
        self.up = nn.ConvTranspose2d(32, 16, kernel_size=2, stride=2)
        self.dec = nn.Conv2d(16, 16, 3, padding=1)  # expect: SHP002

    def forward(self, x):
        s = self.skip(x)
        y = self.up(self.bottom(self.down(s)))
        return self.dec(torch.cat([s, y], dim=1))


def check() -> None:
    with torch.no_grad():
        UpBlock()(torch.randn(2, 32, 8, 8))
