"""Dataclass-configured CNN whose head assumes 8x8 maps though three poolings leave 4x4."""
from dataclasses import dataclass, field

import torch
import torch.nn as nn


@dataclass
class ModelConfig:
    in_channels: int = 3
    widths: list = field(default_factory=lambda: [16, 32, 64])
    num_classes: int = 10
    dropout: float = 0.1


class ConvClassifier(nn.Module):
    def __init__(self, *, config: ModelConfig):
        super().__init__()
        blocks = []
        prev = config.in_channels
        for width in config.widths:
            blocks += [nn.Conv2d(prev, width, 3, padding=1), nn.GroupNorm(8, width), nn.SiLU(), nn.MaxPool2d(2)]
            prev = width
        self.body = nn.Sequential(*blocks)
        self.head = nn.Sequential(nn.Dropout(config.dropout), nn.Linear(prev * 8 * 8, config.num_classes))  # expect: SHP001

    def forward(self, images: torch.Tensor) -> torch.Tensor:
        features = self.body(images)
        return self.head(torch.flatten(features, start_dim=1))


def check() -> None:
    ConvClassifier(config=ModelConfig(in_channels=1))(torch.randn(2, 1, 32, 32))


if __name__ == "__main__":
    cfg = ModelConfig(in_channels=1)
    net = ConvClassifier(config=cfg)
    logits = net(torch.randn(8, 1, 32, 32))
