"""A two-level UNet written with helper classes Down/Up and skip concatenation."""
import torch
import torch.nn as nn


class DoubleConv(nn.Sequential):
    def __init__(self, in_ch, out_ch):
        super().__init__(
            nn.Conv2d(in_ch, out_ch, 3, padding=1, bias=False),
            nn.BatchNorm2d(out_ch),
            nn.ReLU(inplace=True),
            nn.Conv2d(out_ch, out_ch, 3, padding=1, bias=False),
            nn.BatchNorm2d(out_ch),
            nn.ReLU(inplace=True),
        )


class UNet(nn.Module):  # shapelint: input=(B, 1, 32, 32)
    def __init__(self):
        super().__init__()
        self.inc = DoubleConv(1, 8)
        self.down = nn.Sequential(nn.MaxPool2d(2), DoubleConv(8, 16))
        self.up = nn.ConvTranspose2d(16, 8, kernel_size=2, stride=2)
        self.dec = DoubleConv(16, 8)
        self.outc = nn.Conv2d(8, 2, kernel_size=1)

    def forward(self, x):
        x1 = self.inc(x)
        x2 = self.down(x1)
        x = torch.cat([x1, self.up(x2)], dim=1)
        return self.outc(self.dec(x))


def check() -> None:
    with torch.no_grad():
        assert UNet().eval()(torch.randn(1, 1, 32, 32)).shape == (1, 2, 32, 32)
