"""A tutorial's training loop of 2,000 epochs whose last epoch also runs a probe head (sized right here).  Unrolling every epoch repeats
one forward 2,000 times, so the loop is unrolled for a bounded number of steps and its remaining epochs run as a loop
of unknown length: the probe, reached only in the last epoch, is still checked."""

import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(10, 32), nn.ReLU())
        self.head = nn.Linear(32, 2)
        self.probe = nn.Linear(32, 1)

    def forward(self, x, probe=False):
        hidden = self.body(x)
        return self.probe(hidden) if probe else self.head(hidden)


def check():
    model = Net()
    inputs, targets = torch.randn(4, 10), torch.randint(0, 2, (4,))
    losses = []
    for epoch in range(2000):
        output = model(inputs, probe=epoch == 1999)
        if output.size(1) == 2:
            losses.append(nn.functional.cross_entropy(output, targets))
