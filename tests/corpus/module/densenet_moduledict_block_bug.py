"""torchvision DenseNet's dense block: an nn.ModuleDict subclass filled by add_module, run over self.items(); the head forgets the input's own channels."""
import torch
import torch.nn as nn


class Block(nn.ModuleDict):
    def __init__(self, n, cin, growth):
        super().__init__()
        for i in range(n):
            self.add_module("layer%d" % (i + 1), nn.Conv2d(cin + i * growth, growth, 3, padding=1))

    def forward(self, x):
        features = [x]
        for name, layer in self.items():
            features.append(layer(torch.cat(features, 1)))
        return torch.cat(features, 1)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.block = Block(3, 4, 2)
        self.head = nn.Conv2d(9, 2, 1)  # expect: SHP002

    def forward(self, x):
        return self.head(self.block(x))


def check() -> None:
    with torch.no_grad():
        Net()(torch.randn(2, 4, 8, 8))


if __name__ == "__main__":
    Net()(torch.randn(2, 4, 8, 8))
