"""RNN input_size by keyword: a character-level Elman RNN fed one-hot vectors of the wrong alphabet size."""
import torch
from torch import nn

N_LETTERS = 57


class CharRNN(nn.Module):  # shapelint: input=(B, 12, 57)
    def __init__(self):
        super().__init__()
        self.rnn = nn.RNN(input_size=57, hidden_size=128, batch_first=True)
        self.classify = nn.Linear(128, 18)

    def forward(self, letters):
        _, hidden = self.rnn(letters)
        return self.classify(hidden[0])


def check() -> None:
    CharRNN()(torch.rand(3, 12, N_LETTERS))
