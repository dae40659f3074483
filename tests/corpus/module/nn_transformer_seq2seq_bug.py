"""A translation model whose target embedding is narrower than the Transformer's ``d_model``."""
import torch
import torch.nn as nn


class Seq2Seq(nn.Module):
    def __init__(self, src_vocab=800, tgt_vocab=600, emb_size=64):
        super().__init__()
        self.src_tok = nn.Embedding(src_vocab, emb_size)
        self.tgt_tok = nn.Embedding(tgt_vocab, 32)
        self.transformer = nn.Transformer(emb_size, 4, 2, 2, dim_feedforward=128)  # expect: SHP001
        self.generator = nn.Linear(emb_size, tgt_vocab)

    def forward(self, src, tgt):
        return self.generator(self.transformer(self.src_tok(src), self.tgt_tok(tgt)))


def check() -> None:
    with torch.no_grad():
        Seq2Seq().eval()(torch.randint(0, 800, (12, 3)), torch.randint(0, 600, (9, 3)))
