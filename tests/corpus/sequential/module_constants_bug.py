"""Widths from module-level constants; the classifier forgets one pooling step."""
import torch
import torch.nn as nn

IMAGE_SIZE = 32
IN_CHANNELS = 3
WIDTH = 16
NUM_CLASSES = 10

model = nn.Sequential(  # shapelint: input=(B, 3, 32, 32)
    nn.Conv2d(IN_CHANNELS, WIDTH, 3, padding=1),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Conv2d(WIDTH, 2 * WIDTH, 3, padding=1),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Flatten(),
    nn.Linear(2 * WIDTH * (IMAGE_SIZE // 2) ** 2, NUM_CLASSES),  # expect: SHP001
)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, IN_CHANNELS, IMAGE_SIZE, IMAGE_SIZE))
