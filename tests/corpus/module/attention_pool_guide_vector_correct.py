"""Attention pooling over a bidirectional GRU with a learned guide vector, as PLELog writes it:
`torch.matmul(hiddens, self.atten_guide)` multiplies (B, T, 2H) by a vector (2H,) into one score per step."""
import torch
import torch.nn as nn


class AttentionPool(nn.Module):  # shapelint: input=(B, 50, 100)
    def __init__(self):
        super().__init__()
        self.rnn = nn.GRU(100, 64, batch_first=True, bidirectional=True)
        self.atten_guide = nn.Parameter(torch.randn(128))
        self.fc = nn.Linear(128, 2)

    def forward(self, x):
        hiddens, _ = self.rnn(x)
        sent_probs = torch.softmax(torch.matmul(hiddens, self.atten_guide), dim=1)
        represents = (hiddens * sent_probs.unsqueeze(-1)).sum(dim=1)
        return self.fc(represents)


def check() -> None:
    with torch.no_grad():
        AttentionPool()(torch.randn(4, 50, 100))
