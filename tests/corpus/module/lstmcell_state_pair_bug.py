"""A decoder moved from a GRUCell to an LSTMCell: it now keeps a cell state beside the hidden one, but still hands
the cell its hidden state alone, where LSTMCell takes the pair (h, c)."""
import torch
import torch.nn as nn


class Decoder(nn.Module):
    def __init__(self, vocab=30, embed=16, hidden=32):
        super().__init__()
        self.embed = nn.Embedding(vocab, embed)
        self.encoder = nn.GRU(embed, hidden, batch_first=True)
        self.cell = nn.LSTMCell(embed, hidden)
        self.out = nn.Linear(hidden, vocab)

    def forward(self, source, target):
        _, summary = self.encoder(self.embed(source))
        h = summary[0]
        c = torch.zeros_like(h)
        outputs = []
        for t in range(target.size(1)):
            h, c = self.cell(self.embed(target[:, t]), h)  # expect: SHP006
            outputs.append(self.out(h))
        return torch.stack(outputs, dim=1)


model = Decoder()


def check():
    model(torch.randint(0, 30, (4, 9)), torch.randint(0, 30, (4, 6)))
