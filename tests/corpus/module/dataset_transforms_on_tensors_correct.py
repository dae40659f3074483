"""A dataset applies Normalize and a crop to tensors after ToTensor, as pix2pix-pytorch's dataset does
(`a = transforms.Normalize(mean, std)(a)`); the loader's batches feed the model (torchvision is imported where that
code runs)."""
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3, stride=2, padding=1)
        self.fc = nn.Linear(8 * 16 * 16, 10)

    def forward(self, x):
        return self.fc(torch.flatten(self.conv(x), 1))


def training():
    import torchvision.transforms as transforms
    from torch.utils.data import DataLoader, Dataset

    class Pairs(Dataset):
        def __len__(self):
            return 8

        def __getitem__(self, index):
            a = torch.rand(3, 40, 40)
            a = transforms.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5))(a)
            a = transforms.CenterCrop(32)(a)
            return a

    net = Net()
    for x in DataLoader(Pairs(), batch_size=4):
        net(x)


def check() -> None:
    """What the loader yields: batches of 3x32x32 crops."""
    with torch.no_grad():
        Net()(torch.randn(4, 3, 32, 32))
