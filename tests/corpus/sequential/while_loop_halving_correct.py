"""Widths halved in a while loop until a floor is reached, then a head on the final width."""
import torch
import torch.nn as nn

layers = [nn.Linear(10, 64), nn.ReLU()]
width = 64
while width > 16:
    layers += [nn.Linear(width, width // 2), nn.ReLU()]
    width //= 2
layers.append(nn.Linear(16, 1))
model = nn.Sequential(*layers)  # shapelint: input=(B, 10)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 10))
