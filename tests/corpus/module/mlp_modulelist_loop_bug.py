"""A ModuleList MLP built in a loop where the hidden width is reused as every layer's input."""
import torch
import torch.nn as nn


class MLP(nn.Module):  # shapelint: input=(B, 20)
    def __init__(self, in_dim=20, hidden=64, depth=3, num_classes=3):
        super().__init__()
        self.layers = nn.ModuleList()
        for _ in range(depth):
            self.layers.append(nn.Linear(hidden, hidden))  # expect: SHP001
        self.out = nn.Linear(hidden, num_classes)

    def forward(self, x):
        for layer in self.layers:
            x = torch.relu(layer(x))
        return self.out(x)


def check() -> None:
    with torch.no_grad():
        MLP()(torch.randn(2, 20))
