"""A head factory taking the backbone width; its second layer has a stale literal."""
import torch
import torch.nn as nn


def make_head(in_dim, num_classes=10):
    return nn.Sequential(
        nn.Linear(in_dim, 128),
        nn.ReLU(),
        nn.Linear(64, num_classes),  # expect: SHP001
    )


head = make_head(256)


def check() -> None:
    with torch.no_grad():
        head(torch.randn(2, 256))
