"""ViT-style head on the CLS token `x[:, 0]`; the head was sized for the patch dimension instead of dim."""
import torch
import torch.nn as nn


class TinyViT(nn.Module):  # shapelint: input=(B, 3, 16, 16)
    def __init__(self, dim=32, patch=4, num_classes=5):
        super().__init__()
        self.patch_embed = nn.Conv2d(3, dim, kernel_size=patch, stride=patch)
        self.norm = nn.LayerNorm(dim)
        self.head = nn.Linear(48, num_classes)  # expect: SHP001

    def forward(self, x):
        x = self.patch_embed(x).flatten(2).transpose(1, 2)
        x = self.norm(x)
        return self.head(x[:, 0])


def check() -> None:
    with torch.no_grad():
        TinyViT()(torch.randn(2, 3, 16, 16))
