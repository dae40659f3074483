"""A CIFAR classifier with a BatchNorm1d in its head, tried on one image right after it is built: a model is in
training mode until `eval()`, and BatchNorm then needs more than one value per channel (torch: "Expected more than
1 value per channel when training")."""
import torch
import torch.nn as nn


class Classifier(nn.Module):
    def __init__(self, classes=10):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(), nn.AdaptiveAvgPool2d(1),
        )
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(64, 128), nn.BatchNorm1d(128), nn.ReLU(), nn.Linear(128, classes))  # expect: SHP004

    def forward(self, x):
        return self.head(self.features(x))


if __name__ == "__main__":
    model = Classifier()
    image = torch.randn(1, 3, 32, 32)
    print(model(image).shape)


def check() -> None:
    """The image, as the main block runs it: a fresh model, in training mode."""
    Classifier()(torch.randn(1, 3, 32, 32))
