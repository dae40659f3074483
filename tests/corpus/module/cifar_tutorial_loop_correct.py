"""The CIFAR-10 tutorial's network, fed as notebooks feed it: a first batch taken with next(iter(loader)), then a loop over enumerate(tqdm(loader), 0) moving each batch to the device (torchvision and tqdm are imported where that code runs)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 6, 5)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = torch.flatten(x, 1)
        return self.fc3(F.relu(self.fc2(F.relu(self.fc1(x)))))


def notebook():
    import torchvision
    import torchvision.transforms as transforms
    from tqdm import tqdm

    transform = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5))])
    trainset = torchvision.datasets.CIFAR10(root="./data", train=True, download=True, transform=transform)
    trainloader = torch.utils.data.DataLoader(trainset, batch_size=4, shuffle=True, num_workers=2)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    net = Net().to(device)
    images, labels = next(iter(trainloader))
    print(net(images.to(device)).shape)
    for i, data in enumerate(tqdm(trainloader), 0):
        inputs, labels = data[0].to(device), data[1].to(device)
        outputs = net(inputs)


def check() -> None:
    """What the loader yields: batches of CIFAR-10's 3x32x32 images."""
    with torch.no_grad():
        Net()(torch.randn(4, 3, 32, 32))
