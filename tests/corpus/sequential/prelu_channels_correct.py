"""PReLU with one slope per channel after convs and one per feature after a Linear."""
import torch
import torch.nn as nn

C = 24
model = nn.Sequential(  # shapelint: input=(B, 3, 8, 8)
    nn.Conv2d(3, C, 3, padding=1),
    nn.PReLU(num_parameters=C),
    nn.Conv2d(C, C, 3, padding=1),
    nn.PReLU(),
    nn.Flatten(),
    nn.Linear(C * 8 * 8, 16),
    nn.PReLU(16),
    nn.Linear(16, 1),
)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 3, 8, 8))
