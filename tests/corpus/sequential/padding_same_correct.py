"""padding='same' keeps the spatial size, so the flatten size is the input's."""
import torch
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(B, 3, 12, 12)
    nn.Conv2d(3, 8, 5, padding="same"),
    nn.ReLU(),
    nn.Conv2d(8, 8, 3, padding="same", dilation=2),
    nn.ReLU(),
    nn.Flatten(),
    nn.Linear(8 * 12 * 12, 10),
)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 3, 12, 12))
