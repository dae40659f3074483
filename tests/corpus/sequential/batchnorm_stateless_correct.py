"""BatchNorm2d with affine=False and no running stats has no per-channel tensors, so its num_features is unused."""
import torch
import torch.nn as nn

block = nn.Sequential(  # shapelint: input=(B, 3, 8, 8)
    nn.Conv2d(3, 16, 3, padding=1),
    nn.BatchNorm2d(8, affine=False, track_running_stats=False),
    nn.ReLU(),
)


def check() -> None:
    with torch.no_grad():
        block(torch.randn(2, 3, 8, 8))
