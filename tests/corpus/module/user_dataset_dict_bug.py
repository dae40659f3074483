"""A Dataset whose __getitem__ returns a dict of an image and its label, as Hugging Face and albumentations code
does; the DataLoader collates it into a dict of batches and the loop reads batch["image"].  The classifier is sized
for 32x32 images, but the dataset gives 64x64 ones."""
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, Dataset


class LeafImages(Dataset):
    def __init__(self, n=200):
        self.images = torch.rand(n, 3, 64, 64)
        self.labels = torch.randint(0, 4, (n,))

    def __len__(self):
        return len(self.images)

    def __getitem__(self, idx):
        return {"image": self.images[idx], "label": int(self.labels[idx])}


class LeafNet(nn.Module):
    def __init__(self, num_classes=4):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 16, 3, padding=1)
        self.conv2 = nn.Conv2d(16, 32, 3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(32 * 8 * 8, num_classes)  # expect: SHP001

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        return self.fc(torch.flatten(x, 1))


def train():
    loader = DataLoader(LeafImages(), batch_size=16, shuffle=True)
    model = LeafNet()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for batch in loader:
        optimizer.zero_grad()
        loss = F.cross_entropy(model(batch["image"]), batch["label"])
        loss.backward()
        optimizer.step()


def check() -> None:
    """One batch of the loader through the model."""
    batch = next(iter(DataLoader(LeafImages(32), batch_size=8)))
    with torch.no_grad():
        LeafNet()(batch["image"])
