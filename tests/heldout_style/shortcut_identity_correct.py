"""kuangliu's PreAct blocks: an empty nn.Sequential() shortcut unless the shape changes, and out +=."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class PreActBlock(nn.Module):
    expansion = 1

    def __init__(self, in_planes, planes, stride=1):
        super().__init__()
        self.bn1 = nn.BatchNorm2d(in_planes)
        self.conv1 = nn.Conv2d(in_planes, planes, kernel_size=3, stride=stride, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, kernel_size=3, stride=1, padding=1, bias=False)
        self.shortcut = nn.Sequential()
        if stride != 1 or in_planes != self.expansion * planes:
            self.shortcut = nn.Sequential(nn.Conv2d(in_planes, self.expansion * planes, kernel_size=1, stride=stride, bias=False))

    def forward(self, x):
        out = F.relu(self.bn1(x))
        shortcut = self.shortcut(out) if hasattr(self, "shortcut") else x
        out = self.conv1(out)
        out = self.conv2(F.relu(self.bn2(out)))
        out += shortcut
        return out


class Net(nn.Module):  # shapelint: input=(B, 3, 16, 16)
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 16, kernel_size=3, padding=1, bias=False)
        self.layer1 = PreActBlock(16, 16)
        self.layer2 = PreActBlock(16, 32, stride=2)
        self.linear = nn.Linear(32, 10)

    def forward(self, x):
        out = self.layer2(self.layer1(self.conv1(x)))
        out = F.avg_pool2d(out, 8)
        return self.linear(out.view(out.size(0), -1))


def check() -> None:
    with torch.no_grad():
        Net().eval()(torch.randn(2, 3, 16, 16))
