"""The PyTorch quickstart network, written with `from torch import nn`."""
import torch
from torch import nn

linear_relu_stack = nn.Sequential(  # shapelint: input=(B, 28, 28)
    nn.Flatten(),
    nn.Linear(28 * 28, 512),
    nn.ReLU(),
    nn.Linear(512, 512),
    nn.ReLU(),
    nn.Linear(512, 10),
)


def check() -> None:
    with torch.no_grad():
        linear_relu_stack(torch.rand(2, 28, 28))
