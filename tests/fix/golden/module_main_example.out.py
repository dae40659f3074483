"""An nn.Module whose input shape comes from an example call under if __name__ == "__main__"."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class SmallCNN(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 32, 3, padding=1)
        self.conv2 = nn.Conv2d(32, 64, 3, padding=1)
        self.fc = nn.Linear(64 * 8 * 8, num_classes)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        return self.fc(x.flatten(1))


def check() -> None:
    SmallCNN()(torch.randn(2, 3, 32, 32))


if __name__ == "__main__":
    model = SmallCNN()
    print(model(torch.randn(8, 3, 32, 32)).shape)
