"""Synthetic data as tutorials make it: 2,048 random samples built by a comprehension and stacked into one batch,
fed to a model whose first layer expects their 20 features."""

import torch
import torch.nn as nn

samples = [(torch.rand(20), torch.rand(1)) for _ in range(2048)]
inputs = torch.stack([features for features, _ in samples])
model = nn.Sequential(nn.Linear(20, 16), nn.ReLU(), nn.Linear(16, 1))


def check():
    model(inputs)
