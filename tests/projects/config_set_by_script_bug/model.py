"""A classifier whose sizes come from the config module, read when it is imported (``WIDTH``) and when it is built
(``config.CFG``, ``config.WIDTH``): a script that sets them first builds it with its values."""

import torch.nn as nn

import config
from config import WIDTH


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(config.CFG["channels"], 8, 3)  # expect: SHP002
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc1 = nn.Linear(8, WIDTH)
        self.fc2 = nn.Linear(config.WIDTH, 10)

    def forward(self, x):
        x = self.pool(self.conv(x)).flatten(1)
        return self.fc2(self.fc1(x))
