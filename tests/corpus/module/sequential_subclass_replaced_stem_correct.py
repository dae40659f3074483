"""A torchvision-style stem (a Sequential subclass filled through ``super().__init__``) whose first conv is replaced
for grayscale input, as fine-tuning scripts do: ``model.features[0][0] = nn.Conv2d(1, ...)``, keeping the
stem's width."""
import torch
import torch.nn as nn


class ConvNormActivation(nn.Sequential):
    def __init__(self, cin, cout, kernel_size=4, stride=4):
        super().__init__(
            nn.Conv2d(cin, cout, kernel_size, stride=stride),
            nn.BatchNorm2d(cout),
            nn.ReLU(),
        )


class Net(nn.Module):
    def __init__(self, classes=10):
        super().__init__()
        self.features = nn.Sequential(ConvNormActivation(3, 8), nn.Conv2d(8, 16, 3, padding=1), nn.ReLU())
        self.head = nn.Linear(16, classes)
        self.features[0][0] = nn.Conv2d(1, 8, 4, stride=4)  # grayscale input

    def forward(self, x):
        return self.head(self.features(x).mean((2, 3)))


model = Net()


def check():
    model.eval()(torch.randn(2, 1, 32, 32))
