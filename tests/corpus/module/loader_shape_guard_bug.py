"""A block that adds its input back without the guard its author meant (ISDA's ``if residual.shape == x.shape``):
the narrowed output (B, 2) does not broadcast with the input (B, 3), whatever the loader's batch."""
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset


class Narrow(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 2)

    def forward(self, x):
        y = self.fc(x)
        if x.shape[0] == y.shape[0]:
            y = y + x  # expect: SHP006
        return y


def check() -> None:
    """One pass over the loader."""
    loader = DataLoader(TensorDataset(torch.randn(10, 3)), batch_size=4)
    with torch.no_grad():
        for (xb,) in loader:
            Narrow()(xb)
