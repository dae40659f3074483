"""Conditions on a tensor's dtype (``x.dtype == torch.long``, ``x.dtype in (...)``, ``x.is_floating_point()``),
decided where the kind of dtype the evaluator knows (float, or integer with bool among it) settles them, and always
as torch answers them."""

from __future__ import annotations

import pytest
import torch

from tests.evaluator.worlds import decided

TENSOR_DTYPES = ["float32", "float64", "float16", "bfloat16", "int64", "int32", "int16", "int8", "uint8", "bool"]
NAMES = ["float", "float32", "float64", "double", "half", "float16", "bfloat16", "long", "int64", "int", "int32"]
NAMES += ["int16", "short", "int8", "uint8", "bool"]


def _program(dtype: str, condition: str) -> str:
    return f"import torch\nx = torch.zeros(2, 3, dtype=torch.{dtype})\nr = {condition}\n"


@pytest.mark.parametrize("dtype", TENSOR_DTYPES)
def test_comparisons_agree_with_torch_where_decided(dtype: str) -> None:
    tensor = torch.zeros(2, 3, dtype=getattr(torch, dtype))
    undecided = 0
    for name in NAMES:
        for condition, truth in (
            (f"x.dtype == torch.{name}", tensor.dtype == getattr(torch, name)),
            (f"x.dtype != torch.{name}", tensor.dtype != getattr(torch, name)),
            (f"x.dtype is torch.{name}", tensor.dtype is getattr(torch, name)),
            (f"x.dtype in (torch.{name}, torch.long)", tensor.dtype in (getattr(torch, name), torch.long)),
        ):
            ours = decided(_program(dtype, condition)).get("r")
            assert ours is None or ours == truth, condition
            undecided += ours is None
    ours = decided(_program(dtype, "x.is_floating_point()")).get("r")
    assert ours is None or ours == tensor.is_floating_point()
    if dtype in ("float32", "int64"):
        assert undecided < 4 * len(NAMES)  # the kinds the evaluator knows do decide some
