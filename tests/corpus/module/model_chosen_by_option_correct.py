"""A training script that builds one of three networks by a required command-line name, then feeds the chosen one
CIFAR-10 (an if/elif chain as model zoos write it, with sys.exit for an unknown name); every network fits."""
import argparse
import io
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F


class TinyCNN(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 16, 3, padding=1)
        self.conv2 = nn.Conv2d(16, 32, 3, padding=1)
        self.fc = nn.Linear(32 * 8 * 8, num_classes)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        return self.fc(torch.flatten(x, 1))


class WideCNN(nn.Module):
    def __init__(self, width, num_classes=10):
        super().__init__()
        layers = [nn.Conv2d(3, width, 3, padding=1), nn.BatchNorm2d(width), nn.ReLU()]
        repeat = 2
        while repeat:
            layers += [nn.Conv2d(width, width, 3, padding=1), nn.BatchNorm2d(width), nn.ReLU(), nn.MaxPool2d(2)]
            repeat -= 1
        self.features = nn.Sequential(*layers)
        self.fc = nn.Linear(width * 8 * 8, num_classes)

    def forward(self, x):
        return self.fc(self.features(x).flatten(1))


def build(name):
    if name == "tiny":
        net = TinyCNN()
    elif name == "wide":
        net = WideCNN(64)
    elif name == "mlp":
        net = nn.Sequential(nn.Flatten(), nn.Linear(3 * 32 * 32, 256), nn.ReLU(), nn.Linear(256, 10))
    else:
        print("unknown network", name)
        sys.exit(1)
    return net


def main():
    import torchvision
    import torchvision.transforms as transforms

    parser = argparse.ArgumentParser()
    parser.add_argument("--net", type=str, required=True)
    parser.add_argument("--gpu", action="store_true")
    args = parser.parse_args()
    net = build(args.net)
    if args.gpu:
        net = net.cuda()
    transform = transforms.Compose([transforms.RandomCrop(32, padding=4), transforms.ToTensor()])
    train_set = torchvision.datasets.CIFAR10("./data", train=True, download=True, transform=transform)
    loader = torch.utils.data.DataLoader(train_set, batch_size=128, shuffle=True)
    for images, labels in loader:
        loss = F.cross_entropy(net(images), labels)
        loss.backward()


if __name__ == "__main__":
    main()


def check() -> None:
    """What the loader yields (a saved batch of CIFAR-10's sizes, without the download), through each network the
    script can build."""
    buffer = io.BytesIO()
    torch.save(torch.randn(4, 3, 32, 32), buffer)
    buffer.seek(0)
    images = torch.load(buffer)
    with torch.no_grad():
        for name in ("tiny", "wide", "mlp"):
            build(name)(images)
