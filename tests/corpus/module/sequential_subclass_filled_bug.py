"""Sequential subclasses filled after super().__init__(); the next layer forgets the stem doubles the width."""
import torch
import torch.nn as nn


class ConvNorm(nn.Sequential):
    def __init__(self, in_dim: int, out_dim: int) -> None:
        super().__init__()
        self.add_module("c", nn.Conv2d(in_dim, out_dim, 3, padding=1, bias=False))
        self.add_module("bn", nn.BatchNorm2d(out_dim))


class Stem(nn.Sequential):
    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.append(ConvNorm(3, width))
        self.act = nn.ReLU()
        self.down = nn.Conv2d(width, width * 2, 3, stride=2)
        self.scale = 2


# shapelint: input=(B, 3, 16, 16)
model = nn.Sequential(Stem(), nn.Conv2d(16, 8, 1), nn.BatchNorm2d(8))  # expect: SHP002


def check() -> None:
    with torch.no_grad():
        model.eval()(torch.randn(2, 3, 16, 16))
