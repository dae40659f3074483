"""An in_features expression split over lines is replaced as a whole."""
import torch
import torch.nn as nn

head = nn.Sequential(  # shapelint: input=(B, 3, 64, 64)
    nn.Conv2d(3, 32, kernel_size=3, stride=2, padding=1),
    nn.ReLU(),
    nn.Conv2d(32, 64, kernel_size=3, stride=2, padding=1),
    nn.ReLU(),
    nn.Flatten(),
    nn.Linear(64 * 16 * 16, 128),
)


def check() -> None:
    head(torch.rand(2, 3, 64, 64))
