"""A tutorial's sanity check before training: take one sample of the dataset with train_set[0], add the batch
dimension with unsqueeze(0) and run the model on it.  The audio classifier takes the one channel of the dataset's
spectrograms."""
import torch
import torch.nn as nn
from torch.utils.data import Dataset


class Spectrograms(Dataset):
    def __init__(self, n=100):
        self.specs = torch.randn(n, 1, 64, 44)
        self.labels = torch.randint(0, 10, (n,))

    def __len__(self):
        return len(self.specs)

    def __getitem__(self, idx):
        return self.specs[idx], self.labels[idx]


class AudioNet(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1),
            nn.ReLU(),
            nn.AdaptiveAvgPool2d(1),
        )
        self.classifier = nn.Linear(16, num_classes)

    def forward(self, x):
        return self.classifier(self.features(x).flatten(1))


def peek():
    train_set = Spectrograms()
    spec, label = train_set[0]
    print(spec.shape, label)
    model = AudioNet()
    print(model(spec.unsqueeze(0)).shape)


def check() -> None:
    """The sample the sanity check runs: one spectrogram with a batch dimension."""
    spec, _ = Spectrograms(4)[0]
    with torch.no_grad():
        AudioNet()(spec.unsqueeze(0))
