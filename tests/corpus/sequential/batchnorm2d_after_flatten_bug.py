"""A BatchNorm2d left after Flatten when the head was rewritten."""
import torch
import torch.nn as nn

head = nn.Sequential(  # shapelint: input=(B, 32, 4, 4)
    nn.Conv2d(32, 32, 3, padding=1),
    nn.Flatten(),
    nn.BatchNorm2d(512),  # expect: SHP005
    nn.Linear(512, 10),
)


def check() -> None:
    head.eval()
    with torch.no_grad():
        head(torch.randn(2, 32, 4, 4))
