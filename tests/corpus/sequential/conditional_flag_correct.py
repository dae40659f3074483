"""A batch-norm flag decides the layers; the untaken branch would be wrong but never runs."""
import torch
import torch.nn as nn

USE_BATCHNORM = False
CHANNELS = 24

layers = [nn.Conv2d(3, CHANNELS, 3, padding=1)]
if USE_BATCHNORM:
    layers.append(nn.BatchNorm2d(3))
else:
    layers.append(nn.Identity())
layers.append(nn.ReLU())
layers.append(nn.Conv2d(CHANNELS if not USE_BATCHNORM else 3, 8, 1))
block = nn.Sequential(*layers)


def check() -> None:
    block.eval()
    with torch.no_grad():
        block(torch.randn(2, 3, 16, 16))
