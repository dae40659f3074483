"""`import torch.nn` without an alias, and a layer spelled by its defining module."""
import torch
import torch.nn
import torch.nn.modules.linear

model = torch.nn.Sequential(
    torch.nn.Linear(6, 12),
    torch.nn.ReLU(),
    torch.nn.modules.linear.Linear(12, 3),
)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 6))
