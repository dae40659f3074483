"""Notebook export: cells, a global device, hyperparameters as globals, .to(device) everywhere."""
# %%
import torch
from torch import nn

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
input_size = 28 * 28
hidden_size = 500
num_classes = 10

# %%
model = nn.Sequential(  # shapelint: input=(N, 784)
    nn.Linear(input_size, hidden_size),
    nn.ReLU(),
    nn.Linear(hidden_size, hidden_size // 2),
    nn.ReLU(),
    nn.Linear(hidden_size // 2, num_classes),
).to(device)


# %%
def check() -> None:
    images = torch.randn(4, 1, 28, 28).reshape(-1, 28 * 28).to(device)
    with torch.no_grad():
        assert model(images).shape == (4, num_classes)
