"""A Conv1d where a Conv2d was meant: the images are 4-D."""
import torch
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(B, 3, 32, 32)
    nn.Conv1d(3, 16, kernel_size=3, padding=1),  # expect: SHP005
    nn.ReLU(),
)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 3, 32, 32))
