"""CRNN for text lines: conv features reshaped to (width, batch, channels * height) for a bidirectional GRU."""
import torch
import torch.nn as nn


class CRNN(nn.Module):  # shapelint: input=(B, 1, 32, 100)
    def __init__(self, img_h=32, nc=1, nclass=37, nh=64):
        super(CRNN, self).__init__()
        self.cnn = nn.Sequential(
            nn.Conv2d(nc, 32, 3, 1, 1), nn.ReLU(True), nn.MaxPool2d(2, 2),
            nn.Conv2d(32, 64, 3, 1, 1), nn.ReLU(True), nn.MaxPool2d(2, 2),
            nn.Conv2d(64, 128, 3, 1, 1), nn.BatchNorm2d(128), nn.ReLU(True), nn.MaxPool2d((2, 1), (2, 1)),
        )
        feat_h = img_h // 8
        self.rnn = nn.GRU(128 * feat_h, nh, bidirectional=True)
        self.embedding = nn.Linear(nh * 2, nclass)

    def forward(self, x):
        conv = self.cnn(x)
        b, c, h, w = conv.size()
        conv = conv.view(b, c * h, w)
        conv = conv.permute(2, 0, 1)  # [w, b, c*h]
        recurrent, _ = self.rnn(conv)
        t, b, hidden = recurrent.size()
        out = self.embedding(recurrent.view(t * b, hidden))
        return out.view(t, b, -1)


def check() -> None:
    CRNN()(torch.randn(2, 1, 32, 100))
