"""A model exported for deployment: `torch.jit.trace(model, example)` runs it on the example, here 21x21 images,
which leave 2x2 maps where the view expects 5x5 (pytorch/pytorch#38469)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class LeNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 6, 5)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = x.view(-1, 16 * 5 * 5)  # expect: SHP006
        return self.fc1(x)


def export(path="lenet.pt"):
    model = LeNet().eval()
    traced = torch.jit.trace(model, torch.randn(6, 3, 21, 21))
    traced.save(path)


def check() -> None:
    """The example the trace runs."""
    with torch.no_grad():
        LeNet()(torch.randn(6, 3, 21, 21))
