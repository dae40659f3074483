"""add_module-grown CNN whose fc assumes 4x4 maps, but three floor-halving pools take 28 to 3."""
import torch
import torch.nn as nn

channels = [1, 16, 32, 64]

model = nn.Sequential()
for i, (c_in, c_out) in enumerate(zip(channels, channels[1:])):
    model.add_module(f"conv{i}", nn.Conv2d(c_in, c_out, kernel_size=3, padding=1))
    model.add_module(f"bn{i}", nn.BatchNorm2d(c_out))
    model.add_module(f"relu{i}", nn.ReLU())
    model.add_module(f"pool{i}", nn.MaxPool2d(2))
model.add_module("flatten", nn.Flatten())
model.add_module("fc", nn.Linear(channels[-1] * 4 * 4, 10))  # expect: SHP001

if __name__ == "__main__":
    out = model(torch.randn(8, 1, 28, 28))


def check() -> None:
    model(torch.randn(2, 1, 28, 28))
