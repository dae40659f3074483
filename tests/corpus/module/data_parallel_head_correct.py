"""A model wrapped in nn.DataParallel, its head replaced through ``.module``, as multi-GPU training scripts do."""
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3)
        self.fc = nn.Linear(8, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc(self.conv(x).mean((2, 3)))


model = nn.DataParallel(Net())
model.module.fc = nn.Linear(8, 4)
out = model(torch.randn(2, 3, 16, 16))


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 3, 16, 16))
