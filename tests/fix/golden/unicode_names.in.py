"""Unicode identifiers and strings: Schichtgröße 🚀 — the bytes around the fix stay as they are."""
import torch
import torch.nn as nn

größe = "größe 🚀"
schichten = nn.Sequential(nn.Linear(12, 24), nn.Tanh(), nn.Linear(12, 6))  # shapelint: input=(B, 12)  # «ü»


def check() -> None:
    with torch.no_grad():
        schichten(torch.rand(2, 12))
