"""PyTorch's old MNIST example with its ``view(-1, 500)``: after two 5x5 convolutions and poolings a 28x28 image
leaves 20 x 4 x 4 = 320 features, so a batch of 64 holds 20480 values, which no row of 500 divides; nor does the
last batch of 32 (60000 = 937 x 64 + 32).  The loop over the DataLoader is the only input."""
import io

import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.conv1 = nn.Conv2d(1, 10, kernel_size=5)
        self.conv2 = nn.Conv2d(10, 20, kernel_size=5)
        self.conv2_drop = nn.Dropout2d()
        self.fc1 = nn.Linear(500, 50)
        self.fc2 = nn.Linear(50, 10)

    def forward(self, x):
        x = F.relu(F.max_pool2d(self.conv1(x), 2))
        x = F.relu(F.max_pool2d(self.conv2_drop(self.conv2(x)), 2))
        x = x.view(-1, 500)  # expect: SHP006
        x = F.relu(self.fc1(x))
        x = F.dropout(x, training=self.training)
        return F.log_softmax(self.fc2(x), dim=1)


def train():
    from torchvision import datasets, transforms

    train_loader = torch.utils.data.DataLoader(
        datasets.MNIST("../data", train=True, download=True, transform=transforms.ToTensor()),
        batch_size=64,
        shuffle=True,
    )
    model = Net()
    for batch_idx, (data, target) in enumerate(train_loader):
        F.nll_loss(model(data), target).backward()


def check() -> None:
    """What the loader yields: batches of 64 MNIST images, and a last one of 32 (saved batches of those sizes)."""
    for size in (64, 32):
        buffer = io.BytesIO()
        torch.save(torch.randn(size, 1, 28, 28), buffer)
        buffer.seek(0)
        with torch.no_grad():
            Net()(torch.load(buffer))
