"""A Dataset subclass reading image files with PIL, converted to grayscale and resized to 48x48 by a torchvision
pipeline, as facial-expression tutorials load FER-2013: every size fits."""
import io
import os

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, Dataset


class ExpressionImages(Dataset):
    def __init__(self, root, transform=None):
        self.paths = sorted(os.path.join(root, name) for name in os.listdir(root))
        self.labels = [int(name.split("_")[0]) for name in os.listdir(root)]
        self.transform = transform

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, index):
        from PIL import Image

        image = Image.open(self.paths[index]).convert("L")
        if self.transform is not None:
            image = self.transform(image)
        return image, self.labels[index]


class ExpressionNet(nn.Module):
    def __init__(self, num_classes=7):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, 3, padding=1)
        self.conv2 = nn.Conv2d(32, 64, 3, padding=1)
        self.fc = nn.Linear(64 * 12 * 12, num_classes)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        return self.fc(x.flatten(1))


def main():
    from torchvision import transforms

    transform = transforms.Compose([transforms.Resize((48, 48)), transforms.ToTensor()])
    loader = DataLoader(ExpressionImages("data/train", transform=transform), batch_size=64, shuffle=True)
    model = ExpressionNet()
    for images, labels in loader:
        F.cross_entropy(model(images), labels).backward()


def check() -> None:
    """What the loader yields (a saved batch of grayscale 48x48 images), through the network."""
    buffer = io.BytesIO()
    torch.save(torch.randn(8, 1, 48, 48), buffer)
    buffer.seek(0)
    with torch.no_grad():
        ExpressionNet()(torch.load(buffer))
