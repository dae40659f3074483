"""The CIFAR tutorial with one pooling left out: ``x.view(-1, 16 * 8 * 8)`` on (B, 16, 16, 16) folds each image
into 4 rows of the right width, so every layer runs and the loss meets 4B scores for B labels: "Expected input
batch_size (16) to match target batch_size (4)"."""
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 6, 3, padding=1)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, 3, padding=1)
        self.fc1 = nn.Linear(16 * 8 * 8, 120)
        self.fc2 = nn.Linear(120, 10)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = F.relu(self.conv2(x))
        x = x.view(-1, 16 * 8 * 8)
        return self.fc2(F.relu(self.fc1(x)))


def check() -> None:
    """One pass over the loader, as the training loop makes it."""
    trainloader = DataLoader(TensorDataset(torch.randn(100, 3, 32, 32), torch.randint(0, 10, (100,))), batch_size=4)
    net, criterion = Net(), nn.CrossEntropyLoss()
    with torch.no_grad():
        for inputs, labels in trainloader:
            loss = criterion(net(inputs), labels)  # expect: SHP006
