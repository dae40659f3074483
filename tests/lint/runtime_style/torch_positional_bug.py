"""A runtime model written with torch's positional habit: each layer's input size first, which the runtime infers."""

import numpy as np
import shapelint.runtime as srt
from shapelint.runtime import Conv2d, Flatten, Sequential
from torch import nn

from shapelint import runtime as rt


def build() -> Sequential:
    return Sequential(
        Conv2d(1, 6, 5),  # expect: SHP006
        rt.ReLU(),
        srt.BatchNorm2d(6),  # expect: SHP006
        Flatten(),
        rt.Linear(6 * 24 * 24, 10),  # expect: SHP006
        input_shape=(1, 28, 28),
    )


def torch_reading() -> nn.Sequential:
    """What the same calls build in torch, where they are right."""
    return nn.Sequential(nn.Conv2d(1, 6, 5), nn.ReLU(), nn.BatchNorm2d(6), nn.Flatten(), nn.Linear(6 * 24 * 24, 10))


def check() -> None:
    build()(np.zeros((2, 1, 28, 28), np.float32))
