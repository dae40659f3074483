"""Every catalogued layer but nn.Identity refuses a tuple in torch: what a layer after an LSTM in a Sequential gets."""

from __future__ import annotations

import pytest
import torch

from shapelint.catalog import CATALOG, REQUIRED
from shapelint.evaluator.flow import PASS_THROUGH

FILLERS: dict[str, object] = {
    "normalized_shape": 4, "num_groups": 2, "num_channels": 4, "embed_dim": 4, "num_heads": 2, "d_model": 4,
    "nhead": 2, "upscale_factor": 2, "downscale_factor": 2, "groups": 1, "unflattened_size": (2, 2), "dim": 1,
    "output_size": 2, "padding": 1, "size": 2, "kernel_size": 2, "threshold": 0.5, "value": 0.0,
}
"""Values for required constructor arguments that must be more than any size; 4 for the rest."""


def _build(name: str) -> torch.nn.Module:
    kwargs = {p.name: FILLERS.get(p.name, 4) for p in CATALOG[name].params if p.default is REQUIRED}
    if name == "TransformerEncoder":
        kwargs["encoder_layer"] = torch.nn.TransformerEncoderLayer(4, 2, batch_first=True)
    return getattr(torch.nn, name)(**kwargs)


@pytest.mark.filterwarnings("ignore::UserWarning")
@pytest.mark.parametrize("name", sorted(CATALOG))
def test_a_tuple_input_is_refused_unless_passed_through(name: str) -> None:
    tensor = torch.zeros(2, 4, 4, 4)
    pair = (tensor, (tensor, tensor))
    module = _build(name)
    if name in PASS_THROUGH:
        assert module(pair) is pair
        return
    with pytest.raises((TypeError, AttributeError, RuntimeError, ValueError, IndexError)):
        module(pair)
