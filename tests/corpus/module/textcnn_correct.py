"""Kim (2014) sentence CNN: embedding, parallel convs over n-grams, max-over-time, concat."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class TextCNN(nn.Module):  # shapelint: input=(B, 20)
    def __init__(self, vocab_size=500, embed_dim=32, num_filters=16, kernel_sizes=(3, 4, 5), num_classes=2):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_dim)
        self.convs = nn.ModuleList([nn.Conv2d(1, num_filters, (k, embed_dim)) for k in kernel_sizes])
        self.dropout = nn.Dropout(0.5)
        self.fc = nn.Linear(len(kernel_sizes) * num_filters, num_classes)

    def forward(self, x):
        x = self.embedding(x).unsqueeze(1)
        x = [F.relu(conv(x)).squeeze(3) for conv in self.convs]
        x = [F.max_pool1d(i, i.size(2)).squeeze(2) for i in x]
        x = torch.cat(x, 1)
        return self.fc(self.dropout(x))


def check() -> None:
    with torch.no_grad():
        TextCNN().eval()(torch.randint(0, 500, (2, 20)))
