"""U-Net with bilinear F.interpolate upsampling and skip concatenation; sizes from constructor kwargs."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def double_conv(in_ch, out_ch):
    return nn.Sequential(
        nn.Conv2d(in_ch, out_ch, 3, padding=1),
        nn.BatchNorm2d(out_ch),
        nn.ReLU(inplace=True),
        nn.Conv2d(out_ch, out_ch, 3, padding=1),
        nn.BatchNorm2d(out_ch),
        nn.ReLU(inplace=True),
    )


class UNet(nn.Module):
    def __init__(self, n_channels=3, n_classes=2, base=16):
        super().__init__()
        self.inc = double_conv(n_channels, base)
        self.down1 = double_conv(base, base * 2)
        self.down2 = double_conv(base * 2, base * 4)
        self.up1 = double_conv(base * 4 + base * 2, base * 2)
        self.up2 = double_conv(base * 2 + base, base)
        self.outc = nn.Conv2d(base, n_classes, kernel_size=1)

    def forward(self, x):
        x1 = self.inc(x)
        x2 = self.down1(F.max_pool2d(x1, 2))
        x3 = self.down2(F.max_pool2d(x2, 2))
        x = F.interpolate(x3, scale_factor=2, mode="bilinear", align_corners=True)
        x = self.up1(torch.cat([x2, x], dim=1))
        x = F.interpolate(x, size=x1.shape[2:], mode="bilinear", align_corners=False)
        x = self.up2(torch.cat([x1, x], dim=1))
        return self.outc(x)


def check() -> None:
    UNet(n_channels=1, n_classes=3, base=8)(torch.randn(2, 1, 32, 32))


if __name__ == "__main__":
    net = UNet(n_channels=1, n_classes=3, base=8)
    print(net(torch.randn(1, 1, 64, 64)).shape)
