"""LeNet-5 from the PyTorch CIFAR-10 tutorial, trained on 28x28 MNIST digits."""
import torch
import torch.nn as nn

# shapelint: input=(B, 1, 28, 28)
lenet = nn.Sequential(
    nn.Conv2d(1, 6, kernel_size=5),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Conv2d(6, 16, kernel_size=5),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Flatten(),
    nn.Linear(16 * 5 * 5, 120),
    nn.ReLU(),
    nn.Linear(120, 84),
    nn.ReLU(),
    nn.Linear(84, 10),
)


def check() -> None:
    """Run one MNIST-sized batch through the model."""
    with torch.no_grad():
        lenet(torch.randn(2, 1, 28, 28))


if __name__ == "__main__":
    check()
