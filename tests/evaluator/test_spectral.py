"""``torch.fft.fft``/``ifft``/``rfft``/``irfft`` and ``torch.stft``: each was an unknown tensor, so a spectral front
end left every layer after it unchecked.  The rules are compared with torch on drawn shapes and arguments (unknown
where torch refuses, a refusal only where it does); the programs run under torch."""

from __future__ import annotations

import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.catalog import SPECTRAL, ShapeError, stft
from shapelint.dims import UNKNOWN, Shape
from shapelint.lint import lint_source
from tests.budget import examples

torch = pytest.importorskip("torch", reason="the rules are compared with torch, which this run has not installed")


def _torch_shape(call: object) -> tuple[tuple[int, ...], bool] | None:
    """The result's shape and whether it is complex, or ``None`` when torch refuses."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = call()  # type: ignore[operator]
    except (RuntimeError, IndexError, ValueError):
        return None
    return tuple(result.shape), result.is_complex()


def _ours(rule: object, shape: Shape, args: list[object], kwargs: dict[str, object]) -> Shape | None:
    try:
        return rule(shape, args, kwargs)  # type: ignore[operator]
    except ShapeError:
        return None


@pytest.mark.sampled
@settings(max_examples=examples(600), deadline=None)
@given(
    name=st.sampled_from(sorted(SPECTRAL)),
    shape=st.lists(st.integers(0, 9), max_size=3).map(tuple),
    n=st.none() | st.integers(-1, 12),
    dim=st.none() | st.integers(-4, 3),
)
def test_fourier_transforms_give_torchs_points(name: str, shape: tuple[int, ...], n: int | None, dim: int | None) -> None:
    kwargs = {key: value for key, value in (("n", n), ("dim", dim)) if value is not None}
    expected = _torch_shape(lambda: getattr(torch.fft, name)(torch.zeros(shape), **kwargs))
    found = _ours(SPECTRAL[name], Shape(shape, dtype="float"), [], kwargs)
    if expected is None:
        assert found is None or found == Shape.anything()
        return
    sizes, complex_out = expected
    assert found == Shape(sizes, dtype=None if complex_out else "float") or (not shape and found == Shape.anything())
    if sizes and (dim is None or dim < 0):  # leading dimensions unknown: the transformed one still comes out
        hidden = _ours(SPECTRAL[name], Shape(shape[-1:], open=True), [], kwargs)
        assert hidden is not None and (hidden.dims == sizes[-1:] or hidden == Shape.anything())


_SIGNAL = st.lists(st.integers(1, 40), min_size=1, max_size=2).map(tuple)


@pytest.mark.sampled
@settings(max_examples=examples(600), deadline=None)
@given(
    shape=_SIGNAL,
    n_fft=st.integers(1, 20),
    options=st.fixed_dictionaries(
        {"return_complex": st.sampled_from([True, False, None])},
        optional={
            "hop_length": st.integers(-1, 8),
            "win_length": st.integers(0, 22),
            "center": st.booleans(),
            "pad_mode": st.sampled_from(["reflect", "constant"]),
            "onesided": st.booleans(),
        },
    ),
    window=st.booleans(),
    dtype=st.sampled_from(["float", None]),
)
def test_stft_gives_torchs_frequencies_and_frames(
    shape: tuple[int, ...], n_fft: int, options: dict[str, object], window: bool, dtype: str | None
) -> None:
    width = options.get("win_length", n_fft)
    real = dict(options, window=torch.hann_window(width)) if window and isinstance(width, int) and width > 0 else options
    ours = dict(options, window=Shape((width,), dtype="float")) if real is not options else options
    expected = _torch_shape(lambda: torch.stft(torch.zeros(shape), n_fft, **real))
    found = _ours(stft, Shape(shape, dtype=dtype), [n_fft], ours)  # type: ignore[arg-type]
    if expected is None:
        assert found is None or found == Shape.anything()
        return
    sizes, complex_out = expected
    assert found is not None and not found.open and len(found.dims) == len(sizes)
    assert all(d == s or (d is UNKNOWN and i == len(shape) - 1 and dtype is None) for i, (d, s) in enumerate(zip(found.dims, sizes)))
    assert found.dtype == (None if complex_out else "float")


def test_stft_refuses_a_signal_of_three_dimensions() -> None:
    with pytest.raises(RuntimeError):
        torch.stft(torch.zeros(2, 3, 100), 16, return_complex=True)
    with pytest.raises(ShapeError):
        stft(Shape((2, 3, 100)), [16], {"return_complex": True})


_SPECTRAL_HEAD = """\
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.spectrum = nn.Linear({bins}, 1)
        self.frames = nn.Linear({frames}, 1)

    def forward(self, x):
        h = torch.fft.rfft(x, dim=-1).abs()
        spec = torch.stft(x, 16, hop_length=4, window=torch.hann_window(16), return_complex=True).abs()
        back = torch.fft.irfft(torch.fft.rfft(x), n=32).real
        return self.spectrum(h).sum() + self.frames(spec).sum() + back.sum()


out = Net()(torch.randn(4, 32))
"""


def test_layers_after_fourier_transforms_are_checked() -> None:
    correct = _SPECTRAL_HEAD.format(bins=17, frames=9)
    exec(compile(correct, "<program>", "exec", dont_inherit=True), {})
    assert lint_source(correct) == []
    for bins, frames, line in ((32, 9, 8), (17, 8, 9)):
        buggy = _SPECTRAL_HEAD.format(bins=bins, frames=frames)
        with pytest.raises(RuntimeError):
            exec(compile(buggy, "<program>", "exec", dont_inherit=True), {})
        assert [(d.line, d.code) for d in lint_source(buggy)] == [(line, "SHP001")]
