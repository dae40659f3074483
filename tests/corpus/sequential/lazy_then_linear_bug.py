"""A LazyLinear's output width is known even though its input is not."""
import torch
import torch.nn as nn

model = nn.Sequential(
    nn.Flatten(),
    nn.LazyLinear(128),
    nn.ReLU(),
    nn.Linear(64, 10),  # expect: SHP001
)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 3, 8, 8))
