"""Sizes from `**`, `//`, `%`, unary minus, max(), min(), int() and len()."""
import torch
import torch.nn as nn

hidden = 2 ** 7
bottleneck = max(hidden // 4, 16)
heads = ["a", "b", "c"]
ratio = 1.5
offset = -(-10)

model = nn.Sequential(  # shapelint: input=(B, 20)
    nn.Linear(20, hidden),
    nn.GELU(),
    nn.Linear(hidden, bottleneck),
    nn.GELU(),
    nn.Linear(max(32, bottleneck), int(bottleneck * ratio)),
    nn.GELU(),
    nn.Linear(int(bottleneck * ratio), len(heads) * (offset + hidden % 7)),
    nn.Linear(30 + 3 * 2, min(hidden, 4)),
)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 20))
