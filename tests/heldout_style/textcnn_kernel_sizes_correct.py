"""Kim-style text CNN: Embedding, permute to channels-first, Conv1d per kernel size, max over time, concat."""
import torch
import torch.nn as nn
import torch.nn.functional as F

VOCAB_SIZE = 5000
EMBED_DIM = 100
NUM_FILTERS = 64
FILTER_SIZES = [3, 4, 5]
NUM_CLASSES = 4


class TextCNN(nn.Module):
    def __init__(self):
        super(TextCNN, self).__init__()
        self.embedding = nn.Embedding(VOCAB_SIZE, EMBED_DIM, padding_idx=0)
        self.convs = nn.ModuleList([nn.Conv1d(EMBED_DIM, NUM_FILTERS, k) for k in FILTER_SIZES])
        self.dropout = nn.Dropout(0.5)
        self.fc = nn.Linear(NUM_FILTERS * len(FILTER_SIZES), NUM_CLASSES)

    def forward(self, text):
        embedded = self.embedding(text)
        embedded = embedded.permute(0, 2, 1)
        conved = [F.relu(conv(embedded)) for conv in self.convs]
        pooled = [F.max_pool1d(conv, conv.shape[2]).squeeze(2) for conv in conved]
        cat = self.dropout(torch.cat(pooled, dim=1))
        return self.fc(cat)


model = TextCNN()
tokens = torch.randint(0, VOCAB_SIZE, (8, 40))


def check() -> None:
    TextCNN()(torch.randint(0, VOCAB_SIZE, (8, 40)))
