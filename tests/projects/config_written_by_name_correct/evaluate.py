"""The same, through ``vars(config).update``."""

import torch
import torch.nn as nn

import config


def check():
    vars(config).update({"HIDDEN": 12})
    model = nn.Linear(config.HIDDEN, 1)
    model(torch.randn(3, 12))
