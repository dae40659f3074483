"""A seq2seq model in the style of translation tutorials: a bidirectional GRU encoder whose final hidden state is
summed over its two directions before the one-way GRU decoder takes it."""
import torch
import torch.nn as nn


class Seq2Seq(nn.Module):
    def __init__(self, vocab=50, embed=16, hidden=32):
        super().__init__()
        self.embed = nn.Embedding(vocab, embed)
        self.encoder = nn.GRU(embed, hidden, batch_first=True, bidirectional=True)
        self.decoder = nn.GRU(embed, hidden, batch_first=True)
        self.out = nn.Linear(hidden, vocab)

    def forward(self, source, target):
        _, hidden = self.encoder(self.embed(source))
        hidden = hidden[0:1] + hidden[1:2]
        output, _ = self.decoder(self.embed(target), hidden)
        return self.out(output)


model = Seq2Seq()


def check():
    model(torch.randint(0, 50, (4, 9)), torch.randint(0, 50, (4, 7)))
