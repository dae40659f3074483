"""1-D conv stack over (B, C, T) audio features whose BatchNorm1d follows the wrong conv width."""
import torch
import torch.nn as nn

N_MELS = 40

frontend = nn.Sequential(  # shapelint: input=(B, 40, 100)
    nn.Conv1d(N_MELS, 64, kernel_size=3, padding=1),
    nn.BatchNorm1d(64),
    nn.ReLU(),
    nn.Conv1d(64, 128, kernel_size=3, padding=2, dilation=2),
    nn.BatchNorm1d(64),  # expect: SHP003
    nn.ReLU(),
)


def check() -> None:
    with torch.no_grad():
        frontend(torch.randn(2, N_MELS, 100))
