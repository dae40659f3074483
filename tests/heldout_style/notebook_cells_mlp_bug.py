"""Notebook export where the hidden width was edited in one cell but not in the layer below."""
# %%
import torch
from torch import nn

device = torch.device("cpu")
input_size = 784
hidden_size = 256

# %%
model = nn.Sequential(  # shapelint: input=(N, 784)
    nn.Linear(input_size, hidden_size),
    nn.ReLU(),
    nn.Linear(500, 10),  # expect: SHP001
).to(device)


# %%
def check() -> None:
    with torch.no_grad():
        model(torch.randn(4, 784, device=device))
