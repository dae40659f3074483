"""Every catalogued layer but nn.Identity refuses a tuple in torch: what a layer after an LSTM in a Sequential gets."""

from __future__ import annotations

import pytest
import torch

from shapelint.catalog import CATALOG
from tests.catalog.constructions import build


@pytest.mark.filterwarnings("ignore::UserWarning")
@pytest.mark.parametrize("name", sorted(CATALOG))
def test_a_tuple_input_is_refused_unless_passed_through(name: str) -> None:
    tensor = torch.zeros(2, 4, 4, 4)
    pair = (tensor, (tensor, tensor))
    module = build(name)
    if CATALOG[name].accepts_tuple:
        assert module(pair) is pair
        return
    with pytest.raises((TypeError, AttributeError, RuntimeError, ValueError, IndexError)):
        module(pair)
