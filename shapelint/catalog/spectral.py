"""Fourier transforms: ``torch.fft.fft``/``ifft``/``rfft``/``irfft`` and ``torch.stft``.

Their results are complex, a dtype :mod:`shapelint.dims` does not name: such a result's dtype is left unknown
(``.abs()`` and ``.real`` keep the shape).  Arguments torch refuses give an unknown shape; only an input of the
wrong rank for ``stft`` is reported.
"""

from __future__ import annotations

from collections.abc import Callable

from shapelint.catalog.base import Problem, ShapeError
from shapelint.catalog.tensor_ops import Rule, position, with_size
from shapelint.dims import UNKNOWN, Dim, DType, Shape, arith, is_int

_FFT = ("n", "dim", "norm")
_STFT = (
    "n_fft", "hop_length", "win_length", "window", "center", "pad_mode", "normalized", "onesided", "return_complex"
)  # fmt: skip


def _transform(default: Callable[[Dim], Dim], entries: Callable[[int], int], dtype: DType | None) -> Rule:
    """A one-dimensional transform of ``n`` points along ``dim`` (``default(size)`` without ``n``), whose result
    has ``entries(points)`` entries there; fewer than one point is torch's "Invalid number of data points", and an
    empty result one that MKL refuses: both are left unknown."""

    def rule(shape: Shape, args: list[object], kwargs: dict[str, object]) -> Shape:
        given = dict(zip(_FFT, args)) | kwargs
        at = position(shape, given.get("dim", -1))
        if at is None or not shape.dims or set(given) - set(_FFT) or len(args) > len(_FFT):
            return Shape.anything()
        n = given.get("n")
        points = default(shape.dims[at]) if n is None else n if is_int(n) else UNKNOWN
        result = with_size(shape, at, arith(entries, points))
        if (is_int(points) and points < 1) or 0 in result.dims:
            return Shape.anything()
        return result.with_dtype(dtype)

    return rule


def _same(size: Dim) -> Dim:
    return size


SPECTRAL: dict[str, Rule] = {
    "fft": _transform(_same, lambda points: points, None),
    "ifft": _transform(_same, lambda points: points, None),
    "rfft": _transform(_same, lambda points: points // 2 + 1, None),
    "irfft": _transform(lambda size: arith(lambda m: 2 * (m - 1), size), lambda points: points, "float"),
}
"""``torch.fft.<name>`` rules; the dtype is the result's, ``None`` for complex."""


def stft(shape: Shape, args: list[object], kwargs: dict[str, object]) -> Shape:
    """``torch.stft(x, n_fft, ...)`` of a 1-D ``(L,)`` or 2-D ``(B, L)`` signal: ``(B, freq, frames)``, ``freq``
    ``n_fft // 2 + 1`` when one-sided (the default for a real signal and window), ``frames`` counted after the
    ``n_fft // 2`` padding on each side that ``center`` adds; a trailing 2 of reals for ``return_complex=False``.
    A ``window`` is given as its :class:`Shape`; one not known leaves only the frequencies unknown."""
    if len(shape.dims) > 2 or (not shape.open and not shape.dims):
        raise ShapeError(f"stft expects a 1-D or 2-D signal, got {shape}", Problem.RANK)
    given = _STFT_DEFAULTS | dict(zip(_STFT, args)) | kwargs
    n_fft = given.get("n_fft")
    hop = n_fft // 4 if given["hop_length"] is None and is_int(n_fft) else given["hop_length"]
    width = n_fft if given["win_length"] is None else given["win_length"]
    window, complex_out = given["window"], given["return_complex"]
    if set(given) != set(_STFT) or len(args) > len(_STFT) or not shape.dims or shape.dtype == "int":
        return Shape.anything()
    if not (is_int(n_fft) and is_int(hop) and is_int(width) and isinstance(complex_out, bool)):
        return Shape.anything()
    if not 0 < width <= n_fft or hop <= 0 or (isinstance(window, Shape) and not _window_of(window, width)):
        return Shape.anything()
    frames = _frames(shape.dims[-1], n_fft, hop, given["center"], given["pad_mode"])
    if frames is None:
        return Shape.anything()
    tail = (_frequencies(shape, n_fft, given["onesided"], window), frames) + (() if complex_out else (2,))
    return Shape((*shape.dims[:-1], *tail), shape.open, None if complex_out else "float")


_STFT_DEFAULTS: dict[str, object] = {
    "hop_length": None, "win_length": None, "window": None, "center": True, "pad_mode": "reflect",
    "normalized": False, "onesided": None, "return_complex": None,
}  # fmt: skip


def _window_of(window: object, width: int) -> bool:
    """A window torch takes: one-dimensional, of ``win_length`` entries where its size is known."""
    if not isinstance(window, Shape) or window.open:
        return not isinstance(window, Shape) or len(window.dims) <= 1
    if len(window.dims) != 1:
        return False
    return not is_int(window.dims[0]) or window.dims[0] == width


def _frames(length: Dim, n_fft: int, hop: int, center: object, pad_mode: object) -> Dim | None:
    """How many hops fit; ``None`` where torch refuses (a reflection wider than the signal, a window longer than
    the padded signal)."""
    if not isinstance(center, bool):
        return None
    if not is_int(length):
        return UNKNOWN
    pad = n_fft // 2 if center else 0
    if (center and pad_mode == "reflect" and pad >= length) or n_fft > length + 2 * pad:
        return None
    return 1 + (length + 2 * pad - n_fft) // hop


def _frequencies(shape: Shape, n_fft: int, onesided: object, window: object) -> Dim:
    """``n_fft // 2 + 1`` bins when one-sided, all ``n_fft`` when not; left to torch, one-sided exactly when the
    signal and the window are real, which an unknown dtype leaves unknown."""
    if onesided is None:
        real_window = window is None or (isinstance(window, Shape) and window.dtype == "float")
        onesided = True if shape.dtype == "float" and real_window else None
    if not isinstance(onesided, bool):
        return UNKNOWN
    return n_fft // 2 + 1 if onesided else n_fft
