"""A seq2seq model in the style of translation tutorials: a bidirectional GRU encoder whose final hidden state is
handed straight to a one-way GRU decoder, which takes one layer's state, not two directions'."""
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
        output, _ = self.decoder(self.embed(target), hidden)  # expect: SHP006
        return self.out(output)


model = Seq2Seq()


def check():
    model(torch.randint(0, 50, (4, 9)), torch.randint(0, 50, (4, 7)))
