"""A ViT-style classifier whose final LayerNorm uses the MLP width instead of the model width."""
import torch
import torch.nn as nn


class ViTHead(nn.Module):  # shapelint: input=(B, 3, 32, 32)
    def __init__(self, patch=8, dim=48, mlp_dim=96, num_classes=10):
        super().__init__()
        self.to_patches = nn.Conv2d(3, dim, kernel_size=patch, stride=patch)
        self.mlp = nn.Sequential(nn.Linear(dim, mlp_dim), nn.GELU(), nn.Linear(mlp_dim, dim))
        self.norm = nn.LayerNorm(96)  # expect: SHP003
        self.head = nn.Linear(dim, num_classes)

    def forward(self, x):
        x = self.to_patches(x).flatten(2).transpose(1, 2)
        x = x + self.mlp(x)
        x = self.norm(x)
        return self.head(x.mean(dim=1))


def check() -> None:
    with torch.no_grad():
        ViTHead()(torch.randn(2, 3, 32, 32))
