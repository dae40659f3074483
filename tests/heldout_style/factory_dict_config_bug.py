"""A builder function fed a config dict at its call site; the second layer ignores the hidden width."""
import torch
import torch.nn as nn


def build_mlp(cfg):
    return nn.Sequential(
        nn.Linear(cfg["in_dim"], cfg["hidden"]),
        nn.ReLU(),
        nn.Linear(cfg["in_dim"], cfg["out_dim"]),  # expect: SHP001
    )


mlp = build_mlp({"in_dim": 6, "hidden": 24, "out_dim": 2})


def check() -> None:
    with torch.no_grad():
        mlp(torch.randn(3, 6))
