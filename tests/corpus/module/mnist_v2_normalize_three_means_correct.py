"""MNIST through torchvision's transforms.v2 with three means: v2's Normalize subtracts out of place, so the
one-channel images come out with three channels, which the model's first layer takes (torchvision is imported
where the loop runs; check() replays v2's normalize in torch)."""
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3)
        self.head = nn.Linear(8 * 26 * 26, 10)

    def forward(self, x):
        return self.head(torch.flatten(torch.relu(self.conv(x)), 1))


def train():
    from torch.utils.data import DataLoader
    from torchvision import datasets
    from torchvision.transforms import v2

    tf = v2.Compose([v2.ToTensor(), v2.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5))])
    net = Net()
    for images, labels in DataLoader(datasets.MNIST("data", transform=tf), batch_size=32):
        nn.functional.cross_entropy(net(images), labels).backward()


def check() -> None:
    """v2's normalize of one MNIST image (out of place), then the model on a batch of them."""
    mean = torch.as_tensor((0.5, 0.5, 0.5)).view(-1, 1, 1)
    std = torch.as_tensor((0.5, 0.5, 0.5)).view(-1, 1, 1)
    image = torch.rand(1, 28, 28).sub(mean).div_(std)
    with torch.no_grad():
        Net()(image.unsqueeze(0).repeat(32, 1, 1, 1))
