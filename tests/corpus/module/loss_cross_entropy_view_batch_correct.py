"""The network of loss_cross_entropy_view_batch_bug fed the 28x28 images its view(-1, 320) was written for."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 10, 5)
        self.conv2 = nn.Conv2d(10, 20, 5)
        self.fc = nn.Linear(320, 10)

    def forward(self, x):
        x = F.relu(F.max_pool2d(self.conv1(x), 2))
        x = F.relu(F.max_pool2d(self.conv2(x), 2))
        x = x.view(-1, 320)
        return F.log_softmax(self.fc(x), dim=1)


def check() -> None:
    data, target = torch.randn(16, 1, 28, 28), torch.randint(0, 10, (16,))
    F.nll_loss(Net()(data), target)
