"""The training script: MNIST through a DataLoader into the model of model.py."""

import torch
import torch.nn.functional as F
from model import MnistNet


def main():
    from torch.utils.data import DataLoader
    from torchvision import datasets, transforms

    train_set = datasets.MNIST("data", train=True, download=True, transform=transforms.ToTensor())
    loader = DataLoader(train_set, batch_size=64, shuffle=True)
    model = MnistNet(num_classes=10)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    for images, labels in loader:
        optimizer.zero_grad()
        loss = F.cross_entropy(model(images), labels)
        loss.backward()
        optimizer.step()


if __name__ == "__main__":
    main()


def check():
    MnistNet(10)(torch.randn(64, 1, 28, 28))
