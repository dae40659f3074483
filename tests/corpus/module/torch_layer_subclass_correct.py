"""User subclasses of torch layers, as real repositories write them: a conv preset that fixes kernel and padding in super().__init__, a frozen BatchNorm that only renames its class, and a weight-standardized conv that overrides forward (which stays unchecked)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class ConvBN(nn.Conv2d):
    def __init__(self, cin, cout):
        super().__init__(cin, cout, 3, padding=1, bias=False)


class FrozenBN(nn.BatchNorm2d):
    pass


class WSConv(nn.Conv2d):
    def forward(self, x):
        w = self.weight - self.weight.mean(dim=(1, 2, 3), keepdim=True)
        return F.conv2d(x, w, self.bias, self.stride, self.padding)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = ConvBN(3, 16)
        self.bn = FrozenBN(16)
        self.c2 = WSConv(16, 32, 3, padding=1)
        self.c3 = ConvBN(32, 8)
        self.fc = nn.Linear(8 * 8 * 8, 10)

    def forward(self, x):
        x = self.c3(self.c2(self.bn(self.c1(x))))
        return self.fc(x.flatten(1))


def check() -> None:
    with torch.no_grad():
        Net()(torch.randn(2, 3, 8, 8))


if __name__ == "__main__":
    Net()(torch.randn(2, 3, 8, 8))
