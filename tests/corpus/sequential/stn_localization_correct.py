"""The Spatial Transformer tutorial's localization net and its regressor on 28x28 MNIST."""
import torch
import torch.nn as nn

localization = nn.Sequential(  # shapelint: input=(B, 1, 28, 28)
    nn.Conv2d(1, 8, kernel_size=7),
    nn.MaxPool2d(2, stride=2),
    nn.ReLU(True),
    nn.Conv2d(8, 10, kernel_size=5),
    nn.MaxPool2d(2, stride=2),
    nn.ReLU(True),
)
fc_loc = nn.Sequential(  # shapelint: input=(B, 90)
    nn.Linear(10 * 3 * 3, 32),
    nn.ReLU(True),
    nn.Linear(32, 3 * 2),
)


def check() -> None:
    with torch.no_grad():
        xs = localization(torch.randn(2, 1, 28, 28))
        fc_loc(xs.view(-1, 10 * 3 * 3))
