"""GRU and Transformer encoders with Linear heads on the last step and on a mean over time."""
import torch
import torch.nn as nn


class GRUNet(nn.Module):  # shapelint: input=(B, 30, 7)
    def __init__(self):
        super().__init__()
        self.gru = nn.GRU(input_size=7, hidden_size=20, batch_first=True)
        self.fc = nn.Linear(20, 1)

    def forward(self, x):
        out, _ = self.gru(x)
        return self.fc(out[:, -1, :])


class Encoder(nn.Module):  # shapelint: input=(B, 12, 16)
    def __init__(self):
        super().__init__()
        layer = nn.TransformerEncoderLayer(d_model=16, nhead=4, dim_feedforward=32, batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, num_layers=2)
        self.norm = nn.LayerNorm(16)
        self.head = nn.Linear(16, 5)

    def forward(self, x):
        return self.head(self.norm(self.encoder(x)).mean(dim=1))


def check() -> None:
    with torch.no_grad():
        GRUNet()(torch.randn(2, 30, 7))
        Encoder().eval()(torch.randn(2, 12, 16))
