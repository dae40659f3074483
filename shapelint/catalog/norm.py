"""BatchNorm, InstanceNorm, LayerNorm, RMSNorm, GroupNorm and LocalResponseNorm.

torch compares the channel count only where a parameter or running buffer of
that size exists: BatchNorm and InstanceNorm accept any channel count when
``affine`` and ``track_running_stats`` are both off (InstanceNorm then merely
warns), and GroupNorm without ``affine`` only needs channels divisible by
``num_groups``.  The rules mirror that, so such layers are never reported.
Shapes follow ``eval()`` mode: training additionally rejects one value per
channel, which depends on the batch size the linter rarely knows.
"""

from __future__ import annotations

from collections.abc import Callable

from shapelint.catalog.base import (
    FACTORY,
    Family,
    LayerKind,
    Problem,
    ShapeError,
    SizeRule,
    channel_dim,
    front_dim,
    keep,
    require,
    to_float,
    truthy,
)
from shapelint.catalog.entry import EntriesRule, Entry
from shapelint.catalog.signature import Args, ArgType, Attribute, Functional, Param
from shapelint.dims import UNKNOWN, Shape, arith, product

_BIAS = (Param("bias", True, keyword_only=True, type=ArgType.BOOL),)
_EPS = Param("eps", 1e-05, type=ArgType.REAL)
_ELEMENTWISE_AFFINE = Param("elementwise_affine", True, type=ArgType.BOOL)


def _per_channel_params(affine: bool, track_running_stats: bool) -> tuple[Param, ...]:
    """BatchNorm's and InstanceNorm's, which differ in their defaults alone."""
    return (
        Param("num_features", type=ArgType.INT, attribute=Attribute.SIZE),
        _EPS,
        Param("momentum", 0.1, type=ArgType.REAL, nullable=True),
        Param("affine", affine, type=ArgType.BOOL),
        Param("track_running_stats", track_running_stats, type=ArgType.BOOL),
    )


def _sized(args: Args, *flags: str) -> bool:
    """Whether some parameter or buffer has the input size, so torch compares it."""
    return any(truthy(args[flag]) for flag in flags)


def _non_negative_when_sized(args: Args, name: str, *flags: str) -> None:
    if _sized(args, *flags):
        require(arith(lambda v: v >= 0, args[name]), f"{name} must not be negative, got {args[name]}")


def batch_channels(kind: LayerKind) -> SizeRule:
    """BatchNorm's channel: dimension 1 of a 2-D to 5-D input."""
    return lambda args, shape: front_dim(shape, 1, kind.ranks)


def _batch_output(args: Args, shape: Shape) -> Shape:
    """Without running statistics BatchNorm uses the batch's, which needs more than one value per channel."""
    batch_statistics = truthy(args["track_running_stats"]) is False
    if batch_statistics:
        _one_value_per_channel(shape, "BatchNorm without running statistics")
    _check_eps(args["eps"], positive=batch_statistics)
    return to_float(args, shape)


def _one_value_per_channel(shape: Shape, which: str, remedy: str = "") -> None:
    """Batch statistics need more than one value per channel: a batch of one vector, or of one 1x1 map, has one."""
    if not shape.open:
        require(
            arith(lambda n: n != 1, product(shape.dims[:1] + shape.dims[2:])),
            f"{which} needs more than 1 value per channel, got input of shape {shape}{remedy}",
            Problem.COLLAPSE,
        )


def _batch_training(args: Args, shape: Shape) -> None:
    """In training mode BatchNorm always uses the batch's statistics (torch: ``Expected more than 1 value per
    channel when training``); a batch of one must be run in ``eval()`` mode."""
    _one_value_per_channel(shape, "BatchNorm in training mode", "; run a single sample in eval() mode")
    _check_eps(args["eps"], positive=True)


def _check_eps(eps: object, positive: bool) -> None:
    """``batch_norm``'s check on the first call: batch statistics need eps > 0, running ones eps >= 0 (NaN passes)."""
    if not isinstance(eps, (int, float)) or isinstance(eps, bool):
        return
    if positive:
        require(not eps <= 0, f"batch_norm eps must be positive with batch statistics, got {eps}")
    require(not eps < 0, f"batch_norm eps must be non-negative, got {eps}")


def _affine(size: object, flag: object) -> list[Entry]:
    return [Entry("weight", (size,)), Entry("bias", (size,))] if flag else []  # type: ignore[arg-type]


def _running(size: object, flag: object) -> list[Entry]:
    if not flag:
        return []
    return [
        Entry("running_mean", (size,), False),  # type: ignore[arg-type]
        Entry("running_var", (size,), False),  # type: ignore[arg-type]
        Entry("num_batches_tracked", (), False),
    ]


