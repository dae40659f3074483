"""Width-doubling blocks from a comprehension; the width tuple skips a step."""
import torch
import torch.nn as nn

blocks = [nn.Sequential(nn.Linear(w, w * 2), nn.ReLU()) for w in (16, 32, 128)]  # expect: SHP001
model = nn.Sequential(*blocks, nn.Linear(256, 1))  # shapelint: input=(B, 16)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 16))
