"""An MLP assembled with add_module in a loop, as in older tutorials."""
import torch
import torch.nn as nn

widths = [16, 32, 32, 8]
mlp = nn.Sequential()
for i, (a, b) in enumerate(zip(widths, widths[1:])):
    mlp.add_module(f"fc{i}", nn.Linear(a, b))
    mlp.add_module(f"act{i}", nn.Tanh())
mlp.add_module("out", nn.Linear(8, 1))


def check() -> None:
    with torch.no_grad():
        mlp(torch.randn(4, 16))
