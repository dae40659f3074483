"""The runtime library's Conv2d and BatchNorm2d with explicit in_channels= and num_features= keywords, both wrong."""
import numpy as np

from shapelint.runtime import BatchNorm2d, Conv2d, ReLU, Sequential

block = Sequential(
    Conv2d(32, kernel_size=3, padding=1), BatchNorm2d(), ReLU(),
    Conv2d(64, kernel_size=3, padding=1, in_channels=3), BatchNorm2d(num_features=32), ReLU(),
    input_shape=(3, 32, 32),
)


def check() -> None:
    block(np.zeros((2, 3, 32, 32), np.float32))
