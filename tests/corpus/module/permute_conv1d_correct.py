"""A conformer-style conv module: (B, T, D) permuted to (B, D, T) for depthwise and pointwise Conv1d."""
import torch
import torch.nn as nn


class ConvModule(nn.Module):  # shapelint: input=(B, 50, 32)
    def __init__(self, d_model=32, kernel_size=5):
        super().__init__()
        self.norm = nn.LayerNorm(d_model)
        self.depthwise = nn.Conv1d(d_model, d_model, kernel_size, padding=kernel_size // 2, groups=d_model)
        self.pointwise = nn.Conv1d(d_model, d_model, 1)

    def forward(self, x):
        x = self.norm(x).permute(0, 2, 1)
        x = self.pointwise(torch.nn.functional.silu(self.depthwise(x)))
        return x.transpose(1, 2)


def check() -> None:
    with torch.no_grad():
        ConvModule()(torch.randn(2, 50, 32))
