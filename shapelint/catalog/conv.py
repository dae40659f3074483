"""Conv1d/2d/3d and ConvTranspose1d/2d/3d.

torch checks ``groups``, string padding and ``padding_mode`` in the
constructor, and everything else (sizes, signs, the kernel tuple length, output
padding) in ``forward``; :func:`_validate` and the output rules split the
same way so the linter reports each problem where torch would raise it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from shapelint.catalog.base import (
    FACTORY,
    Family,
    LayerKind,
    OutputRule,
    Problem,
    ShapeError,
    SizeRule,
    channel_dim,
    exact,
    expand,
    require,
)
from shapelint.catalog.entries import with_bias
from shapelint.catalog.entry import EntriesRule, Entry
from shapelint.catalog.padding import PAD_MODES, padded_size
from shapelint.catalog.signature import Args, ArgType, Attribute, Param
from shapelint.catalog.windows import require_windows
from shapelint.dims import UNKNOWN, Dim, Shape, arith, is_int

PADDING_MODES = ("zeros", "reflect", "replicate", "circular")
Spread = dict[str, tuple[Any, ...]]
Sides = tuple[tuple[Any, Any], ...]


def _positive(value: object) -> object:
    return value > 0 if is_int(value) else UNKNOWN


def _non_negative(value: object) -> object:
    return value >= 0 if is_int(value) else UNKNOWN


def _validate(args: Args, transposed: bool) -> None:
    """What ``_ConvNd.__init__`` rejects."""
    groups = args["groups"]
    require(_positive(groups), f"groups must be a positive integer, got {groups}")
    for name in ("in_channels", "out_channels"):
        require(_non_negative(args[name]), f"{name} must not be negative, got {args[name]}")
        divisible = arith(lambda size, g: g <= 0 or size % g == 0, args[name], groups)
        require(divisible, f"{name} must be divisible by groups")
    kernel = args["kernel_size"]
    for size in kernel if isinstance(kernel, (tuple, list)) else (kernel,):
        require(_non_negative(size), f"kernel_size must not be negative, got {kernel!r}")
    mode = args["padding_mode"]
    if transposed:
        require(mode in ("zeros", UNKNOWN), f'Only "zeros" padding mode is supported, got {mode!r}')
        return
    require(mode in PADDING_MODES or mode is UNKNOWN, f"padding_mode must be one of {PADDING_MODES}, got {mode!r}")
    padding = args["padding"]
    if isinstance(padding, str):
        require(padding in ("same", "valid"), f"Invalid padding string {padding!r}, should be one of ('valid', 'same')")
        strides = args["stride"] if isinstance(args["stride"], (tuple, list)) else (args["stride"],)
        strided = any(is_int(s) and s != 1 for s in strides)
        require(not (padding == "same" and strided), "padding='same' is not supported for strided convolutions")


def _windows(args: Args, count: int) -> Spread:
    """Kernel, stride and dilation per spatial dimension, checked as the forward call does."""
    spread = {name: expand(args[name], count, name) for name in ("stride", "dilation")}
    spread["kernel_size"] = exact(args["kernel_size"], count, "kernel_size")
    for name, values in spread.items():
        for value in values:
            require(_positive(value), f"{name} must be positive, got {args[name]!r}")
    require(_positive(args["out_channels"]), "out_channels must be positive")
    return spread


def _side_padding(args: Args, count: int, spread: Spread, shape: Shape) -> Sides | None:
    """(left, right) padding per spatial dimension, resolving 'same' and 'valid'; ``None`` when unknowable."""
    padding = args["padding"]
    if padding == "valid":
        return ((0, 0),) * count
    if padding == "same":
        padded = _same_padded_dims(args, count)
        pairs = zip(spread["dilation"][:padded], spread["kernel_size"][:padded])
        totals = [arith(lambda d, k: d * (k - 1), d, k) for d, k in pairs] + [0] * (count - padded)
        return tuple((arith(lambda t: t // 2, t), arith(lambda t: t - t // 2, t)) for t in totals)
    if isinstance(padding, (tuple, list)) and args["padding_mode"] in PAD_MODES and len(padding) != count:
        return _short_padding(tuple(padding), count, shape)
    return tuple((side, side) for side in expand(padding, count, "padding"))


def _same_padded_dims(args: Args, count: int) -> int:
    """How many dimensions 'same' pads: with a padding mode other than zeros, torch zips a ``dilation`` tuple
    shorter than the kernel (``dilation=(1,)`` on a Conv2d) with it and leaves the other dimensions unpadded."""
    dilation = args["dilation"]
    if args["padding_mode"] in PAD_MODES and isinstance(dilation, (tuple, list)):
        return min(count, len(dilation))
    return count


def _short_padding(padding: tuple[object, ...], count: int, shape: Shape) -> Sides | None:
    """torch hands a padding tuple of the wrong length to ``F.pad`` as is, padding only the last dimensions.

    A longer tuple would pad the channels too, which no shape rule covers: the sizes become unknown.
    """
    if len(padding) > count:
        return None
    if shape.rank is not None and shape.rank - len(padding) not in (1, 2):
        raise ShapeError(f"padding {padding!r} cannot pad an input of shape {shape}", Problem.HYPERPARAMETER)
    return ((0, 0),) * (count - len(padding)) + tuple((side, side) for side in padding)


def _padded(mode: object, length: Dim, left: object, right: object) -> Dim:
    """The input size after padding; modes other than zeros pad (or crop) with ``F.pad`` first."""
    if mode in PAD_MODES:
        return padded_size(PAD_MODES[mode], length, left, right)
    for side in (left, right):
        require(_non_negative(side), f"negative padding is not supported, got {side}")
    return arith(lambda n, a, b: n + a + b, length, left, right)


def _conv_length(
    name: str, args: Args, length: Dim, kernel: object, stride: object, dilation: object, sides: tuple[object, object]
) -> Dim:
    padded = _padded(args["padding_mode"], length, *sides)
    reach = arith(lambda d, k: d * (k - 1) + 1, dilation, kernel)
    if is_int(padded) and is_int(reach) and padded < reach:
        raise ShapeError(
            f"{name}: kernel reach {reach} is larger than the padded input size {padded}", Problem.COLLAPSE
        )
    size = arith(lambda p, r, s: (p - r) // s + 1, padded, reach, stride)
    return require_windows(size, name, length)


def _conv_output(count: int, name: str) -> OutputRule:
    def output(args: Args, shape: Shape) -> Shape:
        spread = _windows(args, count)
        sides = _side_padding(args, count, spread, shape)
        lengths = shape.tail(count)
        if sides is None:
            return shape.with_tail(count + 1, (args["out_channels"],) + (UNKNOWN,) * count, "float")
        sizes = tuple(
            _conv_length(name, args, n, k, s, d, p)
            for n, k, s, d, p in zip(lengths, spread["kernel_size"], spread["stride"], spread["dilation"], sides)
        )
        return shape.with_tail(count + 1, (args["out_channels"],) + sizes, "float")

    return output


def _transposed_length(
    name: str, length: Dim, kernel: object, stride: object, padding: object, dilation: object, extra: object
) -> Dim:
    require(_non_negative(padding), f"negative padding is not supported, got {padding}")
    require(_non_negative(extra), f"negative output_padding is not supported, got {extra}")
    require(
        arith(lambda o, s, d: o < s or o < d, extra, stride, dilation),
        f"output padding must be smaller than either stride or dilation, got {extra}",
    )
    size = arith(
        lambda n, k, s, p, d, o: (n - 1) * s - 2 * p + d * (k - 1) + o + 1,
        length, kernel, stride, padding, dilation, extra,
    )
    return require_windows(size, name, length)


def _transposed_output(count: int, name: str) -> OutputRule:
    def output(args: Args, shape: Shape) -> Shape:
        if isinstance(args["padding"], str):
            raise ShapeError(f"{name} does not accept string padding {args['padding']!r}", Problem.HYPERPARAMETER)
        spread = _windows(args, count)
        paddings = expand(args["padding"], count, "padding")
        extras = expand(args["output_padding"], count, "output_padding")
        sizes = tuple(
            _transposed_length(name, n, k, s, p, d, o)
            for n, k, s, p, d, o in zip(
                shape.tail(count), spread["kernel_size"], spread["stride"], paddings, spread["dilation"], extras
            )
        )
        return shape.with_tail(count + 1, (args["out_channels"],) + sizes, "float")

    return output


def _channels(count: int) -> SizeRule:
    def channels(args: Args, shape: Shape) -> Dim:
        return channel_dim(shape, count)

    return channels


def _entries(count: int, transposed: bool) -> EntriesRule:
    """The weight is (out, in / groups, *kernel), or (in, out / groups, *kernel) when transposed."""

    def entries(args: Args) -> list[Entry]:
        kernel = args["kernel_size"]
        kernel = tuple(kernel) if isinstance(kernel, (tuple, list)) else (kernel,) * count
        groups, in_ch, out_ch = args["groups"], args["in_channels"], args["out_channels"]
        leading = (in_ch, out_ch // groups) if transposed else (out_ch, in_ch // groups)
        return with_bias(Entry("weight", (*leading, *kernel)), out_ch, args["bias"])

    return entries


_HEAD = (
    Param("in_channels", attribute=Attribute.SIZE),
    Param("out_channels", type=ArgType.INT, attribute=Attribute.SIZE),
    Param("kernel_size", type=ArgType.SIZE),
    Param("stride", 1, type=ArgType.SIZE),
    Param("padding", 0, type=ArgType.SIZE_OR_TEXT),
)
_DILATION, _GROUPS, _BIAS = (
    Param("dilation", 1, type=ArgType.SIZE),
    Param("groups", 1, type=ArgType.INT, attribute=Attribute.SIZE),
    Param("bias", True, type=ArgType.BOOL),
)
_TAIL = (Param("padding_mode", "zeros"),) + FACTORY


_TUPLED = frozenset({"kernel_size", "stride", "padding", "dilation", "output_padding"})


def _tupled(count: int, transposed: bool) -> Callable[[Args, str], object]:
    """``conv.stride``: torch keeps each window argument as a tuple (``_pair(2)`` is ``(2, 2)``, a sequence of any
    length its tuple), and a convolution's padding mode as its string."""

    def derived(args: Args, name: str) -> object:
        if name not in _TUPLED or name not in args:
            return None
        value = args[name]
        if isinstance(value, (tuple, list)):
            return tuple(value)
        if isinstance(value, str):
            return value if name == "padding" and not transposed else UNKNOWN
        return (value,) * count if isinstance(value, int) and not isinstance(value, bool) else UNKNOWN

    return derived


