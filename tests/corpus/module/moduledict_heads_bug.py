"""A multi-task model with heads in a ModuleDict; one head expects the wrong trunk width."""
import torch
import torch.nn as nn


class MultiTask(nn.Module):  # shapelint: input=(B, 32)
    def __init__(self, trunk_dim=64):
        super().__init__()
        self.trunk = nn.Sequential(nn.Linear(32, trunk_dim), nn.ReLU())
        self.heads = nn.ModuleDict(
            {
                "age": nn.Linear(trunk_dim, 1),
                "gender": nn.Linear(32, 2),  # expect: SHP001
            }
        )

    def forward(self, x):
        h = self.trunk(x)
        return self.heads["age"](h), self.heads["gender"](h)


def check() -> None:
    with torch.no_grad():
        MultiTask()(torch.randn(2, 32))
