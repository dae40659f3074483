"""Token ids through an Embedding, then Linear layers on the last dim."""
import torch
import torch.nn as nn

vocab_size, embed_dim = 100, 32
tagger = nn.Sequential(  # shapelint: input=(B, T)
    nn.Embedding(vocab_size, embed_dim, padding_idx=0),
    nn.Dropout(0.1),
    nn.Linear(embed_dim, 64),
    nn.ReLU(),
    nn.Linear(64, 9),
)


def check() -> None:
    with torch.no_grad():
        tagger.eval()(torch.randint(0, vocab_size, (2, 12)))
