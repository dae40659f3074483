"""Multi-task model whose ModuleDict LayerNorm normalizes twice the backbone width."""
import torch
from torch import nn


class MultiTask(nn.Module):  # shapelint: input=(B, 3, 24, 24)
    FEATURES = 48
    TASKS = {"age": 1, "gender": 2, "race": 5}

    def __init__(self):
        super().__init__()
        self.backbone = nn.Sequential(
            nn.Conv2d(3, self.FEATURES, 3, stride=2, padding=1),
            nn.ReLU(),
            nn.AdaptiveAvgPool2d(1),
            nn.Flatten(),
        )
        self.heads = nn.ModuleDict({name: nn.Linear(self.FEATURES, n) for name, n in self.TASKS.items()})
        self.norm = nn.ModuleDict({"pre": nn.LayerNorm(MultiTask.FEATURES * 2)})  # expect: SHP003

    def forward(self, x):
        z = self.norm["pre"](self.backbone(x))
        return {name: head(z) for name, head in self.heads.items()}


def check() -> None:
    MultiTask()(torch.randn(2, 3, 24, 24))
