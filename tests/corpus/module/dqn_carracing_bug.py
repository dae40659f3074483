"""The Nature DQN reused for 96x96 CarRacing frames: the flatten size is now 8 * 8 * 64."""
import torch
import torch.nn as nn


class DQN(nn.Module):  # shapelint: input=(B, 4, 96, 96)
    def __init__(self, n_actions=6):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(4, 32, kernel_size=8, stride=4),
            nn.ReLU(),
            nn.Conv2d(32, 64, kernel_size=4, stride=2),
            nn.ReLU(),
            nn.Conv2d(64, 64, kernel_size=3, stride=1),
            nn.ReLU(),
            nn.Flatten(),
            nn.Linear(7 * 7 * 64, 512),  # expect: SHP001
            nn.ReLU(),
            nn.Linear(512, n_actions),
        )

    def forward(self, x):
        return self.net(x / 255.0)


def check() -> None:
    with torch.no_grad():
        DQN()(torch.randint(0, 255, (2, 4, 96, 96)).float())
