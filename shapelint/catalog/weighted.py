"""``F.linear``, ``F.embedding`` and ``F.conv1d/2d/3d`` called with a weight tensor, as custom layers do (an
equalized-learning-rate convolution, a weight-standardized one, attention written with ``F.linear``, tied
embeddings): the layer kind's rule, with its sizes read off the weight's shape.  A weight that does not fit the
input is refused in the words of the call, since no ``in_features`` or ``in_channels`` was written.
"""

from __future__ import annotations

from shapelint.catalog.base import Problem, ShapeError
from shapelint.catalog.families import CATALOG
from shapelint.dims import Shape, is_int, same

CONVOLUTIONS = {"conv1d": ("Conv1d", 1), "conv2d": ("Conv2d", 2), "conv3d": ("Conv3d", 3)}
"""Each function's layer kind and its number of spatial dimensions."""
_OPTIONS = ("bias", "stride", "padding", "dilation", "groups")
"""``F.conv2d(input, weight, bias, stride, padding, dilation, groups)``'s arguments after the weight."""


def linear(shape: Shape, args: list[object], kwargs: dict[str, object], *, weight: Shape) -> Shape:
    """``F.linear(x, w, b)`` with ``w`` of shape ``(out, in)``: ``x``'s last size must be ``in``."""
    if weight.open or len(weight.dims) != 2 or not shape.dims:
        return Shape.anything()
    out_features, in_features = weight.dims
    if same(shape.dims[-1], in_features) is False:
        raise ShapeError(
            f"F.linear's weight {weight} takes {in_features} features, and the input {shape} has {shape.dims[-1]}",
            Problem.OTHER,
        )
    return Shape((*shape.dims[:-1], out_features), shape.open, shape.dtype)


def embedding(shape: Shape, args: list[object], kwargs: dict[str, object], *, weight: Shape) -> Shape:
    """``F.embedding(indices, w)`` with ``w`` of shape ``(num_embeddings, dim)``: each index becomes a row of
    ``dim`` values (indices that are not integers are refused by torch, and left unknown here)."""
    if weight.open or len(weight.dims) != 2 or shape.dtype != "int":
        return Shape.anything()
    return Shape((*shape.dims, weight.dims[1]), shape.open, weight.dtype or "float")


def convolution(
    name: str, shape: Shape, args: list[object], kwargs: dict[str, object], *, weight: Shape
) -> Shape:
    """``F.conv2d(x, w, b, stride, padding, dilation, groups)``: ``Conv2d``'s rule, with ``w`` of shape
    ``(out_channels, in_channels / groups, *kernel_size)``; ``args`` and ``kwargs`` are those after the weight."""
    kind_name, spatial = CONVOLUTIONS[name]
    kind = CATALOG[kind_name]
    options = {**dict(zip(_OPTIONS, args)), **kwargs}
    groups = options.get("groups", 1)
    if weight.open or len(weight.dims) != spatial + 2 or not is_int(groups) or set(options) - set(_OPTIONS):
        return Shape.anything()
    out_channels, per_group, *kernel = weight.dims
    if not (is_int(out_channels) and is_int(per_group) and all(is_int(size) for size in kernel)):
        return Shape.anything()
    arguments: dict[str, object] = {key: options[key] for key in ("stride", "padding", "dilation") if key in options}
    sizes = {"in_channels": per_group * groups, "out_channels": out_channels, "kernel_size": tuple(kernel)}
    try:
        return kind.infer(kind.bind((), {**sizes, "groups": groups, **arguments}), shape)
    except TypeError:
        return Shape.anything()
    except ShapeError as error:
        if error.problem is not Problem.SIZE:
            raise
        channels = error.expected
        raise ShapeError(
            f"F.{name}'s weight {weight} takes {per_group * groups} input channels"
            f"{f' ({groups} groups of {per_group})' if groups != 1 else ''}, and the input {shape} has {channels}",
            Problem.OTHER,
        ) from None
