"""While-loop encoder whose LayerNorm takes the final channel count (256) instead of the 64 projected features."""
import torch
import torch.nn as nn


class Encoder(nn.Module):  # shapelint: input=(B, 3, 64, 64)
    def __init__(self, image_size=64, in_channels=3, base=16, n_out=6):
        super().__init__()
        layers = [nn.Conv2d(in_channels, base, 3, padding=1), nn.BatchNorm2d(base), nn.ReLU()]
        size, channels = image_size, base
        while size > 4:
            layers += [nn.Conv2d(channels, channels * 2, 3, stride=2, padding=1), nn.BatchNorm2d(channels * 2), nn.ReLU()]
            channels *= 2
            size //= 2
        self.body = nn.Sequential(*layers)
        with torch.no_grad():
            n_flat = self.body(torch.zeros(1, in_channels, image_size, image_size)).numel()
        self.proj = nn.Linear(n_flat, 64)
        self.norm = nn.LayerNorm(channels)  # expect: SHP003
        self.head = nn.Linear(64, n_out)

    def forward(self, x):
        return self.head(self.norm(self.proj(self.body(x).flatten(1))))


def check() -> None:
    Encoder().eval()(torch.randn(2, 3, 64, 64))
