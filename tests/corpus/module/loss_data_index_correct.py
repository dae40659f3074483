"""A PyTorch 0.3 tutorial's training loop ported to today's torch: the loss is a 0-D tensor, and `loss.item()`
is its value."""
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(20, 5)

    def forward(self, x):
        return self.fc(x)


def train():
    model = Net()
    criterion = nn.CrossEntropyLoss()
    running_loss = 0.0
    for step in range(3):
        loss = criterion(model(torch.randn(8, 20)), torch.randint(0, 5, (8,)))
        running_loss += loss.item()
    return running_loss


def check() -> None:
    with torch.no_grad():
        train()
