"""PyTorch's MNIST example as it is now: the loader's arguments are a dict that an accelerator branch may update
(``train_kwargs.update(accel_kwargs)``) and the loader is built with ``**train_kwargs``; the batch size stays known,
so the training loop still feeds the model MNIST's 1x28x28 images."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, 3, 1)
        self.conv2 = nn.Conv2d(32, 64, 3, 1)
        self.dropout1 = nn.Dropout(0.25)
        self.fc1 = nn.Linear(9216, 128)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):
        x = F.relu(self.conv1(x))
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = torch.flatten(self.dropout1(x), 1)
        return F.log_softmax(self.fc2(F.relu(self.fc1(x))), dim=1)


def train():
    from torch.utils.data import DataLoader
    from torchvision import datasets, transforms

    transform = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.1307,), (0.3081,))])
    train_kwargs = {"batch_size": 64}
    if torch.cuda.is_available():
        train_kwargs.update({"num_workers": 1, "pin_memory": True, "shuffle": True})
    loader = DataLoader(datasets.MNIST("../data", train=True, download=True, transform=transform), **train_kwargs)
    model = Net()
    optimizer = torch.optim.Adadelta(model.parameters(), lr=1.0)
    for batch_idx, (data, target) in enumerate(loader):
        optimizer.zero_grad()
        loss = F.nll_loss(model(data), target)
        loss.backward()
        optimizer.step()


def check() -> None:
    """What the loop feeds the model: batches of MNIST's 1x28x28 images."""
    with torch.no_grad():
        Net()(torch.randn(64, 1, 28, 28))
