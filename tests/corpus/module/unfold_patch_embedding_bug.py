"""Patch embedding through F.unfold, whose projection forgets the channels in each patch."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class PatchEmbed(nn.Module):  # shapelint: input=(B, 3, 32, 32)
    def __init__(self, patch=4, channels=3, dim=64):
        super().__init__()
        self.patch = patch
        self.proj = nn.Linear(patch * patch, dim)  # expect: SHP001
        self.frames = nn.Linear(8, dim)

    def forward(self, x):
        patches = F.unfold(x, kernel_size=self.patch, stride=self.patch).transpose(1, 2)
        rows = x.mean(1).unfold(2, 8, 8).mean((1, 2))
        return self.proj(patches) + self.frames(rows).unsqueeze(1)


def check() -> None:
    with torch.no_grad():
        PatchEmbed()(torch.randn(2, 3, 32, 32))