def _per_channel_entries(args: Args) -> list[Entry]:
    """BatchNorm's and InstanceNorm's: the affine pair, then the running statistics."""
    size = args["num_features"]
    return _affine(size, args["affine"]) + _running(size, args["track_running_stats"])


def _batch_norm(name: str, ranks: tuple[int, ...]) -> LayerKind:
    def expected(args: Args, shape: Shape) -> object:
        return front_dim(shape, 1, ranks) if _sized(args, "affine", "track_running_stats") else UNKNOWN

    return LayerKind(
        name,
        _per_channel_params(affine=True, track_running_stats=True) + FACTORY + _BIAS,
        _batch_output,
        input_arg="num_features",
        expected_input=expected,
        ranks=ranks,
        validate=lambda args: _non_negative_when_sized(args, "num_features", "affine", "track_running_stats"),
        family=Family.NORM,
        entries=_per_channel_entries,
        training_rule=_batch_training,
    )


def _instance_output(count: int) -> Callable[[Args, Shape], Shape]:
    def output(args: Args, shape: Shape) -> Shape:
        if truthy(args["track_running_stats"]) is False:
            _one_spatial_element(count, shape)
        return to_float(args, shape)

    return output


def _one_spatial_element(count: int, shape: Shape) -> None:
    """Statistics of each instance need more than one spatial element; InstanceNorm uses them unless it tracks
    running ones and is in ``eval()`` mode."""
    require(
        arith(lambda n: n != 1, product(shape.tail(count))),
        f"InstanceNorm{count}d expects more than 1 spatial element, got input of shape {shape}",
        Problem.COLLAPSE,
    )


def _instance_norm(count: int) -> LayerKind:
    def expected(args: Args, shape: Shape) -> object:
        return channel_dim(shape, count) if _sized(args, "affine", "track_running_stats") else UNKNOWN

    return LayerKind(
        f"InstanceNorm{count}d",
        _per_channel_params(affine=False, track_running_stats=False) + FACTORY + _BIAS,
        _instance_output(count),
        input_arg="num_features",
        expected_input=expected,
        ranks=(count + 1, count + 2),
        validate=lambda args: _non_negative_when_sized(args, "num_features", "affine", "track_running_stats"),
        family=Family.NORM,
        entries=_per_channel_entries,
        training_rule=lambda args, shape: _one_spatial_element(count, shape),
    )


def _normalized_length(args: Args) -> int | None:
    normalized = args["normalized_shape"]
    if isinstance(normalized, (tuple, list)):
        return len(normalized)
    return None if normalized is UNKNOWN else 1


def _trailing(args: Args, shape: Shape) -> object:
    """The trailing sizes, in the form ``normalized_shape`` was written (int, tuple or list)."""
    normalized = args["normalized_shape"]
    count = _normalized_length(args)
    if count is None:
        return UNKNOWN
    if count == 0:
        raise ShapeError("normalized_shape must contain at least one element", Problem.HYPERPARAMETER)
    if shape.rank is not None and shape.rank < count:
        raise ShapeError(
            f"input of shape {shape} has fewer dimensions than normalized_shape {normalized!r}", Problem.RANK
        )
    tail = shape.tail(count)
    if isinstance(normalized, list):
        return list(tail)
    return tail if isinstance(normalized, tuple) else tail[0]


def _validate_normalized(args: Args) -> None:
    normalized = args["normalized_shape"]
    sizes = normalized if isinstance(normalized, (tuple, list)) else (normalized,)
    if truthy(args["elementwise_affine"]):
        for size in sizes:
            require(arith(lambda v: v >= 0, size), f"normalized_shape must not be negative, got {normalized!r}")


def _rms_norm_entries(args: Args) -> list[Entry]:
    """The elementwise weight, of ``normalized_shape``."""
    shape = args["normalized_shape"]
    shape = tuple(shape) if isinstance(shape, (tuple, list)) else (shape,)
    return [Entry("weight", shape)] if args["elementwise_affine"] else []


def layer_norm_entries(args: Args) -> list[Entry]:
    """The elementwise weight, then a bias of its shape unless ``bias`` is off."""
    found = _rms_norm_entries(args)
    return found + [Entry("bias", found[0].shape)] if found and args["bias"] else found


