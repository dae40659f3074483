"""A captioning decoder in the style of show-and-tell tutorials: an LSTMCell run step by step over the embedded
caption, each word concatenated with the image feature, so the cell's input_size must count both; it counts the
word alone."""
import torch
import torch.nn as nn


class CaptionDecoder(nn.Module):
    def __init__(self, vocab=40, embed=16, feature=24, hidden=32):
        super().__init__()
        self.embed = nn.Embedding(vocab, embed)
        self.init_h = nn.Linear(feature, hidden)
        self.init_c = nn.Linear(feature, hidden)
        self.cell = nn.LSTMCell(embed, hidden)  # expect: SHP001
        self.out = nn.Linear(hidden, vocab)

    def forward(self, feature, captions):
        words = self.embed(captions)
        h, c = self.init_h(feature), self.init_c(feature)
        logits = []
        for t in range(captions.size(1)):
            step = torch.cat([words[:, t], feature], dim=1)
            h, c = self.cell(step, (h, c))
            logits.append(self.out(h))
        return torch.stack(logits, dim=1)


model = CaptionDecoder()


def check():
    model(torch.randn(4, 24), torch.randint(0, 40, (4, 7)))
