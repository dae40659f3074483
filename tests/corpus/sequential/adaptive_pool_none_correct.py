"""AdaptiveAvgPool2d((None, 1)) keeps the height and pools the width away (CRNN-style)."""
import torch
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(B, 1, 8, 30)
    nn.Conv2d(1, 16, 3, padding=1),
    nn.ReLU(),
    nn.AdaptiveAvgPool2d((None, 1)),
    nn.Flatten(),
    nn.Linear(16 * 8, 10),
)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 1, 8, 30))
