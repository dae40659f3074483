"""Branches the linter cannot decide (``if self.training:``) but that each leave a tensor: after the if, the sizes every branch agrees on are known (dropout keeps all of them, an extra pooling keeps the channels)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(3, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.drop = nn.Dropout2d(0.25)
        self.refine = nn.Conv2d(16, 32, 3, padding=1)
        self.fc = nn.Linear(16 * 8 * 8, 10)
        self.aux = nn.Linear(32, 10)

    def forward(self, x):
        x = self.features(x)
        if self.training:
            x = self.drop(x)
        else:
            x = x * 1.0
        logits = self.fc(torch.flatten(x, 1))
        if self.training:
            x = F.max_pool2d(x, 2)
        y = self.refine(x)
        return logits + self.aux(y.mean(dim=(2, 3)))


def check() -> None:
    model = Classifier()
    with torch.no_grad():
        model(torch.randn(2, 3, 16, 16))
        model.eval()(torch.randn(2, 3, 16, 16))


if __name__ == "__main__":
    Classifier()(torch.randn(2, 3, 16, 16))
