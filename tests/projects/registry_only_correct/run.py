"""Runs every model of the zoo on a CIFAR-sized batch, reaching them only through the registry."""

import torch

from nets import MODEL_ZOO


def check():
    for name, build in MODEL_ZOO.items():
        build()(torch.randn(4, 3, 32, 32))


if __name__ == "__main__":
    check()
