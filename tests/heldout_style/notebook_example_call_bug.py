"""Notebook style without a directive: the input comes from the example batch in the last cell."""
import torch
import torch.nn as nn

device = torch.device("cpu")


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv2d(3, 16, 3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),
        )
        self.fc = nn.Linear(32 * 8 * 8, 10)  # expect: SHP001

    def forward(self, x):
        return self.fc(self.conv(x).flatten(1))


def check() -> None:
    with torch.no_grad():
        CNN()(torch.randn(2, 3, 64, 64))


if __name__ == "__main__":
    model = CNN().to(device)
    x = torch.randn(16, 3, 64, 64).to(device)
    print(model(x).shape)
