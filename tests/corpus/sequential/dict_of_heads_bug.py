"""Sequentials stored as dict values, one per task."""
import torch
import torch.nn as nn

heads = {
    "segmentation": nn.Sequential(nn.Conv2d(64, 32, 3, padding=1), nn.ReLU(), nn.Conv2d(32, 5, 1)),
    "depth": nn.Sequential(nn.Conv2d(64, 32, 3, padding=1), nn.ReLU(), nn.Conv2d(64, 1, 1)),  # expect: SHP002
}


def check() -> None:
    x = torch.randn(2, 64, 8, 8)
    with torch.no_grad():
        for head in heads.values():
            head(x)
