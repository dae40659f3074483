"""BatchNorm1d is right for (B, C, L) sequences and for (B, F) features."""
import torch
import torch.nn as nn

block = nn.Sequential(  # shapelint: input=(B, 6, 50)
    nn.Conv1d(6, 16, 5),
    nn.BatchNorm1d(16),
    nn.ReLU(),
    nn.Flatten(),
    nn.Linear(16 * 46, 32),
    nn.BatchNorm1d(32),
)


def check() -> None:
    block.eval()
    with torch.no_grad():
        block(torch.randn(2, 6, 50))
