"""The same classifier with the LSTM's output taken out of its (output, state) tuple before the Linear."""
import torch
import torch.nn as nn


class TakeOutput(nn.Module):
    def forward(self, pair):
        output, _ = pair
        return output


model = nn.Sequential(  # shapelint: input=(B, 20)
    nn.Embedding(1000, 32),
    nn.LSTM(32, 64, batch_first=True),
    TakeOutput(),
    nn.Linear(64, 5),
)


def check() -> None:
    with torch.no_grad():
        model(torch.randint(0, 1000, (2, 20)))
