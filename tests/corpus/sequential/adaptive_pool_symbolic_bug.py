"""AdaptiveAvgPool2d(2) leaves a 2x2 map, which the Linear forgets."""
import torch
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(B, 3, H, W)
    nn.Conv2d(3, 16, 3, padding=1),
    nn.ReLU(),
    nn.AdaptiveMaxPool2d(2),
    nn.Flatten(),
    nn.Linear(16, 5),  # expect: SHP001
)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 3, 40, 52))
