"""RMSNorm normalized_shape after a projection in an LLaMA-style block."""
import torch
from torch import nn

block = nn.Sequential(  # shapelint: input=(B, 16, 512)
    nn.RMSNorm(512),
    nn.Linear(512, 1024, bias=False),
    nn.SiLU(),
    nn.RMSNorm(512),
    nn.Linear(1024, 512, bias=False),
)


def check() -> None:
    block(torch.rand(2, 16, 512))
