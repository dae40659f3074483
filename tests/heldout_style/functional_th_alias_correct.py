"""`import torch as th`, functional pooling and x.view(x.size(0), -1), as in older GitHub code."""
import torch as th
import torch.nn.functional as F


class LeNet5(th.nn.Module):  # shapelint: input=(B, 1, 32, 32)
    def __init__(self):
        super(LeNet5, self).__init__()
        self.conv1 = th.nn.Conv2d(1, 6, kernel_size=5)
        self.conv2 = th.nn.Conv2d(6, 16, kernel_size=5)
        self.fc1 = th.nn.Linear(16 * 5 * 5, 120)
        self.fc2 = th.nn.Linear(120, 84)
        self.fc3 = th.nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), (2, 2))
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = x.view(x.size(0), -1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


def check() -> None:
    with th.no_grad():
        LeNet5()(th.randn(2, 1, 32, 32))
