"""nn.Upsample by a scale factor doubles H and W before the head."""
import torch
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(B, 4, 5, 5)
    nn.Upsample(scale_factor=2, mode="nearest"),
    nn.Conv2d(4, 4, 3, padding=1),
    nn.ReLU(),
    nn.Flatten(),
    nn.Linear(4 * 10 * 10, 3),
)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 4, 5, 5))
