"""The runtime spellings the SHP006 messages suggest: sizes inferred, or kept explicit by keyword."""

import numpy as np
import shapelint.runtime as srt
from shapelint.runtime import Conv2d, Flatten, Sequential
from torch import nn

from shapelint import runtime as rt


def build() -> Sequential:
    return Sequential(
        Conv2d(6, 5, in_channels=1),
        rt.ReLU(),
        srt.BatchNorm2d(),
        Flatten(),
        rt.Linear(10, in_features=6 * 24 * 24),
        input_shape=(1, 28, 28),
    )


def torch_reading() -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(1, 6, 5), nn.ReLU(), nn.BatchNorm2d(6), nn.Flatten(), nn.Linear(6 * 24 * 24, 10))


def check() -> None:
    build()(np.zeros((2, 1, 28, 28), np.float32))
