"""Loading PyTorch state dicts: every key and shape is checked before anything is stored."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from shapelint.runtime.module import Module


class StateDictError(ValueError):
    """A state dict does not fit the model; the message lists every offending key."""


def load(model: Module, state: Mapping[str, object]) -> None:
    """Copy ``state`` into ``model``, cast to each tensor's dtype, or raise and change nothing."""
    specs = dict(model.named_specs())
    arrays = {key: np.asarray(value) for key, value in state.items()}
    problems = [f"missing key {key!r} (expected shape {spec.shape})" for key, spec in specs.items() if key not in arrays]
    problems += [f"unexpected key {key!r} (shape {arrays[key].shape})" for key in arrays if key not in specs]
    problems += [
        f"{key!r}: expected shape {spec.shape}, given shape {arrays[key].shape}"
        for key, spec in specs.items()
        if key in arrays and arrays[key].shape != spec.shape
    ]
    problems += [
        f"{key!r}: expected numbers, given dtype {array.dtype}"
        for key, array in arrays.items()
        if key in specs and array.dtype.kind not in "biuf"
    ]
    if problems:
        raise StateDictError("cannot load state dict: " + "; ".join(problems))
    for key, spec in specs.items():
        model.assign(key, np.array(arrays[key], dtype=spec.dtype, copy=True))
