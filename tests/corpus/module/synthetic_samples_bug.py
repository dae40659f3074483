"""Synthetic data as tutorials make it: 2,048 random samples built by a comprehension and stacked into one batch,
fed to a model whose first layer expects 10 features where the samples have 20."""

import torch
import torch.nn as nn

samples = [(torch.rand(20), torch.rand(1)) for _ in range(2048)]
inputs = torch.stack([features for features, _ in samples])
model = nn.Sequential(nn.Linear(10, 16), nn.ReLU(), nn.Linear(16, 1))  # expect: SHP001


def check():
    model(inputs)
