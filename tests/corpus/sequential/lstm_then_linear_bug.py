"""A text classifier written as one Sequential: the Linear after the LSTM is handed its (output, state) tuple."""
import torch
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(B, 20)
    nn.Embedding(1000, 32),
    nn.LSTM(32, 64, batch_first=True),
    nn.Linear(64, 5),  # expect: SHP006
)


def check() -> None:
    with torch.no_grad():
        model(torch.randint(0, 1000, (2, 20)))
