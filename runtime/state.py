"""Loading PyTorch state dicts: every key and shape is checked before anything is stored."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Protocol

import numpy as np
from shapelint.runtime.spec import TensorSpec


class Loadable(Protocol):
    """What loading needs of a model: its tensors' keys and specs, and a way to store one."""

    def named_specs(self, prefix: str = "") -> Iterator[tuple[str, TensorSpec]]: ...

    def assign(self, key: str, value: np.ndarray) -> None: ...


class StateDictError(ValueError):
    """A state dict does not fit the model; the message lists every offending key."""


def load(model: Loadable, state: Mapping[str, object]) -> None:
    """Copy ``state`` into ``model``, cast to each tensor's dtype, or raise and change nothing."""
    if not isinstance(state, Mapping):
        raise TypeError(f"Expected state_dict to be dict-like, got {type(state)}.")
    specs = dict(model.named_specs())
    arrays: dict[str, np.ndarray] = {}
    problems = [f"missing key {key!r} (expected shape {spec.shape})" for key, spec in specs.items() if key not in state]
    for key, value in state.items():
        try:
            arrays[key] = _as_array(value)
        except (ValueError, TypeError, RuntimeError) as error:
            problems.append(f"{key!r}: not an array ({error})")
            continue
        spec = specs.get(key)
        problem = _unexpected(key, arrays[key]) if spec is None else _misfit(key, arrays[key], spec)
        if problem:
            problems.append(problem)
    if problems:
        raise StateDictError("cannot load state dict: " + "; ".join(problems))
    for key, spec in specs.items():
        model.assign(key, np.array(arrays[key], dtype=spec.dtype, copy=True))


def _as_array(value: object) -> np.ndarray:
    """An array of ``value``; a torch tensor that requires grad is detached first, as torch copies without grad."""
    detach = getattr(value, "detach", None)
    return np.asarray(detach() if callable(detach) else value)


def _unexpected(key: str, array: np.ndarray) -> str:
    return f"unexpected key {key!r} (shape {array.shape})"


def _misfit(key: str, array: np.ndarray, spec: TensorSpec) -> str | None:
    """Why ``array`` cannot be stored under ``key``, or ``None`` when it can."""
    if array.shape != spec.shape:
        return f"{key!r}: expected shape {spec.shape}, given shape {array.shape}"
    if array.dtype.kind not in "biuf":
        return f"{key!r}: expected numbers, given dtype {array.dtype}"
    return None
