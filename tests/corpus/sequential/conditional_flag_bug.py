"""A batch-norm flag decides the layers; the norm is sized for the input channels."""
import torch
import torch.nn as nn

USE_BATCHNORM = True
CHANNELS = 24

layers = [nn.Conv2d(3, CHANNELS, 3, padding=1)]
if USE_BATCHNORM:
    layers.append(nn.BatchNorm2d(3))  # expect: SHP003
else:
    layers.append(nn.Identity())
layers.append(nn.ReLU())
block = nn.Sequential(*layers)


def check() -> None:
    block.eval()
    with torch.no_grad():
        block(torch.randn(2, 3, 16, 16))
