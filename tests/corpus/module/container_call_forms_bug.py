"""Forms real code builds and calls layers in: a layer list built back to front and reversed, a GPT-style nn.ModuleDict read by attribute (self.transformer.wte), attention called with need_weights=False, and an LSTM given hidden=None; three sizes are off by one layer each."""
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        layers = [nn.Linear(32, 10), nn.Linear(60, 32), nn.Linear(16, 64)]  # expect: SHP001
        layers.reverse()
        self.mlp = nn.Sequential(*layers)
        self.transformer = nn.ModuleDict(dict(wte=nn.Embedding(100, 16), head=nn.Linear(15, 5)))  # expect: SHP001
        self.attn = nn.MultiheadAttention(16, 2, batch_first=True)
        self.rnn = nn.LSTM(16, 24, batch_first=True)
        self.fc = nn.Linear(25, 3)  # expect: SHP001

    def forward(self, x, tokens):
        y = self.mlp(x)
        e = self.transformer.wte(tokens)
        a, _ = self.attn(e, e, e, need_weights=False)
        out, _ = self.rnn(a, None)
        return y, self.fc(out[:, -1]), self.transformer.head(e)


def check() -> None:
    with torch.no_grad():
        Net()(torch.randn(4, 16), torch.randint(0, 100, (4, 7)))


if __name__ == "__main__":
    Net()(torch.randn(4, 16), torch.randint(0, 100, (4, 7)))
