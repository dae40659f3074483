"""Sizes from `**`, `//`, max() and int(); one width computed with the wrong ratio."""
import torch
import torch.nn as nn

hidden = 2 ** 7
bottleneck = max(hidden // 4, 16)
ratio = 1.5

model = nn.Sequential(  # shapelint: input=(B, 20)
    nn.Linear(20, hidden),
    nn.GELU(),
    nn.Linear(hidden, bottleneck),
    nn.GELU(),
    nn.Linear(max(32, bottleneck), int(bottleneck * ratio)),
    nn.GELU(),
    nn.Linear(int(bottleneck * 2), 3),  # expect: SHP001
)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 20))
