"""A fine-tuning script in the style of the transfer-learning tutorial: ImageFolder given its transform positionally
(``ImageFolder(root, tf)``), 224x224 crops, and a small head sized for 112x112 crops."""
import torch
import torch.nn as nn


class SmallNet(nn.Module):
    def __init__(self, classes=2):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(4))
        self.head = nn.Linear(8 * 28 * 28, classes)  # expect: SHP001

    def forward(self, x):
        return self.head(torch.flatten(self.features(x), 1))


def train():
    from torchvision import datasets, transforms

    tf = transforms.Compose([transforms.RandomResizedCrop(224), transforms.RandomHorizontalFlip(), transforms.ToTensor()])
    loader = torch.utils.data.DataLoader(datasets.ImageFolder("hymenoptera_data/train", tf), batch_size=4)
    model = SmallNet()
    for inputs, labels in loader:
        model(inputs)


def check():
    """What the loader yields: batches of 3x224x224 crops."""
    with torch.no_grad():
        SmallNet()(torch.randn(4, 3, 224, 224))
