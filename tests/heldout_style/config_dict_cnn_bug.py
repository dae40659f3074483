"""Paper code with a config dict; the head assumes three poolings while the body has two."""
import torch
import torch.nn as nn

cfg = {"width": 16, "num_classes": 5}


class ConvNet(nn.Module):  # shapelint: input=(B, 3, 32, 32)
    def __init__(self):
        super().__init__()
        w = cfg["width"]
        self.body = nn.Sequential(
            nn.Conv2d(3, w, 3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(w, w, 3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),
        )
        self.head = nn.Linear(16 * 4 * 4, cfg["num_classes"])  # expect: SHP001

    def forward(self, x):
        return self.head(torch.flatten(self.body(x), start_dim=1))


def check() -> None:
    with torch.no_grad():
        ConvNet()(torch.randn(2, 3, 32, 32))
