"""Packed sequences: ``pack_padded_sequence``, a recurrent layer run on one, and ``pad_packed_sequence``.

A bidirectional LSTM over packed sentences, then a ``Linear(hidden)`` that needed ``2 * hidden``, is among the
most asked recurrent bugs.  A packed batch keeps its batch and feature sizes; its time length becomes unknown,
since padding it again stops at the longest of the lengths (unless ``total_length`` is given).
"""

from __future__ import annotations

import libcst as cst

from shapelint.dims import UNKNOWN, Shape, is_int
from shapelint.evaluator.flow import Propagator
from shapelint.evaluator.values import Layer, Origin, Packed, Tensor

_RNN = "torch.nn.utils.rnn."
PACK, PAD = _RNN + "pack_padded_sequence", _RNN + "pad_packed_sequence"
CALLS = frozenset({PACK, PAD})


def call(qualname: str, args: list[object], kwargs: dict[str, object], node: cst.Call) -> object:
    """``pack_padded_sequence(input, lengths, batch_first=False, ...)`` or ``pad_packed_sequence(sequence,
    batch_first=False, padding_value=0.0, total_length=None)``."""
    if qualname == PACK:
        return _packed(args, kwargs)
    return _padded(args, kwargs, node)


def _packed(args: list[object], kwargs: dict[str, object]) -> object:
    data = args[0] if args else kwargs.get("input")
    batch_first = args[2] if len(args) > 2 else kwargs.get("batch_first", False)
    if not isinstance(data, Tensor) or data.shape.open or len(data.shape.dims) < 2:
        return UNKNOWN
    steps = _time_first(data.shape, batch_first)
    if steps is None:
        return UNKNOWN
    return Packed(Tensor(Shape((UNKNOWN, *steps.dims[1:]), dtype=steps.dtype), data.origin))


def _padded(args: list[object], kwargs: dict[str, object], node: cst.Call) -> object:
    packed = args[0] if args else kwargs.get("sequence")
    batch_first = args[1] if len(args) > 1 else kwargs.get("batch_first", False)
    total = args[3] if len(args) > 3 else kwargs.get("total_length")
    if not isinstance(packed, Packed) or packed.steps.shape.open or batch_first not in (True, False):
        return UNKNOWN
    dims = packed.steps.shape.dims
    length = total if is_int(total) else UNKNOWN
    time_first = Shape((length, *dims[1:]), dtype=packed.steps.shape.dtype)
    shape = _time_first(time_first, batch_first)
    assert shape is not None  # swapping the first two dimensions back
    lengths = Tensor(Shape((dims[1],), dtype="int"), Origin("pad_packed_sequence", node))
    return (Tensor(shape, Origin("pad_packed_sequence", node, before=time_first)), lengths)


def _time_first(shape: Shape, batch_first: object) -> Shape | None:
    """``shape`` with time first, from a layout that has the batch first (or back): the first two swap."""
    if batch_first is False:
        return shape
    if batch_first is not True:
        return None
    return Shape((shape.dims[1], shape.dims[0], *shape.dims[2:]), dtype=shape.dtype)


def run_recurrent(propagator: Propagator, layer: Layer, packed: Packed) -> object:
    """A recurrent layer on a packed batch: what it gives the same batch padded in its own layout, packed again,
    with its state.  Its ``batch_first`` only tells how it reads the batch, which packing leaves alone."""
    batch_first = layer.args.get("batch_first", False)
    laid_out = _time_first(packed.steps.shape, batch_first)
    if laid_out is None:
        return UNKNOWN
    result = propagator.run(layer, Tensor(laid_out, packed.steps.origin))
    if not isinstance(result, tuple) or len(result) != 2 or not isinstance(result[0], Tensor):
        return UNKNOWN
    output = result[0].shape
    steps = _time_first(output, batch_first) if not output.open and len(output.dims) >= 2 else None
    return (UNKNOWN if steps is None else Packed(Tensor(steps, result[0].origin)), result[1])
