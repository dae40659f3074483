"""Meta-learning layers in the style of PyTorch-MAML: each torch layer is subclassed with a project mixin as a
second base (`class Linear(nn.Linear, Module)`), and the classifier's Linear is sized for 5x5 maps where the
convolutions leave 7x7 (28x28 images, two stride-2 convolutions)."""
import torch
import torch.nn as nn


class Module(nn.Module):
    def __init__(self):
        super(Module, self).__init__()
        self.efficient = False


class Conv2d(nn.Conv2d, Module):
    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0):
        super(Conv2d, self).__init__(in_channels, out_channels, kernel_size, stride, padding)

    def forward(self, x, params=None):
        return super(Conv2d, self).forward(x)


class Linear(nn.Linear, Module):
    def __init__(self, in_features, out_features, bias=True):
        super(Linear, self).__init__(in_features, out_features, bias=bias)

    def forward(self, x, params=None):
        return super(Linear, self).forward(x)


class ConvNet(Module):
    def __init__(self, classes=5):
        super().__init__()
        self.conv1 = Conv2d(1, 32, 3, stride=2, padding=1)
        self.conv2 = Conv2d(32, 32, 3, stride=2, padding=1)
        self.fc = Linear(32 * 5 * 5, classes)  # expect: SHP001

    def forward(self, x):
        x = torch.relu(self.conv2(torch.relu(self.conv1(x))))
        return self.fc(x.flatten(1))


if __name__ == "__main__":
    ConvNet()(torch.randn(5, 1, 28, 28))


def check() -> None:
    ConvNet()(torch.randn(5, 1, 28, 28))
