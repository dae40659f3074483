"""A Sequential passed straight into a helper call."""
import torch
import torch.nn as nn


def count_parameters(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())


def evaluate(model: nn.Module, x: torch.Tensor) -> torch.Tensor:
    with torch.no_grad():
        return model(x)


def check() -> None:
    evaluate(
        nn.Sequential(nn.Linear(5, 20), nn.Tanh(), nn.Linear(10, 1)),  # expect: SHP001
        torch.randn(2, 5),
    )
