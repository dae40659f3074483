"""Sequential subclasses with a forward of their own that goes through their children; the head forgets the
downsampling block doubled the width."""
import torch
import torch.nn as nn


class ConvBNAct(nn.Sequential):
    def __init__(self, cin: int, cout: int, stride: int = 1) -> None:
        super().__init__(nn.Conv2d(cin, cout, 3, stride, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU())

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for layer in self:
            x = layer(x)
        return x


class Residual(nn.Sequential):
    def __init__(self, width: int) -> None:
        super().__init__(nn.Conv2d(width, width, 3, padding=1), nn.BatchNorm2d(width))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.relu(x + self[1](self[0](x)))


class Net(nn.Module):
    def __init__(self, classes: int = 10) -> None:
        super().__init__()
        self.stem = ConvBNAct(3, 16)
        self.down = ConvBNAct(16, 32, stride=2)
        self.block = Residual(32)
        self.head = nn.Linear(16, classes)  # expect: SHP001

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.block(self.down(self.stem(x)))
        return self.head(x.mean((2, 3)))


model = Net()


def check() -> None:
    with torch.no_grad():
        model.eval()(torch.randn(2, 3, 32, 32))
