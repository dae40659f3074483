"""The autoencoder of loss_mse_autoencoder_bug, its transposed convolutions padded to rebuild 28x28 images."""
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset


class AutoEncoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Conv2d(1, 16, 3, stride=2, padding=1), nn.ReLU(), nn.Conv2d(16, 32, 3, stride=2, padding=1), nn.ReLU()
        )
        self.decoder = nn.Sequential(
            nn.ConvTranspose2d(32, 16, 3, stride=2, padding=1, output_padding=1),
            nn.ReLU(),
            nn.ConvTranspose2d(16, 1, 3, stride=2, padding=1, output_padding=1),
            nn.Sigmoid(),
        )

    def forward(self, x):
        return self.decoder(self.encoder(x))


def reconstruction_loss(model, loss_fn, batch):
    return loss_fn(model(batch), batch)


def train():
    images = torch.rand(256, 1, 28, 28)
    loader = DataLoader(TensorDataset(images), batch_size=32)
    model = AutoEncoder()
    loss_fn = nn.MSELoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for (batch,) in loader:
        loss = reconstruction_loss(model, loss_fn, batch)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        print(f"loss {loss.item():.4f}")


def check() -> None:
    reconstruction_loss(AutoEncoder(), nn.MSELoss(), torch.rand(32, 1, 28, 28))
