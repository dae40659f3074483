"""Image + tabular fusion whose fc1 counts only the image features, not the concatenated tabular embedding."""
import torch
import torch.nn as nn
import torch.nn.functional as F

N_TABULAR = 7


class FusionNet(nn.Module):
    def __init__(self, n_tabular=N_TABULAR, img_channels=3):
        super().__init__()
        self.cnn = nn.Sequential(
            nn.Conv2d(img_channels, 8, 5), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(8, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
        )
        self.tab = nn.Sequential(nn.Linear(n_tabular, 16), nn.ReLU())
        self.fc1 = nn.Linear(16 * 5 * 5, 64)  # expect: SHP001
        self.fc2 = nn.Linear(64, 1)

    def forward(self, image, tabular):
        x1 = self.cnn(image)
        x1 = x1.view(x1.size(0), -1)
        x2 = self.tab(tabular)
        x = torch.cat((x1, x2), dim=1)
        return torch.sigmoid(self.fc2(F.relu(self.fc1(x))))


def check() -> None:
    FusionNet()(torch.randn(4, 3, 32, 32), torch.randn(4, N_TABULAR))


if __name__ == "__main__":
    model = FusionNet()
    out = model(torch.randn(4, 3, 32, 32), torch.randn(4, N_TABULAR))
