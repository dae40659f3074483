"""A script that picks its network from a registry dict by a required command-line name (`MODELS[args.model]()`),
whose entries are a class and factory functions, then feeds it CIFAR-10; the baseline's classifier is sized for
MNIST-sized images."""
import argparse
import io

import torch
import torch.nn as nn
import torch.nn.functional as F


class Baseline(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.fc = nn.Linear(3 * 28 * 28, num_classes)  # expect: SHP001

    def forward(self, x):
        return self.fc(x.flatten(1))


def conv_net(width, num_classes=10):
    return nn.Sequential(
        nn.Conv2d(3, width, 3, padding=1),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(width * 16 * 16, num_classes),
    )


def narrow(num_classes=10):
    return conv_net(16, num_classes)


def wide(num_classes=10):
    return conv_net(64, num_classes)


MODELS = {"baseline": Baseline, "narrow": narrow, "wide": wide}


def main():
    import torchvision

    parser = argparse.ArgumentParser()
    parser.add_argument("--model", choices=sorted(MODELS), required=True)
    args = parser.parse_args()
    model = MODELS[args.model](num_classes=10)
    train_set = torchvision.datasets.CIFAR10("./data", download=True, transform=torchvision.transforms.ToTensor())
    for images, labels in torch.utils.data.DataLoader(train_set, batch_size=32):
        F.cross_entropy(model(images), labels).backward()


def check() -> None:
    """What the loader yields (a saved batch of CIFAR-10's sizes), through every registered network."""
    buffer = io.BytesIO()
    torch.save(torch.randn(4, 3, 32, 32), buffer)
    buffer.seek(0)
    images = torch.load(buffer)
    with torch.no_grad():
        for build in MODELS.values():
            build(num_classes=10)(images)
