"""A size passed through a constructor parameter: --unsafe-fixes rewrites the call-site argument."""
import torch
from torch import nn


class MLP(nn.Module):
    def __init__(self, in_dim, hidden_dim, out_dim):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(in_dim, hidden_dim),
            nn.ReLU(),
            nn.Linear(hidden_dim, out_dim),
        )

    def forward(self, x):
        return self.net(x)


model = MLP(in_dim=2352, hidden_dim=256, out_dim=10)


def check() -> None:
    model(torch.rand(2, 28 * 28 * 3))


if __name__ == "__main__":
    images = torch.rand(16, 3, 28, 28)
    print(model(images.flatten(1)).shape)
