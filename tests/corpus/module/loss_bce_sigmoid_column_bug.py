"""Forum: "ValueError: Using a target size (torch.Size([64])) that is different to the input size
(torch.Size([64, 1]))". A binary classifier ends in Linear(.., 1) + Sigmoid, and the labels come from the
DataLoader as a vector."""
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(30, 16), nn.ReLU(), nn.Linear(16, 1), nn.Sigmoid())

    def forward(self, x):
        return self.net(x)


def batch_loss(model, criterion, xb, yb):
    return criterion(model(xb), yb)  # expect: SHP006


def train():
    features = torch.randn(640, 30)
    labels = torch.randint(0, 2, (640,)).float()
    loader = DataLoader(TensorDataset(features, labels), batch_size=64, shuffle=True)
    model = Classifier()
    criterion = nn.BCELoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for xb, yb in loader:
        optimizer.zero_grad()
        loss = batch_loss(model, criterion, xb, yb)
        loss.backward()
        optimizer.step()


def check() -> None:
    batch_loss(Classifier(), nn.BCELoss(), torch.randn(64, 30), torch.randint(0, 2, (64,)).float())
