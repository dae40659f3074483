"""A SimCLR-style projector whose widths are local variables."""
import torch
import torch.nn as nn


def build_projector():
    in_dim = 512
    proj_dim = 128
    projector = nn.Sequential(  # shapelint: input=(B, 512)
        nn.Linear(in_dim, in_dim),
        nn.BatchNorm1d(in_dim),
        nn.ReLU(inplace=True),
        nn.Linear(in_dim, proj_dim),
        nn.BatchNorm1d(proj_dim),
    )
    return projector


def check() -> None:
    projector = build_projector().eval()
    with torch.no_grad():
        projector(torch.randn(2, 512))
