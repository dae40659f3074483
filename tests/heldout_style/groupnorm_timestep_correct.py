"""Diffusion UNet residual block: GroupNorm, SiLU, time embedding broadcast with [:, :, None, None]."""
import torch
import torch.nn as nn


class ResBlock(nn.Module):  # shapelint: input=(B, 32, 16, 16)
    def __init__(self, in_ch=32, out_ch=64, time_dim=128, groups=8):
        super().__init__()
        self.norm1 = nn.GroupNorm(groups, in_ch)
        self.conv1 = nn.Conv2d(in_ch, out_ch, 3, padding=1)
        self.time_mlp = nn.Sequential(nn.SiLU(), nn.Linear(time_dim, out_ch))
        self.norm2 = nn.GroupNorm(groups, out_ch)
        self.conv2 = nn.Conv2d(out_ch, out_ch, 3, padding=1)
        self.skip = nn.Conv2d(in_ch, out_ch, 1) if in_ch != out_ch else nn.Identity()
        self.act = nn.SiLU()

    def forward(self, x, t):
        h = self.conv1(self.act(self.norm1(x)))
        h = h + self.time_mlp(t)[:, :, None, None]
        h = self.conv2(self.act(self.norm2(h)))
        return h + self.skip(x)


def check() -> None:
    with torch.no_grad():
        ResBlock()(torch.randn(2, 32, 16, 16), torch.randn(2, 128))
