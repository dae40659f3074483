"""timm-style `norm_layer = partial(nn.BatchNorm2d, eps=...)`, called with the wrong width."""
from functools import partial

import torch
import torch.nn as nn

norm_layer = partial(nn.BatchNorm2d, eps=1e-3, momentum=0.01)
stem = nn.Sequential(
    nn.Conv2d(3, 24, 3, stride=2, padding=1, bias=False),
    norm_layer(24),
    nn.SiLU(),
    nn.Conv2d(24, 48, 3, padding=1, bias=False),
    norm_layer(24),  # expect: SHP003
    nn.SiLU(),
)


def check() -> None:
    stem.eval()
    with torch.no_grad():
        stem(torch.randn(2, 3, 16, 16))
