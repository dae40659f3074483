"""An attention U-Net's gate, called with its inputs by name (``self.att(g=d, x=skip)``): the skip connection runs
through the gate as a first positional input would, so the decoder after it is checked: here it was written for the gate's 8 channels plus the
upsampled 16, where the gate gives back its skip connection's 16."""
import torch
import torch.nn as nn


class AttentionGate(nn.Module):
    def __init__(self, f_g, f_l, f_int):
        super().__init__()
        self.w_g = nn.Sequential(nn.Conv2d(f_g, f_int, kernel_size=1), nn.BatchNorm2d(f_int))
        self.w_x = nn.Sequential(nn.Conv2d(f_l, f_int, kernel_size=1), nn.BatchNorm2d(f_int))
        self.psi = nn.Sequential(nn.Conv2d(f_int, 1, kernel_size=1), nn.BatchNorm2d(1), nn.Sigmoid())
        self.relu = nn.ReLU(inplace=True)

    def forward(self, g, x):
        psi = self.psi(self.relu(self.w_g(g) + self.w_x(x)))
        return x * psi


class TinyAttentionUNet(nn.Module):  # shapelint: input=(B, 3, 32, 32)
    def __init__(self, out_ch=1):
        super().__init__()
        self.enc1 = nn.Conv2d(3, 16, 3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.enc2 = nn.Conv2d(16, 32, 3, padding=1)
        self.up = nn.ConvTranspose2d(32, 16, 2, stride=2)
        self.att = AttentionGate(f_g=16, f_l=16, f_int=8)
        self.dec = nn.Conv2d(24, 16, 3, padding=1)  # expect: SHP002
        self.head = nn.Conv2d(16, out_ch, 1)

    def forward(self, x):
        x1 = self.enc1(x)
        x2 = self.enc2(self.pool(x1))
        d = self.up(x2)
        x1 = self.att(g=d, x=x1)
        d = self.dec(torch.cat((x1, d), dim=1))
        return self.head(d)


def check() -> None:
    with torch.no_grad():
        TinyAttentionUNet().eval()(torch.randn(2, 3, 32, 32))
