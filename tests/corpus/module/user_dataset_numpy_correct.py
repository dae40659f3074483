"""The data-loading tutorial's idiom on tabular data: numpy features turned into tensors in a Dataset whose
__getitem__ accepts a tensor index (`if torch.is_tensor(idx): idx = idx.tolist()`) and returns a dict's values;
every size fits."""
import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, Dataset


class TabularDataset(Dataset):
    def __init__(self, features, targets):
        self.features = torch.tensor(features, dtype=torch.float32)
        self.targets = torch.tensor(targets, dtype=torch.long)

    def __len__(self):
        return len(self.features)

    def __getitem__(self, idx):
        if torch.is_tensor(idx):
            idx = idx.tolist()
        sample = {"features": self.features[idx], "target": self.targets[idx]}
        return sample["features"], sample["target"]


class Classifier(nn.Module):
    def __init__(self, hidden=64):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(13, hidden), nn.ReLU(), nn.Dropout(0.2), nn.Linear(hidden, 3))

    def forward(self, x):
        return self.net(x)


def train():
    features = np.random.rand(500, 13)
    targets = np.random.randint(0, 3, size=500)
    loader = DataLoader(TabularDataset(features, targets), batch_size=32, shuffle=True)
    model = Classifier()
    for x, y in loader:
        nn.functional.cross_entropy(model(x), y).backward()


def check() -> None:
    """One batch of the loader through the classifier."""
    dataset = TabularDataset(np.random.rand(64, 13), np.random.randint(0, 3, size=64))
    x, _ = next(iter(DataLoader(dataset, batch_size=16)))
    with torch.no_grad():
        Classifier()(x)
