"""A layer held in an nn.ModuleDict and looked up by key: a shared trunk with two task heads."""
import torch
from torch import nn


class MultiTask(nn.Module):  # shapelint: input=(B, 128)
    def __init__(self):
        super().__init__()
        self.trunk = nn.Sequential(nn.Linear(128, 64), nn.ReLU())
        self.heads = nn.ModuleDict({
            "age": nn.Linear(64, 1),
            "gender": nn.Linear(128, 2),
        })

    def forward(self, x):
        h = self.trunk(x)
        return self.heads["age"](h), self.heads["gender"](h)


def check() -> None:
    MultiTask()(torch.rand(4, 128))
