"""Settings read from JSON land in the config module through ``setattr`` with names only the data knows."""

import json

import torch
import torch.nn as nn

import config


def check():
    for key, value in json.loads('{"IN_DIM": 12}').items():
        setattr(config, key, value)
    model = nn.Linear(config.IN_DIM, 1)
    model(torch.randn(3, 12))
