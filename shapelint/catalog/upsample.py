"""Upsample, UpsamplingNearest2d/Bilinear2d, PixelShuffle, PixelUnshuffle and ChannelShuffle.

Upsample's constructor only stores ``float(scale_factor)`` (element by
element for a tuple), so a value that is no float fails there.  A missing or
doubled size, a mode that does not fit the rank and ``align_corners`` on a
non-interpolating mode all fail on the first call, as does a scale factor
that is not finite or gives an output size beyond int64, whatever the
input.  The constructor turns a falsy ``scale_factor`` (0, an empty tuple)
into ``None``; the rule does the same.  Mode 'area' is an adaptive average
pool, which accepts an output size of 0.  Output sizes are truncated toward
zero, as torch converts them.
"""

from __future__ import annotations

import math
from operator import mul
from typing import Any

from shapelint.catalog.base import LayerKind, OutputRule, Problem, ShapeError, front_dim, keep, require, truthy
from shapelint.catalog.signature import Args, ArgType, Attribute, Functional, Param
from shapelint.dims import UNKNOWN, Dim, Shape, arith

MODE_RANKS = {
    "nearest": (3, 4, 5),
    "nearest-exact": (3, 4, 5),
    "area": (3, 4, 5),
    "linear": (3,),
    "bilinear": (4,),
    "bicubic": (4,),
    "trilinear": (5,),
}
INTERPOLATING = ("linear", "bilinear", "bicubic", "trilinear")
INT64_LIMIT = 2**63


def _number(value: object) -> bool:
    """An int or float; a bool too, since the constructor stores ``float(True)``."""
    return isinstance(value, (int, float))


def _per_dim(value: Any, count: int, name: str) -> tuple[Any, ...]:
    if not isinstance(value, (tuple, list)):
        return (value,) * count
    if len(value) != count:
        raise ShapeError(f"Upsample {name} {value!r} does not match {count} spatial dimensions", Problem.RANK)
    return tuple(value)


def _finite(scale: object) -> bool | None:
    """Whether a scale factor (already known to convert) is finite; ``None`` when not a known number."""
    return math.isfinite(float(scale)) if _number(scale) else None  # type: ignore[arg-type]


def _convertible(scale: object) -> bool | None:
    """Whether ``float(scale)`` succeeds; ``None`` for a value the linter does not know."""
    if isinstance(scale, (list, complex)):
        return False
    if not isinstance(scale, (int, float, str)):
        return None
    try:
        float(scale)
    except (ValueError, OverflowError):
        return False
    return True


def _stored_as_floats(args: Args) -> None:
    scale_factor = args["scale_factor"]
    if scale_factor is UNKNOWN or not scale_factor:
        return
    for scale in scale_factor if isinstance(scale_factor, tuple) else (scale_factor,):
        require(_convertible(scale), f"Upsample scale_factor={scale_factor!r} cannot be stored as a float")


def _check_scales(scale_factor: object) -> None:
    scales = scale_factor if isinstance(scale_factor, (tuple, list)) else (scale_factor,)
    for scale in scales:
        require(_finite(scale), f"Upsample scale_factor={scale_factor!r} is not a finite number")


def _scaled(length: Dim, scale: object) -> Dim:
    if not (isinstance(length, int) and _number(scale)):
        return UNKNOWN
    try:
        size = length * float(scale)  # type: ignore[arg-type]
    except OverflowError:
        size = math.inf
    require(
        abs(size) < INT64_LIMIT,
        f"Upsample scale_factor={scale!r} makes input size {length} an output size of {size:g}, beyond int64",
    )
    return math.trunc(size)


def _given(value: object) -> bool | None:
    return None if value is UNKNOWN else value is not None


def _check_call(args: Args, shape: Shape) -> None:
    """What ``F.interpolate`` rejects before looking at sizes."""
    size, scale, mode = _given(args["size"]), _given(args["scale_factor"]), args["mode"]
    require(size is not False or scale is not False, "Upsample needs size or scale_factor")
    require(not (size and scale), "Upsample takes only one of size and scale_factor")
    require(not (size and truthy(args["recompute_scale_factor"])), "recompute_scale_factor is meaningless with size")
    if scale:
        _check_scales(args["scale_factor"])
    if mode is UNKNOWN:
        return
    require(mode in MODE_RANKS, f"Upsample mode {mode!r} is not supported")
    interpolating = mode in INTERPOLATING
    unset = args["align_corners"] in (None, UNKNOWN)
    require(interpolating or unset, f"align_corners cannot be set with mode {mode!r}")
    if shape.rank is not None and shape.rank not in MODE_RANKS[mode]:
        raise ShapeError(f"Upsample mode {mode!r} does not accept a {shape.rank}-D input", Problem.RANK)


def _upsample(args: Args, shape: Shape) -> Shape:
    """``nn.Upsample``: its constructor keeps a falsy ``scale_factor`` (0, an empty tuple) as ``None``."""
    return _interpolate({**args, "scale_factor": args["scale_factor"] or None}, shape)


