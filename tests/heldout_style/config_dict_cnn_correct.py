"""Paper code: hyperparameters in a module-level config dict read with cfg['...']."""
import torch
import torch.nn as nn

cfg = {"in_channels": 3, "width": 32, "num_classes": 10, "image_size": 32}


class ConvNet(nn.Module):  # shapelint: input=(B, 3, 32, 32)
    def __init__(self):
        super().__init__()
        w = cfg["width"]
        self.body = nn.Sequential(
            nn.Conv2d(cfg["in_channels"], w, 3, padding=1),
            nn.BatchNorm2d(w),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(w, 2 * w, 3, padding=1),
            nn.BatchNorm2d(2 * w),
            nn.ReLU(),
            nn.MaxPool2d(2),
        )
        side = cfg["image_size"] // 4
        self.head = nn.Linear(2 * w * side * side, cfg["num_classes"])

    def forward(self, x):
        x = self.body(x)
        return self.head(x.flatten(1))


def check() -> None:
    with torch.no_grad():
        ConvNet().eval()(torch.randn(2, 3, 32, 32))
