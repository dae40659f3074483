"""A script that either resumes a whole pickled model, when its checkpoint exists, or builds a fresh one, with the
network picked by an a-if-b-else-c on a required option; MNIST is fed to whichever it got. Every model the script
may build fits; the loaded one stays unknown."""
import argparse
import io
import os

import torch
import torch.nn as nn
import torch.nn.functional as F


class LeNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 4 * 4, 120)
        self.fc2 = nn.Linear(120, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        return self.fc2(F.relu(self.fc1(x.view(-1, self.num_flat_features(x)))))

    def num_flat_features(self, x):
        size = x.size()[1:]
        num_features = 1
        for s in size:
            num_features *= s
        return num_features


def main():
    from torchvision import datasets, transforms

    parser = argparse.ArgumentParser()
    parser.add_argument("--checkpoint", type=str, default="model.pt")
    parser.add_argument("--arch", choices=["lenet", "linear"], required=True)
    args = parser.parse_args()
    if os.path.exists(args.checkpoint):
        model = torch.load(args.checkpoint)
    else:
        model = nn.Sequential(nn.Flatten(), nn.Linear(28 * 28, 10)) if args.arch == "linear" else LeNet()
    if model is not None:
        model.train()
    loader = torch.utils.data.DataLoader(
        datasets.MNIST("../data", train=True, download=True, transform=transforms.ToTensor()), batch_size=64
    )
    for data, target in loader:
        F.nll_loss(F.log_softmax(model(data), dim=1), target).backward()


def check() -> None:
    """What the loader yields (a saved batch of MNIST's sizes, without the download), through both networks the script
    can build."""
    buffer = io.BytesIO()
    torch.save(torch.randn(4, 1, 28, 28), buffer)
    buffer.seek(0)
    data = torch.load(buffer)
    with torch.no_grad():
        nn.Sequential(nn.Flatten(), nn.Linear(28 * 28, 10))(data)
        LeNet()(data)
