"""A separately defined block reused inside a bigger Sequential; the stem feeds it too few channels."""
import torch
import torch.nn as nn

block = nn.Sequential(
    nn.Conv2d(32, 32, 3, padding=1),  # expect: SHP002
    nn.BatchNorm2d(32),
    nn.ReLU(),
)
net = nn.Sequential(  # shapelint: input=(B, 3, 16, 16)
    nn.Conv2d(3, 16, 3, padding=1),
    block,
)


def check() -> None:
    net.eval()
    with torch.no_grad():
        net(torch.randn(2, 3, 16, 16))
