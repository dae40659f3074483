"""padding='valid', overlapping max pooling (kernel 3, stride 2) and a pool with stride 1."""
import torch
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(B, 3, 27, 27)
    nn.Conv2d(3, 8, 3, padding="valid"),
    nn.MaxPool2d(kernel_size=3, stride=2),
    nn.Conv2d(8, 8, 3),
    nn.MaxPool2d(2, stride=1),
    nn.Flatten(),
    nn.Linear(8 * 9 * 9, 4),
)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 3, 27, 27))
