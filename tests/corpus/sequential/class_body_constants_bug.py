"""Sequentials built in a class body from class-level constants."""
import torch
import torch.nn as nn


class Heads:
    EMBED = 48
    HIDDEN = 96

    policy = nn.Sequential(  # shapelint: input=(B, 48)
        nn.Linear(EMBED, HIDDEN),
        nn.ReLU(),
        nn.Linear(EMBED, 6),  # expect: SHP001
    )
    value = nn.Sequential(  # shapelint: input=(B, 48)
        nn.Linear(EMBED, HIDDEN),
        nn.ReLU(),
        nn.Linear(HIDDEN, 1),
    )


def check() -> None:
    x = torch.randn(2, Heads.EMBED)
    with torch.no_grad():
        Heads.value(x)
        Heads.policy(x)
