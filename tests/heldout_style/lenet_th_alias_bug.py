"""LeNet-5 for MNIST's 28x28 digits written with `import torch as th`, head sized for 32x32."""
import torch as th
import torch.nn.functional as F


class LeNet5(th.nn.Module):  # shapelint: input=(B, 1, 28, 28)
    def __init__(self):
        super(LeNet5, self).__init__()
        self.conv1 = th.nn.Conv2d(1, 6, kernel_size=5)
        self.conv2 = th.nn.Conv2d(6, 16, kernel_size=5)
        self.fc1 = th.nn.Linear(16 * 5 * 5, 120)  # expect: SHP001
        self.fc2 = th.nn.Linear(120, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = th.flatten(x, 1)
        return self.fc2(F.relu(self.fc1(x)))


def check() -> None:
    with th.no_grad():
        LeNet5()(th.randn(2, 1, 28, 28))
