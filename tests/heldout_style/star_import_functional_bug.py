"""Star-import MNIST net whose fc1 keeps the tutorial's 320 after the conv width became 32."""
import torch
from torch.nn import *
from torch.nn import functional as F

IN_CH, H, W = 1, 28, 28
HIDDEN = 32


class ConvNet(Module):
    def __init__(self):
        super().__init__()
        self.conv1 = Conv2d(IN_CH, 10, kernel_size=5)
        self.conv2 = Conv2d(10, HIDDEN, kernel_size=5)
        self.conv2_drop = Dropout2d()
        self.fc1 = Linear(320, 50)  # expect: SHP001
        self.fc2 = Linear(50, 10)

    def forward(self, x):
        x = F.relu(F.max_pool2d(self.conv1(x), 2))
        x = F.relu(F.max_pool2d(self.conv2_drop(self.conv2(x)), 2))
        x = x.view(x.size(0), -1)
        x = F.relu(self.fc1(x))
        x = F.dropout(x, training=self.training)
        return F.log_softmax(self.fc2(x), dim=1)


if __name__ == "__main__":
    print(ConvNet()(torch.zeros(64, IN_CH, H, W)).shape)


def check() -> None:
    ConvNet()(torch.zeros(4, IN_CH, H, W))
