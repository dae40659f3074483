"""The classifier of loss_cross_entropy_float_labels_bug, given its labels as the integers they are."""
import torch
import torch.nn as nn

model = nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))
criterion = nn.CrossEntropyLoss()


def check() -> None:
    images = torch.randn(64, 1, 28, 28)
    labels = torch.randint(0, 10, (64,))
    criterion(model(images), labels)
