"""Random hyperparameters and inputs: the runtime accepts exactly what torch accepts, and computes the same."""

from __future__ import annotations

import warnings
from collections.abc import Callable

import numpy as np
import pytest
import shapelint.runtime as rt
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from shapelint.catalog import ShapeError
from tests.budget import examples
from tests.runtime.helpers import randomize, sample, torch_state

pytestmark = pytest.mark.sampled

small = st.integers(1, 3)


def _torch_outcome(make: Callable[[], nn.Module], x: np.ndarray) -> tuple[dict[str, np.ndarray], np.ndarray] | None:
    """Torch's weights and output, or ``None`` when torch rejects the layer or the input."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            reference = nn.Sequential(make()).double().eval()
            randomize(reference)
            with torch.no_grad():
                return torch_state(reference), reference(torch.from_numpy(x)).numpy()
        except (RuntimeError, ValueError):
            return None


def _agree(make_runtime: Callable[[], rt.Module], make_torch: Callable[[], nn.Module], x: np.ndarray) -> None:
    outcome = _torch_outcome(make_torch, x)
    if outcome is None:
        try:
            model = rt.Sequential(make_runtime(), input_shape=x.shape[1:], dtype=np.float64)
        except ShapeError:
            return
        raise AssertionError(f"torch rejects {make_torch()} on {x.shape}, runtime built {model!r}")
    state, expected = outcome
    model = rt.Sequential(make_runtime(), input_shape=x.shape[1:], dtype=np.float64)
    model.load_state_dict(state)
    np.testing.assert_allclose(model(x), expected, rtol=1e-7, atol=1e-9)


@settings(max_examples=examples(80), deadline=None)
@given(
    groups=st.integers(1, 2), per_group=small, out_per_group=small, kernel=st.integers(1, 4), stride=small,
    padding=st.integers(0, 2), dilation=st.integers(1, 2), size=st.tuples(st.integers(1, 8), st.integers(1, 8)),
)
def test_conv2d(
    groups: int, per_group: int, out_per_group: int, kernel: int, stride: int, padding: int, dilation: int, size: tuple[int, int]
) -> None:
    options = {"stride": stride, "padding": padding, "dilation": dilation, "groups": groups}
    x = sample((2, groups * per_group, *size))
    _agree(
        lambda: rt.Conv2d(groups * out_per_group, kernel, **options),
        lambda: nn.Conv2d(groups * per_group, groups * out_per_group, kernel, **options),
        x,
    )


@settings(max_examples=examples(80), deadline=None)
@given(
    groups=st.integers(1, 2), per_group=small, out_per_group=small, kernel=st.integers(1, 4), stride=small,
    padding=st.integers(0, 2), extra=st.integers(0, 2), dilation=st.integers(1, 2), size=st.integers(1, 6),
)
def test_conv_transpose2d(
    groups: int, per_group: int, out_per_group: int, kernel: int, stride: int, padding: int, extra: int, dilation: int, size: int
) -> None:
    options = {"stride": stride, "padding": padding, "output_padding": extra, "dilation": dilation, "groups": groups}
    x = sample((2, groups * per_group, size, size + 1))
    _agree(
        lambda: rt.ConvTranspose2d(groups * out_per_group, kernel, **options),
        lambda: nn.ConvTranspose2d(groups * per_group, groups * out_per_group, kernel, **options),
        x,
    )


@settings(max_examples=examples(80), deadline=None)
@given(
    kernel=st.integers(1, 4), stride=small, padding=st.integers(0, 2), dilation=st.integers(1, 2),
    ceil=st.booleans(), size=st.tuples(st.integers(1, 9), st.integers(1, 9)),
)
def test_max_pool2d(kernel: int, stride: int, padding: int, dilation: int, ceil: bool, size: tuple[int, int]) -> None:
    options = {"stride": stride, "padding": padding, "dilation": dilation, "ceil_mode": ceil}
    _agree(lambda: rt.MaxPool2d(kernel, **options), lambda: nn.MaxPool2d(kernel, **options), sample((2, 3, *size)))


@settings(max_examples=examples(80), deadline=None)
@given(
    kernel=st.integers(1, 4), stride=small, padding=st.integers(0, 2), ceil=st.booleans(), include=st.booleans(),
    size=st.tuples(st.integers(1, 9), st.integers(1, 9)),
)
def test_avg_pool2d(kernel: int, stride: int, padding: int, ceil: bool, include: bool, size: tuple[int, int]) -> None:
    options = {"stride": stride, "padding": padding, "ceil_mode": ceil, "count_include_pad": include}
    _agree(lambda: rt.AvgPool2d(kernel, **options), lambda: nn.AvgPool2d(kernel, **options), sample((2, 3, *size)))


@settings(max_examples=examples(60), deadline=None)
@given(
    out=st.tuples(st.integers(1, 6), st.integers(1, 6)),
    size=st.tuples(st.integers(1, 9), st.integers(1, 9)),
    maximum=st.booleans(),
)
def test_adaptive_pool2d(out: tuple[int, int], size: tuple[int, int], maximum: bool) -> None:
    ours, theirs = (rt.AdaptiveMaxPool2d, nn.AdaptiveMaxPool2d) if maximum else (rt.AdaptiveAvgPool2d, nn.AdaptiveAvgPool2d)
    _agree(lambda: ours(out), lambda: theirs(out), sample((2, 3, *size)))
