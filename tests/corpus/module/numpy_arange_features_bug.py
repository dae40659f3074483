"""Tabular features computed with numpy (np.arange, np.sin/np.cos, np.stack, reshape) for a small regression MLP;
the first layer takes three features where the data has two."""
import numpy as np
import torch
import torch.nn as nn

steps = np.arange(0, 512)
angles = steps * (2 * np.pi / 64)
features = np.stack([np.sin(angles), np.cos(angles)], axis=1).astype(np.float32)
targets = (steps % 64).reshape(-1, 1).astype(np.float32)

model = nn.Sequential(nn.Linear(3, 16), nn.ReLU(), nn.Linear(16, 1))  # expect: SHP001


def check() -> None:
    inputs = torch.from_numpy(features)
    nn.functional.mse_loss(model(inputs), torch.from_numpy(targets))
