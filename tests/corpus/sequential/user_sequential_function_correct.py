"""Plain-Python `Sequential` and `Linear` helpers that merely share torch's names."""
import torch
from torch import nn  # noqa: F401  (the project also uses torch elsewhere)


def Linear(a: int, b: int):
    """A line through (0, a) with slope b."""
    return lambda x: a + b * x


def Sequential(*functions):
    def composed(x):
        for function in functions:
            x = function(x)
        return x

    return composed


pipeline = Sequential(  # shapelint: input=(B, 10)
    Linear(3, 2),
    Linear(7, 5),
    torch.tanh,
)


def check() -> None:
    pipeline(torch.randn(2, 10))
