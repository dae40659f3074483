"""The older PyTorch MNIST example: the loader's options are chosen by whether CUDA is there
(`kwargs = {'num_workers': 1, 'pin_memory': True} if use_cuda else {}`, spread into the DataLoader); the first
linear layer is sized for its 28x28 images (torchvision is imported where the loop runs)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 10, kernel_size=5)
        self.conv2 = nn.Conv2d(10, 20, kernel_size=5)
        self.conv2_drop = nn.Dropout2d()
        self.fc1 = nn.Linear(320, 50)
        self.fc2 = nn.Linear(50, 10)

    def forward(self, x):
        x = F.relu(F.max_pool2d(self.conv1(x), 2))
        x = F.relu(F.max_pool2d(self.conv2_drop(self.conv2(x)), 2))
        x = x.view(x.size(0), -1)
        x = F.relu(self.fc1(x))
        return F.log_softmax(self.fc2(x), dim=1)


def main():
    from torchvision import datasets, transforms

    use_cuda = torch.cuda.is_available()
    kwargs = {"num_workers": 1, "pin_memory": True} if use_cuda else {}
    transform = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.1307,), (0.3081,))])
    train_loader = torch.utils.data.DataLoader(
        datasets.MNIST("../data", train=True, download=True, transform=transform), batch_size=64, shuffle=True, **kwargs
    )
    model = Net()
    for data, target in train_loader:
        F.nll_loss(model(data), target)


def check() -> None:
    """What the loader yields: batches of MNIST's 1x28x28 images."""
    with torch.no_grad():
        Net()(torch.rand(64, 1, 28, 28))
