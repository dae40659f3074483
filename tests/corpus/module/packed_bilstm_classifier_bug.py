"""A sentence classifier in the style of NLP tutorials: padded batches packed by length, a bidirectional LSTM, the
padded output's last step to a Linear sized for one direction."""
import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence


class SentenceClassifier(nn.Module):
    def __init__(self, vocab_size=100, embed_dim=32, hidden_dim=48, classes=4):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_dim, padding_idx=0)
        self.lstm = nn.LSTM(embed_dim, hidden_dim, batch_first=True, bidirectional=True)
        self.fc = nn.Linear(hidden_dim, classes)  # expect: SHP001

    def forward(self, tokens, lengths):
        packed = pack_padded_sequence(self.embedding(tokens), lengths, batch_first=True, enforce_sorted=False)
        output, (hidden, cell) = self.lstm(packed)
        padded, _ = pad_packed_sequence(output, batch_first=True)
        return self.fc(padded[:, 0, :])


model = SentenceClassifier()


def check():
    tokens = torch.randint(1, 100, (3, 7))
    model(tokens, torch.tensor([7, 5, 2]))
