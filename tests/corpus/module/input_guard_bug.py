"""A forward that guards its input as library code does: a list or tuple of tensors is unwrapped first (isinstance), and anything but a tensor is refused; the head counts the spatial positions as features."""
import torch
import torch.nn as nn


class Head(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(3, 16, 3), nn.ReLU())
        self.fc = nn.Linear(16 * 6 * 6, 4)  # expect: SHP001

    def forward(self, x):
        if isinstance(x, (list, tuple)):
            x = x[0]
        if not isinstance(x, torch.Tensor):
            raise TypeError(f"expected a tensor, got {type(x).__name__}")
        return self.fc(self.body(x).mean(dim=(2, 3)))


def check() -> None:
    with torch.no_grad():
        Head()(torch.randn(2, 3, 8, 8))


if __name__ == "__main__":
    Head()(torch.randn(2, 3, 8, 8))
