"""A tutorial's MNIST classifier normalized with the three means of its CIFAR version: the loader's first batch
fails in Normalize (torchvision subtracts one mean per channel, in place), before the model sees anything
(torchvision is imported where the loop runs; check() replays its normalize in torch)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 16, 5)
        self.pool = nn.MaxPool2d(2, 2)
        self.fc1 = nn.Linear(16 * 12 * 12, 10)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        return self.fc1(torch.flatten(x, 1))


def train():
    from torch.utils.data import DataLoader
    from torchvision import datasets, transforms

    transform = transforms.Compose(
        [transforms.ToTensor(), transforms.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5))]  # expect: SHP006
    )
    trainset = datasets.MNIST(root="./data", train=True, download=True, transform=transform)
    trainloader = DataLoader(trainset, batch_size=4, shuffle=True)
    net = Net()
    for inputs, labels in trainloader:
        F.cross_entropy(net(inputs), labels).backward()


def check() -> None:
    """torchvision's normalize on one MNIST sample, then the model on the batch it would make."""
    mean = torch.as_tensor((0.5, 0.5, 0.5)).view(-1, 1, 1)
    std = torch.as_tensor((0.5, 0.5, 0.5)).view(-1, 1, 1)
    image = torch.rand(1, 28, 28).sub_(mean).div_(std)  # expect: SHP006
    with torch.no_grad():
        Net()(image.unsqueeze(0).repeat(4, 1, 1, 1))
