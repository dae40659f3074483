"""Copy torch weights into runtime models and compare the outputs."""

from __future__ import annotations

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


def assert_matches(model: Module, reference: torch.nn.Module, x: np.ndarray, tolerance: float = 1e-5) -> None:
    """Load ``reference``'s weights into ``model`` and compare both on ``x`` in eval mode."""
    reference.eval()
    model.load_state_dict(torch_state(reference))
    with torch.no_grad():
        expected = reference(torch.from_numpy(x)).numpy()
    actual = model(x)
    assert actual.shape == expected.shape
    assert actual.dtype == expected.dtype
    np.testing.assert_allclose(actual, expected, rtol=tolerance, atol=tolerance)
