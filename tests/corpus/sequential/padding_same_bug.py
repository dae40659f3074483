"""padding='same' keeps the spatial size, but the Linear assumes each 5x5 conv shrank it."""
import torch
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(B, 3, 12, 12)
    nn.Conv2d(3, 8, 5, padding="same"),
    nn.ReLU(),
    nn.Conv2d(8, 8, 5, padding="same"),
    nn.ReLU(),
    nn.Flatten(),
    nn.Linear(8 * 4 * 4, 10),  # expect: SHP001
)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 3, 12, 12))
