"""Sentence classification with sentences of different lengths: the `collate_fn` pads them with
`pad_sequence(batch_first=True)` and stacks the labels; the LSTM is sized for 128-wide embeddings where the
embedding layer gives 100."""
import torch
import torch.nn as nn
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import DataLoader, Dataset


class Sentences(Dataset):
    def __len__(self):
        return 1000

    def __getitem__(self, i):
        return torch.randint(0, 5000, (5 + i % 20,)), i % 4


def pad_collate(batch):
    texts = [text for text, _ in batch]
    labels = torch.tensor([label for _, label in batch])
    return pad_sequence(texts, batch_first=True), labels


class LSTMClassifier(nn.Module):
    def __init__(self, vocab=5000, embed=100, hidden=64, classes=4):
        super().__init__()
        self.embedding = nn.Embedding(vocab, embed)
        self.lstm = nn.LSTM(128, hidden, batch_first=True)  # expect: SHP001
        self.fc = nn.Linear(hidden, classes)

    def forward(self, tokens):
        output, (h, c) = self.lstm(self.embedding(tokens))
        return self.fc(h[-1])


def train():
    loader = DataLoader(Sentences(), batch_size=32, shuffle=True, collate_fn=pad_collate)
    model = LSTMClassifier()
    for tokens, labels in loader:
        nn.functional.cross_entropy(model(tokens), labels)


if __name__ == "__main__":
    train()


def check() -> None:
    """A padded batch: 32 sentences of up to 24 tokens."""
    with torch.no_grad():
        LSTMClassifier()(torch.randint(0, 5000, (32, 24)))
