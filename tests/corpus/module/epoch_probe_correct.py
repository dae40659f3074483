"""Twenty epochs of the same training step, and a probe run only in the last one: the epochs that repeat the step
before them stop being unrolled, and the rest run as a loop of unknown length, in which the probe (sized right here) is checked."""

import torch
import torch.nn as nn

encoder = nn.Sequential(nn.Linear(10, 32), nn.ReLU())
head = nn.Linear(32, 2)
probe = nn.Linear(32, 1)


def check():
    inputs = torch.randn(4, 10)
    for epoch in range(20):
        hidden = encoder(inputs)
        output = head(hidden)
        if epoch == 19:
            probe(hidden)
