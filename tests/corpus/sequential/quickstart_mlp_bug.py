"""The quickstart network with the flatten size typed as 28 * 28 * 3."""
import torch
from torch import nn

linear_relu_stack = nn.Sequential(  # shapelint: input=(B, 28, 28)
    nn.Flatten(),
    nn.Linear(28 * 28 * 3, 512),  # expect: SHP001
    nn.ReLU(),
    nn.Linear(512, 512),
    nn.ReLU(),
    nn.Linear(512, 10),
)


def check() -> None:
    with torch.no_grad():
        linear_relu_stack(torch.rand(2, 28, 28))
