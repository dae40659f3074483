"""The runtime library's layers: an explicit in_features= that disagrees with the inferred size raises at construction."""
import numpy as np

from shapelint.runtime import Conv2d, Flatten, Linear, MaxPool2d, ReLU, Sequential

model = Sequential(
    Conv2d(6, kernel_size=5, padding=2), ReLU(), MaxPool2d(2),
    Conv2d(16, kernel_size=5), ReLU(), MaxPool2d(2),
    Flatten(),
    Linear(120, in_features=16 * 5 * 5), ReLU(),
    Linear(84), ReLU(),
    Linear(10),
    input_shape=(1, 28, 28),
)


def check() -> None:
    model(np.zeros((2, 1, 28, 28), np.float32))
