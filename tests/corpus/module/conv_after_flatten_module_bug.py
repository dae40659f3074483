"""forward() flattens too early, so the second conv receives a 2-D tensor."""
import torch
import torch.nn as nn


class Net(nn.Module):  # shapelint: input=(B, 3, 16, 16)
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 8, 3, padding=1)
        self.conv2 = nn.Conv2d(8, 8, 3, padding=1)  # expect: SHP005
        self.fc = nn.Linear(8 * 16 * 16, 2)

    def forward(self, x):
        x = torch.relu(self.conv1(x))
        x = x.flatten(1)
        x = torch.relu(self.conv2(x))
        return self.fc(x)


def check() -> None:
    with torch.no_grad():
        Net()(torch.randn(2, 3, 16, 16))
