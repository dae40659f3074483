"""Udacity's intro notebook: a batch flattened in place with ``images.resize_(64, 784)`` before the MLP, and an
``unsqueeze_`` and a ``transpose_`` that change a tensor's own shape; each name holds the new shape afterwards."""
import torch
from torch import nn

model = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 10))


def notebook():
    images = torch.randn(64, 1, 28, 28)
    images.resize_(64, 784)
    logits = model(images)

    tokens = torch.randn(8, 5, 784)
    tokens.transpose_(0, 1)
    per_step = model(tokens)

    single = torch.randn(784)
    single.unsqueeze_(0)
    return logits, per_step, model(single)


def check() -> None:
    notebook()
