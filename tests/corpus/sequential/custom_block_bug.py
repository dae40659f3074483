"""A project-defined layer doubling the width, followed by a Linear that expects it undoubled."""
import torch
import torch.nn as nn


class FourierFeatures(nn.Module):
    """Maps x to [sin(x W), cos(x W)], doubling the mapped width."""

    def __init__(self, in_dim: int, mapped: int) -> None:
        super().__init__()
        self.register_buffer("weight", torch.randn(in_dim, mapped))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        projected = x @ self.weight
        return torch.cat([projected.sin(), projected.cos()], dim=-1)


nerf_mlp = nn.Sequential(  # shapelint: input=(B, 3)
    FourierFeatures(3, 32),
    nn.Linear(64, 64),
    nn.ReLU(),
    nn.Linear(32, 4),  # expect: SHP001
)


def check() -> None:
    with torch.no_grad():
        nerf_mlp(torch.randn(2, 3))