def _layer_norm(name: str, params: tuple[Param, ...], entries: EntriesRule, function: Functional) -> LayerKind:
    return LayerKind(
        name,
        (Param("normalized_shape", type=ArgType.SIZE),) + params + FACTORY,
        to_float,
        input_arg="normalized_shape",
        expected_input=_trailing,
        validate=_validate_normalized,
        family=Family.NORM,
        entries=entries,
        functionals=(function,),
    )


def _norm_function(name: str, *params: Param) -> Functional:
    """``F.layer_norm``/``F.rms_norm``: the affine tensors are no hyperparameters, so they go to no parameter of
    the kind (whose ``bias`` is a flag); torch's check of their shapes is not modelled."""
    tensors = (Param("weight", None),) + ((Param("bias", None),) if name == "layer_norm" else ())
    return Functional(
        name,
        (Param("normalized_shape"), *tensors, *params),
        renamed=tuple((tensor.name, f"{tensor.name}_tensor") for tensor in tensors),
        output=_function_output,
    )


def _function_output(args: Args, shape: Shape) -> Shape:
    """The functions take a sequence of sizes; only the modules' constructors turn an int into one."""
    if not isinstance(args["normalized_shape"], (tuple, list)) and args["normalized_shape"] is not UNKNOWN:
        raise ShapeError(
            f"normalized_shape must be a sequence of ints, not {args['normalized_shape']!r}", Problem.HYPERPARAMETER
        )
    return to_float(args, shape)


def _group_channels(args: Args, shape: Shape) -> object:
    return front_dim(shape, 1) if truthy(args["affine"]) else UNKNOWN


def _group_output(args: Args, shape: Shape) -> Shape:
    channels, groups = front_dim(shape, 1), args["num_groups"]
    require(
        arith(lambda c, g: c % g == 0, channels, groups),
        f"GroupNorm: {channels} input channels are not divisible by num_groups={groups}",
        Problem.OTHER,
    )
    if not shape.open:
        rest = product(shape.dims[2:])
        per_group = arith(lambda n, c, g, r: n * c // g * r, shape.dims[0], channels, groups, rest)
        require(
            arith(lambda v: v != 1, per_group),
            f"GroupNorm needs more than 1 value per group, got input of shape {shape}",
            Problem.COLLAPSE,
        )
    return to_float(args, shape)


def _validate_groups(args: Args) -> None:
    groups, channels = args["num_groups"], args["num_channels"]
    require(arith(lambda g: g > 0, groups), f"num_groups must be positive, got {groups}")
    require(
        arith(lambda c, g: c % g == 0, channels, groups),
        f"num_channels ({channels}) must be divisible by num_groups ({groups})",
    )
    _non_negative_when_sized(args, "num_channels", "affine")


def _lrn_output(args: Args, shape: Shape) -> Shape:
    require(arith(lambda s: s > 0, args["size"]), f"LocalResponseNorm size must be positive, got {args['size']}")
    return keep(args, shape)


BATCH_NORMS = {
    1: _batch_norm("BatchNorm1d", (2, 3)),
    2: _batch_norm("BatchNorm2d", (4,)),
    3: _batch_norm("BatchNorm3d", (5,)),
}
INSTANCE_NORMS = {count: _instance_norm(count) for count in (1, 2, 3)}

KINDS = (
    tuple(BATCH_NORMS.values())
    + tuple(INSTANCE_NORMS.values())
    + (
        _layer_norm(
            "LayerNorm",
            (_EPS, _ELEMENTWISE_AFFINE, Param("bias", True, type=ArgType.BOOL)),
            layer_norm_entries,
            _norm_function("layer_norm", _EPS),
        ),
        _layer_norm(
            "RMSNorm",
            (Param("eps", None, type=ArgType.REAL), _ELEMENTWISE_AFFINE),
            _rms_norm_entries,
            _norm_function("rms_norm", Param("eps", None)),
        ),
        LayerKind(
            "GroupNorm",
            tuple(Param(name, type=ArgType.INT, attribute=Attribute.SIZE) for name in ("num_groups", "num_channels"))
            + (_EPS,)
            + (Param("affine", True, type=ArgType.BOOL),)
            + FACTORY
            + _BIAS,
            _group_output,
            input_arg="num_channels",
            expected_input=_group_channels,
            min_rank=2,
            validate=_validate_groups,
            family=Family.NORM,
            entries=lambda args: _affine(args["num_channels"], args["affine"]),
        ),
        LayerKind(
            "LocalResponseNorm",
            (Param("size", type=ArgType.INT), Param("alpha", 0.0001, type=ArgType.REAL))
            + (Param("beta", 0.75, type=ArgType.REAL), Param("k", 1.0, type=ArgType.REAL)),
            _lrn_output,
            min_rank=3,
        ),
    )
)
