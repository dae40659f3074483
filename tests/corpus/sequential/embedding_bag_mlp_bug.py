"""Embedding then flatten over a fixed context window; the Linear forgets the window size."""
import torch
import torch.nn as nn

context, embed_dim = 4, 16
ngram_lm = nn.Sequential(  # shapelint: input=(B, 4)
    nn.Embedding(50, embed_dim),
    nn.Flatten(),
    nn.Linear(embed_dim, 128),  # expect: SHP001
    nn.Tanh(),
    nn.Linear(128, 50),
)


def check() -> None:
    with torch.no_grad():
        ngram_lm(torch.randint(0, 50, (2, context)))
