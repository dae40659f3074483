"""Pre-norm residual MLP blocks repeated with a list comprehension inside nn.Sequential(*...)."""
import torch
import torch.nn as nn


class ResidualMLP(nn.Module):
    def __init__(self, dim: int, expansion: int = 2, dropout: float = 0.1) -> None:
        super().__init__()
        self.norm = nn.LayerNorm(dim)
        self.ff = nn.Sequential(
            nn.Linear(dim, dim * expansion),
            nn.GELU(),
            nn.Dropout(dropout),
            nn.Linear(dim * expansion, dim),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.ff(self.norm(x))


DIM = 48
model = nn.Sequential(  # shapelint: input=(B, 10)
    nn.Linear(10, DIM),
    *[ResidualMLP(DIM) for _ in range(3)],
    nn.LayerNorm(DIM),
    nn.Linear(DIM, 1),
)


def check() -> None:
    model.eval()
    with torch.no_grad():
        model(torch.randn(5, 10))
