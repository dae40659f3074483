"""Layer classes imported under short aliases."""
import torch
from torch.nn import BatchNorm2d as BN
from torch.nn import Conv2d as C2d
from torch.nn import ReLU
from torch.nn import Sequential as Seq

stem = Seq(
    C2d(1, 16, 3, padding=1),
    BN(16),
    ReLU(inplace=True),
    C2d(8, 32, 3, padding=1),  # expect: SHP002
    BN(32),
    ReLU(inplace=True),
)


def check() -> None:
    with torch.no_grad():
        stem(torch.randn(2, 1, 20, 20))
