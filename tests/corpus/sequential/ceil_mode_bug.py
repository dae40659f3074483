"""MaxPool2d(ceil_mode=True) on 15x15, but the Linear was computed with floor division."""
import torch
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(B, 1, 15, 15)
    nn.Conv2d(1, 4, 3, padding=1),
    nn.MaxPool2d(2, ceil_mode=True),
    nn.Conv2d(4, 8, 3, padding=1),
    nn.MaxPool2d(2, stride=2, ceil_mode=True),
    nn.Flatten(),
    nn.Linear(8 * 3 * 3, 3),  # expect: SHP001
)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 1, 15, 15))
