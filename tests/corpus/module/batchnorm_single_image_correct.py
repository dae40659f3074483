"""A CIFAR classifier with a BatchNorm1d in its head, tried on one image in `eval()` mode, where BatchNorm uses its
running statistics (in training mode it would need more than one value per channel)."""
import torch
import torch.nn as nn


class Classifier(nn.Module):
    def __init__(self, classes=10):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(), nn.AdaptiveAvgPool2d(1),
        )
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(64, 128), nn.BatchNorm1d(128), nn.ReLU(), nn.Linear(128, classes))

    def forward(self, x):
        return self.head(self.features(x))


if __name__ == "__main__":
    model = Classifier()
    model.eval()
    image = torch.randn(1, 3, 32, 32)
    print(model(image).shape)


def check() -> None:
    """The image, as the main block runs it: in eval mode."""
    Classifier().eval()(torch.randn(1, 3, 32, 32))
