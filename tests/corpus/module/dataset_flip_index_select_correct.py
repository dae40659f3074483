"""A dataset flips its images by hand with index_select, as pix2pix-pytorch's dataset does; the loader's batches
feed the model."""
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, Dataset


class Flipped(Dataset):
    def __len__(self):
        return 8

    def __getitem__(self, index):
        a = torch.rand(3, 32, 32)
        idx = [i for i in range(a.size(2) - 1, -1, -1)]
        idx = torch.LongTensor(idx)
        a = a.index_select(2, idx)
        return a


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3, stride=2, padding=1)
        self.fc = nn.Linear(8 * 16 * 16, 10)

    def forward(self, x):
        return self.fc(torch.flatten(self.conv(x), 1))


def check() -> None:
    net = Net()
    for x in DataLoader(Flipped(), batch_size=4):
        net(x)
