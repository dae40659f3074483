"""Conv layers held in a ModuleList and called by literal index."""
import torch
import torch.nn as nn


class Encoder(nn.Module):  # shapelint: input=(B, 3, 16, 16)
    def __init__(self):
        super().__init__()
        self.convs = nn.ModuleList(
            [
                nn.Conv2d(3, 16, 3, padding=1),
                nn.Conv2d(16, 32, 3, stride=2, padding=1),
                nn.Conv2d(32, 64, 3, stride=2, padding=1),
            ]
        )

    def forward(self, x):
        x = torch.relu(self.convs[0](x))
        x = torch.relu(self.convs[1](x))
        return self.convs[2](x)


def check() -> None:
    with torch.no_grad():
        Encoder()(torch.randn(2, 3, 16, 16))
