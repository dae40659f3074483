"""Notebook training script: the model and the batch are moved with .to(device) before the call."""
import torch
import torch.nn as nn

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(3, 8, 3, stride=2, padding=1), nn.ReLU())
        self.fc = nn.Linear(8 * 16 * 16, 2)  # expect: SHP001

    def forward(self, x):
        return self.fc(self.features(x).flatten(1))


def check() -> None:
    with torch.no_grad():
        Net().to(device)(torch.randn(4, 3, 64, 64).to(device))


if __name__ == "__main__":
    model = Net().to(device)
    images = torch.randn(4, 3, 64, 64).to(device)
    print(model(images).shape)
