"""Copy torch weights into runtime models and compare the outputs."""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
from shapelint.runtime import Module


def randomize(module: torch.nn.Module, seed: int = 0) -> None:
    """Give every float tensor a non-default value, so a mis-copied one shows."""
    generator = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, tensor in module.state_dict().items():
            if not tensor.is_floating_point():
                continue
            noise = torch.rand(tensor.shape, generator=generator, dtype=tensor.dtype)
            if name.endswith("running_var"):
                tensor.copy_(noise + 0.5)
            else:
                tensor.copy_(noise * 2 - 1)


def torch_state(module: torch.nn.Module) -> dict[str, np.ndarray]:
    return {key: value.detach().numpy() for key, value in module.state_dict().items()}


def sample(shape: tuple[int, ...], dtype: np.dtype | type = np.float64, seed: int = 1) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal(shape).astype(dtype)


def assert_matches(
    model: Module,
    reference: torch.nn.Module,
    x: np.ndarray,
    tolerance: float = 1e-5,
    inputs: tuple[object, ...] = (),
    keywords: dict[str, object] | None = None,
) -> None:
    """Load ``reference``'s weights into ``model`` and compare both on ``x`` (and further inputs) in eval mode."""
    reference.eval()
    model.load_state_dict(torch_state(reference))
    keywords = keywords or {}
    with torch.no_grad():
        expected = reference(torch.from_numpy(x), *as_torch(inputs), **as_torch(keywords))
    assert_same(model(x, *inputs, **keywords), expected, tolerance)


def as_torch(value: Any) -> Any:
    """Arrays as tensors, inside tuples and keyword dicts too."""
    if isinstance(value, np.ndarray):
        return torch.from_numpy(value)
    if isinstance(value, tuple):
        return tuple(as_torch(item) for item in value)
    if isinstance(value, dict):
        return {key: as_torch(item) for key, item in value.items()}
    return value


def assert_same(actual: Any, expected: Any, tolerance: float) -> None:
    """Equal outputs: arrays to ``tolerance`` with the same shape and dtype, tuples (``(output, state)``) item by item."""
    if isinstance(expected, tuple):
        assert isinstance(actual, tuple) and len(actual) == len(expected)
        for mine, theirs in zip(actual, expected):
            assert_same(mine, theirs, tolerance)
        return
    if expected is None:
        assert actual is None
        return
    expected = expected.numpy()
    assert actual.shape == expected.shape
    assert actual.dtype == expected.dtype
    np.testing.assert_allclose(actual, expected, rtol=tolerance, atol=tolerance)
