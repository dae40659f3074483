"""Torch's positional form of every runtime layer with an inferred size, shared by the runtime and lint tests."""

from __future__ import annotations

import shapelint.runtime as rt

from shapelint.catalog import CATALOG, REQUIRED, inferred_argument

FACTORY_NAMES = ("device", "dtype")
SIZES = {"num_groups": 2, "num_heads": 2, "nhead": 2}
"""Values torch accepts beside an input size of 4 (its groups and heads must divide it); every other size is 3."""


def _torch_calls() -> list[tuple[str, tuple[object, ...]]]:
    """Each kind with an inferred size, called as torch's positional form with 0, 1, ... optional arguments (their
    defaults), up to the factory arguments: nobody passes ``device``/``dtype`` by position, and RNN and GRU (whose
    documented overloads list them next) hand a positional one to ``RNNBase``'s ``proj_size``."""
    calls = []
    for kind in CATALOG.values():
        skip = inferred_argument(kind)
        if skip is None or not hasattr(rt, kind.name):
            continue
        params = [p for p in kind.params if not p.keyword_only and p.name not in FACTORY_NAMES]
        required = sum(p.default is REQUIRED for p in params)
        values = tuple(
            4 if p.name == skip else SIZES.get(p.name, 3) if p.default is REQUIRED else p.default for p in params
        )
        calls += [(kind.name, values[:count]) for count in range(required, len(params) + 1)]
    return calls


CALLS = _torch_calls()
IDS = [f"{name}-{len(args)}" for name, args in CALLS]
