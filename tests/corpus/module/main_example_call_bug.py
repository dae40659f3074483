"""No directive: the input shape comes from the example call under __main__."""
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3, stride=2, padding=1)
        self.fc = nn.Linear(8 * 16 * 16, 4)  # expect: SHP001

    def forward(self, x):
        return self.fc(torch.flatten(torch.relu(self.conv(x)), 1))


def check() -> None:
    with torch.no_grad():
        Net()(torch.randn(2, 3, 64, 64))


if __name__ == "__main__":
    model = Net()
    print(model(torch.randn(2, 3, 64, 64)).shape)
