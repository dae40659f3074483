"""Every layer spelled with keyword arguments and tuple kernels, as style guides recommend."""
import torch
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(N, 1, 28, 28)
    nn.Conv2d(in_channels=1, out_channels=10, kernel_size=(5, 5)),
    nn.MaxPool2d(kernel_size=(2, 2)),
    nn.ReLU(),
    nn.Conv2d(in_channels=10, out_channels=20, kernel_size=(5, 5)),
    nn.BatchNorm2d(num_features=20),
    nn.Dropout2d(p=0.5),
    nn.MaxPool2d(kernel_size=2),
    nn.ReLU(),
    nn.Flatten(),
    nn.Linear(in_features=320, out_features=50),
    nn.LayerNorm(normalized_shape=50),
    nn.ReLU(),
    nn.Linear(in_features=50, out_features=10),
    nn.LogSoftmax(dim=1),
)


def check() -> None:
    model.eval()
    with torch.no_grad():
        model(torch.randn(2, 1, 28, 28))
