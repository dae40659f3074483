"""A time-series tutorial: the monthly series is min-max scaled by hand, cut into windows of four months with a
loop over ``len(data)``, and each window flattened into a regressor sized for windows of four."""
import numpy as np
import torch
import torch.nn as nn

SEQ_LENGTH = 4


class Regressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Sequential(nn.Linear(SEQ_LENGTH, 16), nn.ReLU(), nn.Linear(16, 1))

    def forward(self, x):
        return self.fc(x.view(x.size(0), -1))


def windows():
    t = np.arange(144)
    series = (100 + 2 * t + 40 * np.sin(2 * np.pi * t / 12)).reshape(-1, 1)
    data = (series - series.min()) / (series.max() - series.min())
    x, y = [], []
    for i in range(len(data) - SEQ_LENGTH - 1):
        x.append(data[i:(i + SEQ_LENGTH)])
        y.append(data[i + SEQ_LENGTH])
    return torch.Tensor(np.array(x)), torch.Tensor(np.array(y))


def check() -> None:
    """One step of the training loop on the whole series."""
    inputs, targets = windows()
    with torch.no_grad():
        nn.MSELoss()(Regressor()(inputs), targets)
