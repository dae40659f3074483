"""A digit classifier first written for MNIST, trained on torchvision's USPS digits, which are 16x16 grayscale
images: the classifier's size is still MNIST's (torchvision is imported where the loop runs)."""
import torch
import torch.nn as nn


class DigitNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.classifier = nn.Linear(16 * 14 * 14, 10)  # expect: SHP001

    def forward(self, x):
        return self.classifier(self.features(x).flatten(1))


def train():
    from torch.utils.data import DataLoader
    from torchvision import datasets, transforms

    usps = datasets.USPS("data", train=True, download=True, transform=transforms.ToTensor())
    model = DigitNet()
    for images, labels in DataLoader(usps, batch_size=64, shuffle=True):
        nn.functional.cross_entropy(model(images), labels).backward()


def check() -> None:
    """What the loader yields: batches of USPS's 1x16x16 images."""
    with torch.no_grad():
        DigitNet()(torch.rand(64, 1, 16, 16))
