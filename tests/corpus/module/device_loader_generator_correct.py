"""A training loop that moves each batch to the device through a generator of its own (def to_device(loader):
... yield x.to(device), y.to(device)), as fast.ai-style forum code writes it.  The classifier is sized for the
15x15 maps the unpadded convolution and the pooling leave of the 32x32 images."""
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset

device = torch.device("cpu")


def to_device(loader, device):
    for images, labels in loader:
        yield images.to(device), labels.to(device)


class SmallCNN(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.conv = nn.Conv2d(3, 16, 3)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(16 * 15 * 15, num_classes)

    def forward(self, x):
        x = self.pool(F.relu(self.conv(x)))
        return self.fc(x.view(x.size(0), -1))


def train():
    data = TensorDataset(torch.randn(512, 3, 32, 32), torch.randint(0, 10, (512,)))
    loader = DataLoader(data, batch_size=64, shuffle=True)
    model = SmallCNN().to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    for epoch in range(5):
        for images, labels in to_device(loader, device):
            loss = F.cross_entropy(model(images), labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()


def check() -> None:
    """One batch through the generator and the model."""
    loader = DataLoader(TensorDataset(torch.randn(8, 3, 32, 32), torch.randint(0, 10, (8,))), batch_size=4)
    images, _ = next(to_device(loader, device))
    with torch.no_grad():
        SmallCNN()(images)
