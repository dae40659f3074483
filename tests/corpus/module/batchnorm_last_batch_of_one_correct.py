"""A tabular MLP trained on 1,025 rows in batches of 64: the last batch would hold one row, which BatchNorm1d cannot
normalise in training mode, so the loader drops it (`drop_last=True`)."""
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset


class TabularNet(nn.Module):
    def __init__(self, features=12, hidden=32):
        super().__init__()
        self.fc1 = nn.Linear(features, hidden)
        self.bn1 = nn.BatchNorm1d(hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.fc2(torch.relu(self.bn1(self.fc1(x))))


def train():
    data = TensorDataset(torch.randn(1025, 12), torch.randn(1025, 1))
    loader = DataLoader(data, batch_size=64, shuffle=True, drop_last=True)
    model = TabularNet()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(10):
        model.train()
        for x, y in loader:
            optimizer.zero_grad()
            loss = nn.functional.mse_loss(model(x), y)
            loss.backward()
            optimizer.step()


if __name__ == "__main__":
    train()


def check() -> None:
    """Every batch is a full one of 64 rows."""
    TabularNet()(torch.randn(64, 12))
