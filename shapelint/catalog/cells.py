"""RNNCell, LSTMCell and GRUCell: one time step of RNN, LSTM and GRU.

``cell(x, hx=None)`` takes ``x`` of shape ``(N, input_size)`` or ``(input_size,)``
and gives ``h'`` of shape ``(N, hidden_size)`` or ``(hidden_size,)``; LSTMCell gives
``(h', c')``, modelled as the output ``h'`` and the state ``c'``.  ``hx`` must have
the shapes of what the cell returns: one tensor, or LSTMCell's tuple ``(h, c)``.

Unlike the sequence layers, the cells check the input size before its dtype
(``_VF.*_cell`` compares sizes, then multiplies), accept zero sizes, and refuse
an unknown ``nonlinearity`` only when called.
"""

from __future__ import annotations

from shapelint.catalog.base import (
    FACTORY,
    NOT_NUMBERS,
    ExtraRule,
    Family,
    LayerKind,
    Problem,
    ShapeError,
    require,
)
from shapelint.catalog.entries import known_flag
from shapelint.catalog.entry import EntriesRule, Entry
from shapelint.catalog.recurrent import NONLINEARITIES
from shapelint.catalog.signature import Args, ArgType, Attribute, Param
from shapelint.dims import Shape, equal_shapes

RANKS = (1, 2)
_PLAIN = (int, float, *NOT_NUMBERS)
"""Types of the values the evaluator knows; its unknowns and symbols are none of these."""


def _validate(args: Args) -> None:
    """What ``torch.empty((gates * hidden_size, input_size))`` refuses: sizes that are no int, or negative ones."""
    for name in ("input_size", "hidden_size"):
        value = args[name]
        require(not isinstance(value, (float, *NOT_NUMBERS)), f"{name} should be of type int, got {value!r}")
        require(not (isinstance(value, int) and value < 0), f"{name} must not be negative, got {value}")


def _features(args: Args, shape: Shape) -> object:
    """The input's last dimension; RNNCell refuses an unknown nonlinearity before it compares sizes."""
    nonlinearity = args.get("nonlinearity", "tanh")
    require(
        nonlinearity in NONLINEARITIES or not isinstance(nonlinearity, _PLAIN),
        f"Unknown nonlinearity: {nonlinearity!r}",
        Problem.OTHER,
    )
    return shape.dim(-1)


def _hidden(args: Args, shape: Shape) -> Shape:
    """The shape of ``h'`` (and of LSTMCell's ``c'``): the input's with ``hidden_size`` for its last dimension."""
    return shape.with_tail(1, (args["hidden_size"],), "float")


def _output(args: Args, shape: Shape) -> Shape:
    """``h'``; integers fail the cell's matmul."""
    if shape.dtype == "int":
        raise ShapeError(f"recurrent cells expect a float input, got integers of shape {shape}", Problem.DTYPE)
    return _hidden(args, shape)


def _initial_state(name: str, parts: int) -> ExtraRule:
    """``hx`` must be ``parts`` tensors (one, or LSTMCell's ``(h, c)``), each of the shape of the output: a single
    tensor for LSTMCell, or a pair for the others, is refused as torch refuses it; only sizes known to differ are."""

    def check(args: Args, shape: Shape, given: tuple[Shape, ...]) -> None:
        if not given:
            return
        expected = _hidden(args, shape)
        shown = ", ".join(map(str, given))
        if len(given) != parts:
            wanted = f"a tuple (h_0, c_0) of two tensors of shape {expected}" if parts > 1 else f"one tensor {expected}"
            found = f"{len(given)} tensors {shown}" if len(given) > 1 else f"one tensor {shown}"
            raise ShapeError(f"{name} takes hx as {wanted}, got {found}")
        if any(equal_shapes(part, expected) is False for part in given):
            raise ShapeError(f"expected an initial state of shape {', '.join([str(expected)] * parts)}, got {shown}")

    return check


def _entries(gates: int) -> EntriesRule:
    """``weight_ih`` (gates * hidden, input), ``weight_hh`` (gates * hidden, hidden), and two biases."""

    def entries(args: Args) -> list[Entry]:
        rows = (gates * args["hidden_size"],)
        found = [Entry("weight_ih", (*rows, args["input_size"])), Entry("weight_hh", (*rows, args["hidden_size"]))]
        return found + ([Entry("bias_ih", rows), Entry("bias_hh", rows)] if known_flag(args["bias"]) else [])

    return entries


_HEAD = (
    Param("input_size", attribute=Attribute.KEPT),
    Param("hidden_size", attribute=Attribute.KEPT),
    Param("bias", True, type=ArgType.BOOL),
)


def _cell(name: str, params: tuple[Param, ...], gates: int) -> LayerKind:
    parts = 2 if gates == 4 else 1
    return LayerKind(
        name,
        params + FACTORY,
        _output,
        input_arg="input_size",
        expected_input=_features,
        ranks=RANKS,
        validate=_validate,
        family=Family.LINEAR,
        state=_hidden if parts > 1 else None,
        takes_state=True,
        extra_rule=_initial_state(name, parts),
        entries=_entries(gates),
    )


KINDS = (
    _cell("RNNCell", _HEAD + (Param("nonlinearity", "tanh", attribute=Attribute.KEPT),), gates=1),
    _cell("LSTMCell", _HEAD, gates=4),
    _cell("GRUCell", _HEAD, gates=3),
)
