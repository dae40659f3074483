"""A convolutional autoencoder of 128 x 201 spectrograms whose decoder gives back its 128 x 201 input
(the output padding of the last layer restores the row the strides drop)."""

import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset
from training import train_epoch


def build():
    return nn.Sequential(
        nn.Conv2d(1, 8, 5, stride=2, padding=1), nn.ReLU(), nn.ConvTranspose2d(8, 1, 7, stride=2, padding=2, output_padding=(1, 0))
    )


def check():
    model = build()
    loader = DataLoader(TensorDataset(torch.rand(8, 128, 201), torch.zeros(8)), batch_size=4)
    train_epoch(model, loader, nn.MSELoss(), torch.optim.Adam(model.parameters()))


if __name__ == "__main__":
    check()
