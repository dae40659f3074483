"""Hidden layers from a for loop over a literal tuple; the output layer reuses the first width."""
import torch
import torch.nn as nn

widths = (256, 128, 64)
layers = [nn.Flatten()]
previous = 3 * 16 * 16
for width in widths:
    layers += [nn.Linear(previous, width), nn.ReLU()]
    previous = width
layers.append(nn.Linear(widths[0], 10))  # expect: SHP001
net = nn.Sequential(*layers)  # shapelint: input=(B, 3, 16, 16)


def check() -> None:
    with torch.no_grad():
        net(torch.randn(2, 3, 16, 16))
