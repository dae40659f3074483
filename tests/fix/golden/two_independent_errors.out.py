"""Two wrong sizes in one model: a single run repairs both."""
import torch
import torch.nn as nn

net = nn.Sequential(nn.Conv2d(3, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(),  # shapelint: input=(B, 3, 8, 8)
                    nn.Conv2d(16, 8, 3), nn.Flatten(), nn.Linear(8 * 6 * 6, 10))


def check() -> None:
    with torch.no_grad():
        net.eval()(torch.rand(2, 3, 8, 8))
