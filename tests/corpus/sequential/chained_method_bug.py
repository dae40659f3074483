"""A Sequential built and moved in one expression: `nn.Sequential(...).to(device).eval()`."""
import torch
import torch.nn as nn

device = torch.device("cpu")
model = nn.Sequential(  # shapelint: input=(B, 3, 8, 8)
    nn.Conv2d(3, 6, 3),
    nn.BatchNorm2d(3),  # expect: SHP003
    nn.ReLU(),
).to(device).eval()


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 3, 8, 8, device=device))
