"""einops' ``rearrange``, ``reduce`` and ``repeat``, as functions and as the ``Rearrange``/``Reduce`` layers.

A literal pattern is read as einops reads it: each input dimension binds the
axes written for it (a group's one unknown axis is solved from the lengths
given by keyword), and the output is built from the axes.  A pattern read with
any doubt (an axis twice, a size that does not divide, an axis einops would
refuse) gives an unknown shape: einops' own errors are left to einops.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

import libcst as cst

from shapelint.catalog import Args, LayerKind, Param
from shapelint.dims import UNKNOWN, Dim, Shape, is_int, product
from shapelint.evaluator.values import Layer, Origin, Tensor

_FUNCTIONS = {"einops.rearrange": "rearrange", "einops.reduce": "reduce", "einops.repeat": "repeat"}
_LAYERS = {"einops.layers.torch.Rearrange": "rearrange", "einops.layers.torch.Reduce": "reduce"}
_TOKEN = re.compile(r"\s*(\.\.\.|…|\(|\)|[A-Za-z_]\w*|\d+)")

Element = str | int | tuple[str | int, ...]
"""An axis name, an anonymous size (``1``), ``"..."``, or a parenthesised group of names and sizes."""


class _Doubt(Exception):
    """The pattern, or its meeting with this shape, is not read with certainty."""


def call(qualname: str, args: list[object], kwargs: dict[str, object], node: cst.Call) -> object:
    """The result of an einops function or layer constructor; ``None`` when ``qualname`` is neither."""
    if qualname in _LAYERS:
        operation = _LAYERS[qualname]
        if not args or not isinstance(args[0], str):
            return UNKNOWN
        lengths = dict(kwargs)
        lengths.pop("reduction", None)
        return Layer(_KINDS[operation], {"pattern": args[0], "axes_lengths": lengths}, {}, node)
    if qualname not in _FUNCTIONS:
        return None
    operation = _FUNCTIONS[qualname]
    if len(args) < 2 or not isinstance(args[0], Tensor) or not isinstance(args[1], str):
        return UNKNOWN
    tensor = args[0]
    lengths = {key: value for key, value in kwargs.items() if key != "reduction"}
    shape = output_shape(operation, args[1], tensor.shape, lengths)
    return Tensor(shape, Origin(operation, node, before=tensor.shape))


def output_shape(operation: str, pattern: str, shape: Shape, lengths: Mapping[str, object]) -> Shape:
    """What ``operation`` (``rearrange``, ``reduce`` or ``repeat``) gives for ``pattern`` on ``shape``."""
    try:
        left, right = (_side(part) for part in _halves(pattern))
        _check_axes(operation, left, right, lengths)
        sizes, ellipsis = _bind(left, shape, lengths)
        return _build(right, sizes, ellipsis, lengths, shape)
    except _Doubt:
        return Shape.anything().with_dtype(shape.dtype)


def _halves(pattern: str) -> tuple[str, str]:
    if pattern.count("->") != 1:
        raise _Doubt
    left, right = pattern.split("->")
    return left, right


def _side(text: str) -> list[Element]:
    """The elements of one side of a pattern."""
    elements: list[Element] = []
    group: list[str | int] | None = None
    position = 0
    text = text.strip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            raise _Doubt
        token, position = match.group(1), match.end()
        if token == "(":
            if group is not None:
                raise _Doubt
            group = []
        elif token == ")":
            if group is None:
                raise _Doubt
            elements.append(tuple(group))
            group = None
        elif token in ("...", "…"):
            if group is not None:
                raise _Doubt
            elements.append("...")
        else:
            item: str | int = int(token) if token.isdigit() else token
            (group if group is not None else elements).append(item)
    if group is not None or elements.count("...") > 1:
        raise _Doubt
    return elements


def _names(side: list[Element]) -> list[str]:
    found: list[str] = []
    for element in side:
        items = element if isinstance(element, tuple) else (element,)
        found.extend(item for item in items if isinstance(item, str) and item != "...")
    return found


def _check_axes(operation: str, left: list[Element], right: list[Element], lengths: Mapping[str, object]) -> None:
    """Refuse (as doubt) what einops refuses: repeated axes, axes on one side only where the operation forbids it."""
    ins, outs = _names(left), _names(right)
    if len(set(ins)) != len(ins) or len(set(outs)) != len(outs) or ("..." in left) != ("..." in right):
        raise _Doubt
    if operation == "rearrange" and set(ins) != set(outs):
        raise _Doubt
    if operation == "reduce" and not set(outs) <= set(ins):
        raise _Doubt
    if operation == "repeat" and not (set(ins) <= set(outs) and set(outs) - set(ins) <= set(lengths)):
        raise _Doubt


def _bind(left: list[Element], shape: Shape, lengths: Mapping[str, object]) -> tuple[dict[str, Dim], Shape]:
    """Each left axis's size, and the dimensions ``...`` stands for."""
    fixed = [element for element in left if element != "..."]
    dims = shape.dims
    if "..." in left:
        at = left.index("...")
        if shape.open and at != 0:
            raise _Doubt
        if len(dims) < len(fixed):
            raise _Doubt
        covered = len(dims) - len(fixed)
        ellipsis = Shape(dims[at : at + covered], open=shape.open)
        dims = dims[:at] + dims[at + covered :]
    else:
        if shape.open or len(dims) != len(fixed):
            raise _Doubt
        ellipsis = Shape(())
    sizes: dict[str, Dim] = {}
    for element, dim in zip(fixed, dims):
        _bind_one(element, dim, sizes, lengths)
    return sizes, ellipsis


