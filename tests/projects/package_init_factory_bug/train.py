"""Trains the model the factory gives on MNIST-sized batches."""

import torch

from models import get_model


def check():
    model = get_model("lenet")
    model(torch.randn(8, 1, 28, 28))


if __name__ == "__main__":
    check()
