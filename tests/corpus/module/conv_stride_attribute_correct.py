"""A bottleneck-attention block in the style of BoTNet's model.py: the feature-map resolution that sizes the
relative position embedding is tracked in `__init__` by reading the stem's `stride` back
(`if self.conv1.stride[0] == 2`), and the model is run on the 32x32 images it is built for."""
import torch
import torch.nn as nn


class StemWithPositions(nn.Module):
    def __init__(self, resolution=(32, 32)):
        super().__init__()
        self.resolution = list(resolution)
        self.conv1 = nn.Conv2d(3, 8, kernel_size=3, stride=2, padding=1)
        if self.conv1.stride[0] == 2:
            self.resolution[0] //= 2
        if self.conv1.stride[1] == 2:
            self.resolution[1] //= 2
        self.pos = nn.Parameter(torch.randn(1, 8, self.resolution[0] * self.resolution[1]))

    def forward(self, x):
        x = self.conv1(x).flatten(2)
        return x + self.pos


if __name__ == "__main__":
    StemWithPositions()(torch.randn(2, 3, 32, 32))


def check() -> None:
    StemWithPositions()(torch.randn(2, 3, 32, 32))
