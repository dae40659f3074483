"""A one-level UNet written inline; the decoder conv ignores the concatenated skip channels."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class TinyUNet(nn.Module):  # shapelint: input=(B, 1, 16, 16)
    def __init__(self):
        super().__init__()
        self.enc1 = nn.Conv2d(1, 8, 3, padding=1)
        self.enc2 = nn.Conv2d(8, 16, 3, padding=1)
        self.up = nn.Upsample(scale_factor=2, mode="bilinear", align_corners=True)
        self.dec1 = nn.Conv2d(16, 8, 3, padding=1)  # expect: SHP002
        self.head = nn.Conv2d(8, 1, 1)

    def forward(self, x):
        s1 = F.relu(self.enc1(x))
        x = F.max_pool2d(s1, 2)
        x = F.relu(self.enc2(x))
        x = self.up(x)
        x = torch.cat((x, s1), dim=1)
        x = F.relu(self.dec1(x))
        return torch.sigmoid(self.head(x))


def check() -> None:
    with torch.no_grad():
        TinyUNet()(torch.randn(2, 1, 16, 16))