def _interpolate(args: Args, shape: Shape) -> Shape:
    _check_call(args, shape)
    if shape.rank is None:
        return Shape.anything().with_dtype(shape.dtype)
    count = shape.rank - 2
    lengths = shape.tail(count)
    if args["size"] is not None:
        sizes = _per_dim(args["size"], count, "size")
    else:
        scales = _per_dim(args["scale_factor"], count, "scale_factor")
        sizes = tuple(_scaled(length, scale) for length, scale in zip(lengths, scales))
    smallest = 0 if args["mode"] == "area" else 1
    for length, size in zip(lengths, sizes):
        require(
            arith(lambda s: s >= smallest, size),
            f"Upsample output size {size} for input size {length} must be at least {smallest}",
            Problem.COLLAPSE,
        )
    return shape.with_tail(count, sizes)


def _fixed_mode(mode: str, align_corners: bool | None) -> OutputRule:
    def output(args: Args, shape: Shape) -> Shape:
        full = {**args, "mode": mode, "align_corners": align_corners, "recompute_scale_factor": None}
        return _upsample(full, shape)

    return output


def _pixel_shuffle(args: Args, shape: Shape) -> Shape:
    factor = args["upscale_factor"]
    require(arith(lambda r: r > 0, factor), f"PixelShuffle upscale_factor must be positive, got {factor}")
    channels, height, width = shape.tail(3)
    require(
        arith(lambda c, r: c % (r * r) == 0, channels, factor),
        f"PixelShuffle: {channels} channels are not divisible by upscale_factor**2 = {arith(lambda r: r * r, factor)}",
        Problem.OTHER,
    )
    return shape.with_tail(
        3, (arith(lambda c, r: c // (r * r), channels, factor), arith(mul, height, factor), arith(mul, width, factor))
    )


def _pixel_unshuffle(args: Args, shape: Shape) -> Shape:
    factor = args["downscale_factor"]
    require(arith(lambda r: r > 0, factor), f"PixelUnshuffle downscale_factor must be positive, got {factor}")
    channels, height, width = shape.tail(3)
    for side in (height, width):
        require(
            arith(lambda n, r: n % r == 0, side, factor),
            f"PixelUnshuffle: size {side} is not divisible by downscale_factor {factor}",
            Problem.OTHER,
        )
    return shape.with_tail(
        3,
        (
            arith(lambda c, r: c * r * r, channels, factor),
            arith(lambda n, r: n // r, height, factor),
            arith(lambda n, r: n // r, width, factor),
        ),
    )


def _channel_shuffle(args: Args, shape: Shape) -> Shape:
    groups, channels = args["groups"], front_dim(shape, 1)
    require(arith(lambda g: g > 0, groups), f"ChannelShuffle groups must be positive, got {groups}")
    require(
        arith(lambda c, g: c % g == 0, channels, groups),
        f"ChannelShuffle: {channels} channels are not divisible by groups={groups}",
        Problem.OTHER,
    )
    return keep(args, shape)


_SIZE = (Param("size", None), Param("scale_factor", None))
_INTERPOLATION = _SIZE + (Param("mode", "nearest"), Param("align_corners", None, type=ArgType.BOOL))
_RECOMPUTE = Param("recompute_scale_factor", None, type=ArgType.BOOL)


def _factor(name: str) -> Param:
    """The shuffles' one argument: an int torch keeps as the attribute of its name."""
    return Param(name, type=ArgType.INT, attribute=Attribute.SIZE)

KINDS = (
    LayerKind(
        "Upsample",
        _INTERPOLATION + (_RECOMPUTE,),
        _upsample,
        ranks=(3, 4, 5),
        validate=_stored_as_floats,
        functionals=(
            Functional("interpolate", _INTERPOLATION + (_RECOMPUTE, Param("antialias", False)), output=_interpolate),
            Functional("upsample", _INTERPOLATION, output=_interpolate),
        ),
    ),
    LayerKind("UpsamplingNearest2d", _SIZE, _fixed_mode("nearest", None), ranks=(3, 4, 5), validate=_stored_as_floats),
    LayerKind(
        "UpsamplingBilinear2d", _SIZE, _fixed_mode("bilinear", True), ranks=(3, 4, 5), validate=_stored_as_floats
    ),
    LayerKind(
        "PixelShuffle",
        (_factor("upscale_factor"),),
        _pixel_shuffle,
        min_rank=3,
        functionals=(Functional("pixel_shuffle", (_factor("upscale_factor"),)),),
    ),
    LayerKind(
        "PixelUnshuffle",
        (_factor("downscale_factor"),),
        _pixel_unshuffle,
        min_rank=3,
        functionals=(Functional("pixel_unshuffle", (_factor("downscale_factor"),)),),
    ),
    LayerKind("ChannelShuffle", (_factor("groups"),), _channel_shuffle, min_rank=3),
)
