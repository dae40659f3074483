"""Lazy* layers: their twin's rule, with the input size taken from the first input.

torch builds a lazy layer as its twin with zero sizes and fills the input
size in on the first forward call, so a lazy layer is always consistent: its
construction checks run with zeros and the twin's full checks run at forward.
Lazy norms take ``num_features`` from dimension 1 even for an unbatched
InstanceNorm input, where that is not the channel; torch then rejects the
input when the layer is affine or tracks statistics, and so does the rule.
"""

from __future__ import annotations

from dataclasses import replace

from shapelint.catalog.base import LayerKind, SizeRule
from shapelint.catalog.conv import CONV_TRANSPOSES, CONVS
from shapelint.catalog.entry import Entry
from shapelint.catalog.linear import LINEAR
from shapelint.catalog.norm import BATCH_NORMS, INSTANCE_NORMS, batch_channels
from shapelint.catalog.signature import Args
from shapelint.dims import Dim, Shape


def _sized_on_first_call(args: Args) -> list[Entry] | None:
    """A lazy layer's tensors have no size until its first input arrives."""
    return None


def lazy(
    twin: LayerKind,
    size: SizeRule,
    zeroed: tuple[str, ...] = (),
    defaults: dict[str, object] | None = None,
) -> LayerKind:
    """The ``Lazy`` variant of ``twin``; ``zeroed`` parameters are constructed as 0 by torch."""
    assert twin.input_arg is not None
    input_arg = twin.input_arg
    defaults = defaults or {}
    params = tuple(
        replace(param, default=defaults.get(param.name, param.default))
        for param in twin.params
        if param.name != input_arg
    )

    def validate(args: Args) -> None:
        twin.check_hyperparameters({**args, input_arg: 0, **dict.fromkeys(zeroed, 0)})

    def output(args: Args, shape: Shape) -> Shape:
        return twin.infer({**args, input_arg: size(args, shape)}, shape)

    return LayerKind(
        f"Lazy{twin.name}",
        params,
        output,
        ranks=twin.ranks,
        min_rank=twin.min_rank,
        validate=validate,
        family=twin.family,
        entries=_sized_on_first_call,
        training_rule=twin.training_rule,
    )


def _last(args: Args, shape: Shape) -> Dim:
    return shape.dim(-1)


def _conv_channels(count: int) -> SizeRule:
    return lambda args, shape: shape.dim(-(count + 1))


_INSTANCE_DEFAULTS: dict[str, object] = {"affine": True, "track_running_stats": True}

KINDS = (
    (lazy(LINEAR, _last, zeroed=("out_features",)),)
    + tuple(lazy(kind, _conv_channels(count), zeroed=("out_channels",)) for count, kind in CONVS.items())
    + tuple(lazy(kind, _conv_channels(count), zeroed=("out_channels",)) for count, kind in CONV_TRANSPOSES.items())
    + tuple(lazy(kind, batch_channels(kind)) for kind in BATCH_NORMS.values())
    + tuple(lazy(kind, batch_channels(kind), defaults=_INSTANCE_DEFAULTS) for kind in INSTANCE_NORMS.values())
)
