"""Forum: "RuntimeError: expected scalar type Long but found Float". The labels were turned into floats for an
earlier BCE experiment and handed to CrossEntropyLoss, which reads a target of another shape than the logits as
class indices."""
import torch
import torch.nn as nn

model = nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))
criterion = nn.CrossEntropyLoss()


def check() -> None:
    images = torch.randn(64, 1, 28, 28)
    labels = torch.randint(0, 10, (64,)).float()
    criterion(model(images), labels)  # expect: SHP006