def _bind_one(element: Element, dim: Dim, sizes: dict[str, Dim], lengths: Mapping[str, object]) -> None:
    items = element if isinstance(element, tuple) else (element,)
    known: list[int] = []
    unknown: list[str] = []
    for item in items:
        if isinstance(item, int):
            known.append(item)
        elif item in lengths:
            length = lengths[item]
            if not is_int(length) or length < 0:
                raise _Doubt
            known.append(length)
            sizes[item] = length
        else:
            unknown.append(item)
    total = product(known)
    if not unknown:
        if is_int(dim) and total != dim:
            raise _Doubt
        return
    if len(unknown) > 1 or not is_int(total):
        raise _Doubt
    if total == 1:
        sizes[unknown[0]] = dim
    elif is_int(dim) and total and dim % total == 0:
        sizes[unknown[0]] = dim // total
    else:
        raise _Doubt


def _build(
    right: list[Element], sizes: dict[str, Dim], ellipsis: Shape, lengths: Mapping[str, object], shape: Shape
) -> Shape:
    dims: list[Dim] = []
    open_ = False
    for element in right:
        if element == "...":
            if ellipsis.open and dims:
                raise _Doubt
            open_ = ellipsis.open
            dims.extend(ellipsis.dims)
            continue
        items = element if isinstance(element, tuple) else (element,)
        parts = [_size(item, sizes, lengths) for item in items]
        dims.append(product(parts) if parts else 1)
    return Shape(tuple(dims), open=open_, dtype=shape.dtype)


def _size(item: str | int, sizes: dict[str, Dim], lengths: Mapping[str, object]) -> Dim:
    if isinstance(item, int):
        return item
    if item in sizes:
        return sizes[item]
    length = lengths.get(item)
    if not is_int(length):
        raise _Doubt
    return length


def _layer_output(operation: str) -> Callable[[Args, Shape], Shape]:
    def output(args: Args, shape: Shape) -> Shape:
        return output_shape(operation, str(args["pattern"]), shape, args["axes_lengths"])

    return output


_KINDS = {
    operation: LayerKind(name, (Param("pattern"), Param("axes_lengths")), _layer_output(operation))
    for operation, name in (("rearrange", "Rearrange"), ("reduce", "Reduce"))
}
"""einops' layers: not torch's, so not in the catalog, but applied as layers are."""
