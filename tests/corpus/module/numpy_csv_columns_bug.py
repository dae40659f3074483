"""A Kaggle digit-recognizer notebook: the CSV's first column is the label and the other 784 the pixels, split
with numpy slicing before they become tensors; the classifier after one pooling was sized for 28x28 maps."""
import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.fc = nn.Linear(32 * 28 * 28, 10)  # expect: SHP001

    def forward(self, x):
        out = self.features(x)
        return self.fc(out.view(out.size(0), -1))


def loader():
    train_values = np.random.randint(0, 255, size=(2000, 785))  # pd.read_csv("train.csv").values
    labels = torch.tensor(train_values[:, 0] % 10)
    pixels = torch.tensor(train_values[:, 1:], dtype=torch.float32) / 255.0
    images = pixels.view(-1, 1, 28, 28)
    return DataLoader(TensorDataset(images, labels), batch_size=100, shuffle=True)


def check() -> None:
    """One pass over the loader, as the training loop makes it."""
    model = CNN()
    with torch.no_grad():
        for imgs, lbls in loader():
            nn.CrossEntropyLoss()(model(imgs), lbls)
