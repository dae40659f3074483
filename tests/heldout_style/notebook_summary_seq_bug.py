"""Notebook Sequential whose Linear forgot the second pooling: 16x16 maps instead of 8x8."""
import torch
import torch.nn as nn
try:
    from torchsummary import summary
except ImportError:
    def summary(model, input_size):
        print(model, input_size)

model = nn.Sequential(
    nn.Conv2d(3, 32, 3, padding=1),
    nn.BatchNorm2d(32),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Conv2d(32, 64, 3, padding=1),
    nn.BatchNorm2d(64),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Flatten(),
    nn.Linear(64 * 16 * 16, 128),  # expect: SHP001
    nn.ReLU(),
    nn.Linear(128, 10),
)

summary(model, (3, 32, 32))


def check() -> None:
    model(torch.randn(2, 3, 32, 32))
