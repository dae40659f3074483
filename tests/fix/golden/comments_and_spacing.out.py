"""Comments, odd spacing, parentheses, trailing commas and quote styles survive the fix."""
import torch
from torch import nn

NAME, OTHER = 'single', "double"  # 'quotes' stay "as they are"

model = nn.Sequential(  # shapelint: input=(B, 784)
    # the encoder
    nn.Linear( 784 ,128 ),   # first layer

    nn.ReLU(),
    nn.Linear(
        (128),  # wrong: the previous layer gives 128
        10,
    ),
)


def check() -> None:
    with torch.no_grad():
        model(torch.rand(2, 784))
