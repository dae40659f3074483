"""Token features pooled three ways (CLS token, mean, last step) and a channels-first conv over them."""
import torch
import torch.nn as nn


class Pooler(nn.Module):  # shapelint: input=(B, 16, 32)
    def __init__(self):
        super().__init__()
        self.proj = nn.Linear(32, 48)
        self.norm = nn.LayerNorm(48)
        self.cls = nn.Linear(48, 3)
        self.conv = nn.Conv1d(48, 8, 1)

    def forward(self, x):
        h = self.norm(self.proj(x))
        c = self.conv(h.transpose(1, 2))
        return self.cls(h[:, 0]), self.cls(h.mean(1)), self.cls(h[:, -1, :]), c.sum(-1)


def check() -> None:
    with torch.no_grad():
        Pooler()(torch.randn(2, 16, 32))
