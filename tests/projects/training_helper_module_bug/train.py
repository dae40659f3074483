"""A convolutional autoencoder of 128 x 201 spectrograms whose decoder gives back 127 rows (issue 21 of
tyiannak/deep_audio_features): the reconstruction loss, computed in the training helper, cannot compare them."""

import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset
from training import train_epoch


def build():
    return nn.Sequential(
        nn.Conv2d(1, 8, 5, stride=2, padding=1), nn.ReLU(), nn.ConvTranspose2d(8, 1, 7, stride=2, padding=2)
    )


def check():
    model = build()
    loader = DataLoader(TensorDataset(torch.rand(8, 128, 201), torch.zeros(8)), batch_size=4)
    train_epoch(model, loader, nn.MSELoss(), torch.optim.Adam(model.parameters()))


if __name__ == "__main__":
    check()