def conv(count: int) -> LayerKind:
    name = f"Conv{count}d"
    return LayerKind(
        name,
        _HEAD + (_DILATION, _GROUPS, _BIAS) + _TAIL,
        _conv_output(count, name),
        input_arg="in_channels",
        expected_input=_channels(count),
        ranks=(count + 1, count + 2),
        validate=lambda args: _validate(args, transposed=False),
        family=Family.CONV,
        entries=_entries(count, transposed=False),
        derived=_tupled(count, transposed=False),
    )


def conv_transpose(count: int) -> LayerKind:
    name = f"ConvTranspose{count}d"
    return LayerKind(
        name,
        _HEAD + (Param("output_padding", 0, type=ArgType.SIZE), _GROUPS, _BIAS, _DILATION) + _TAIL,
        _transposed_output(count, name),
        input_arg="in_channels",
        expected_input=_channels(count),
        ranks=(count + 1, count + 2),
        validate=lambda args: _validate(args, transposed=True),
        family=Family.CONV,
        entries=_entries(count, transposed=True),
        derived=_tupled(count, transposed=True),
    )


CONVS = {count: conv(count) for count in (1, 2, 3)}
CONV_TRANSPOSES = {count: conv_transpose(count) for count in (1, 2, 3)}

KINDS = tuple(CONVS.values()) + tuple(CONV_TRANSPOSES.values())
