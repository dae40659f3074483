"""A block that picks its shortcut with a conditional expression on a flag it cannot know (an argument of the
function that builds and runs it): both shortcuts are checked, and both are right here."""

import torch
import torch.nn as nn


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(16, 32, 3, padding=1)
        self.project = nn.Conv2d(16, 32, 1)
        self.pool = nn.AvgPool2d(1)

    def forward(self, x, project):
        shortcut = self.project(x) if project else self.pool(torch.cat([x, x], 1))
        return self.conv(x) + shortcut


def run(project):
    return Block()(torch.randn(2, 16, 8, 8), project)


def check():
    run(True)
