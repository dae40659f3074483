"""Width-doubling blocks from a comprehension."""
import torch
import torch.nn as nn

blocks = [nn.Sequential(nn.Linear(w, w * 2), nn.ReLU()) for w in (16, 32, 64)]
model = nn.Sequential(*blocks, nn.Linear(128, 1))  # shapelint: input=(B, 16)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 16))
