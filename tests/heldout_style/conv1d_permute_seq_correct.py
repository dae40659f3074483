"""Sequence classifier: Embedding, permute to channels-first, Conv1d stack, global max over time."""
import torch
import torch.nn as nn


class SeqCNN(nn.Module):  # shapelint: input=(B, 40)
    def __init__(self, vocab=1000, emb=24, channels=(32, 48), n_classes=3):
        super().__init__()
        self.emb = nn.Embedding(vocab, emb, padding_idx=0)
        self.conv1 = nn.Conv1d(emb, channels[0], kernel_size=5, padding=2)
        self.conv2 = nn.Conv1d(channels[0], channels[1], kernel_size=3)
        self.norm = nn.BatchNorm1d(channels[1])
        self.out = nn.Linear(channels[1], n_classes)

    def forward(self, tokens):
        x = self.emb(tokens).permute(0, 2, 1)
        x = torch.relu(self.conv1(x))
        x = torch.relu(self.norm(self.conv2(x)))
        x, _ = x.max(dim=2)
        return self.out(x)


def check() -> None:
    with torch.no_grad():
        assert SeqCNN().eval()(torch.randint(0, 1000, (2, 40))).shape == (2, 3)
