"""Token ids through an embedding, two TransformerEncoderLayers and mean pooling into a classifier head."""
import torch
import torch.nn as nn


class TextClassifier(nn.Module):  # shapelint: input=(B, T)
    def __init__(self, vocab=1000, d_model=128, classes=2):
        super().__init__()
        self.embed = nn.Embedding(vocab, d_model)
        self.encoder = nn.Sequential(
            nn.TransformerEncoderLayer(128, 8, dim_feedforward=256, batch_first=True),
            nn.TransformerEncoderLayer(128, 8, dim_feedforward=256, batch_first=True),
        )
        self.classifier = nn.Linear(d_model, classes)

    def forward(self, tokens):
        hidden = self.encoder(self.embed(tokens))
        return self.classifier(hidden.mean(dim=1))


def check() -> None:
    with torch.no_grad():
        TextClassifier()(torch.randint(0, 1000, (2, 32)))
