"""A valid torch construction of every catalogued kind, from its required arguments alone."""

from __future__ import annotations

import torch

from shapelint.catalog import CATALOG, REQUIRED

FILLERS: dict[str, object] = {
    "normalized_shape": 4, "num_groups": 2, "num_channels": 4, "embed_dim": 4, "num_heads": 2, "d_model": 4,
    "nhead": 2, "upscale_factor": 2, "downscale_factor": 2, "groups": 1, "unflattened_size": (2, 2), "dim": 1,
    "output_size": 2, "padding": 1, "size": 2, "kernel_size": 2, "threshold": 0.5, "value": 0.0,
}
"""Values for required constructor arguments that must be more than any size; 4 for the rest."""


def required_arguments(name: str) -> dict[str, object]:
    """The required arguments of ``torch.nn.<name>``; TransformerEncoder gets a layer to copy."""
    kwargs = {p.name: FILLERS.get(p.name, 4) for p in CATALOG[name].params if p.default is REQUIRED}
    if name == "TransformerEncoder":
        kwargs["encoder_layer"] = torch.nn.TransformerEncoderLayer(4, 2, batch_first=True)
    return kwargs


def build(name: str) -> torch.nn.Module:
    return getattr(torch.nn, name)(**required_arguments(name))
