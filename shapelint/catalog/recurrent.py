"""RNN, LSTM and GRU: a sequence in, ``(output, state)`` out.

The signatures are torch's documented overloads (the classes themselves take
``*args, **kwargs``).  Shapes follow ``eval()`` mode on a plain tensor: a
``PackedSequence`` is no tensor to the evaluator, so it never reaches here.
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
    StateRule,
    front_dim,
    require,
    truthy,
)
from shapelint.catalog.entries import known_flag
from shapelint.catalog.entry import EntriesRule, Entry
from shapelint.catalog.signature import Args, ArgType, Attribute, Param
from shapelint.dims import UNKNOWN, Dim, Shape, arith, equal_shapes, is_int

RANKS = (2, 3)
NONLINEARITIES = ("tanh", "relu")
_PLAIN = (int, float, *NOT_NUMBERS)
"""Types of the values the evaluator knows; its unknowns and symbols are none of these."""


def _may_be_bool(value: object) -> bool:
    """False only for a known value that is no bool: torch checks these flags' type."""
    return isinstance(value, bool) or not isinstance(value, _PLAIN)


def _validate_size(args: Args, name: str) -> None:
    """torch's ``isinstance(value, int)``, which lets ``True`` through, then a positive value."""
    value = args[name]
    require(not isinstance(value, (float, *NOT_NUMBERS)), f"{name} should be of type int, got {value!r}")
    require(not (isinstance(value, int) and value <= 0), f"{name} must be greater than zero, got {value}")


def _validate_dropout(dropout: object) -> None:
    """A number in [0, 1]; NaN and bools are refused."""
    wrong_type = isinstance(dropout, (bool, *NOT_NUMBERS))
    out_of_range = isinstance(dropout, (int, float)) and not 0 <= dropout <= 1
    require(not (wrong_type or out_of_range), f"dropout should be a number in range [0, 1], got {dropout!r}")


def _validate_projection(args: Args) -> None:
    """``proj_size`` must be 0 (a float 0.0 passes) or an int in [1, hidden_size)."""
    proj, hidden = args["proj_size"], args["hidden_size"]
    require(not isinstance(proj, NOT_NUMBERS), f"proj_size should be an int, got {proj!r}")
    if not isinstance(proj, (int, float)) or proj == 0:
        return
    require(proj > 0, f"proj_size should be a positive integer or zero, got {proj}")
    require(not (isinstance(hidden, (int, float)) and proj >= hidden), "proj_size has to be smaller than hidden_size")
    require(is_int(proj), f"proj_size should be an int, got {proj!r}")


def _validate(args: Args) -> None:
    """What ``RNNBase.__init__`` (and RNN's nonlinearity) rejects."""
    nonlinearity = args.get("nonlinearity", "tanh")
    require(
        nonlinearity in NONLINEARITIES or not isinstance(nonlinearity, _PLAIN),
        f"Unknown nonlinearity {nonlinearity!r}. Select from 'tanh' or 'relu'.",
    )
    _validate_dropout(args["dropout"])
    for flag in ("bias", "batch_first"):
        require(_may_be_bool(args[flag]), f"{flag} should be of type bool, got {args[flag]!r}")
    _validate_size(args, "input_size")
    _validate_size(args, "hidden_size")
    _validate_size(args, "num_layers")
    if "proj_size" in args:
        _validate_projection(args)


def _rank(shape: Shape) -> int | None:
    """2 (unbatched) or 3 (batched), when the shape tells."""
    if not shape.open:
        return shape.rank
    return 3 if shape.min_rank == 3 else None


def _directions(args: Args) -> object:
    flag = truthy(args["bidirectional"])
    return UNKNOWN if flag is None else 2 if flag else 1


def _scaled(directions: object, size: Dim) -> Dim:
    return size if directions == 1 else arith(lambda d, s: d * s, directions, size)


def _output_size(args: Args) -> Dim:
    """H_out: ``proj_size`` when the LSTM projects, else ``hidden_size``."""
    proj = args.get("proj_size", 0)
    if proj == 0:
        return args["hidden_size"]
    return proj if is_int(proj) else UNKNOWN


def _features(args: Args, shape: Shape) -> object:
    """The input's last dimension; torch checks the dtype against the weights before the size."""
    if shape.dtype == "int":
        raise ShapeError(f"recurrent layers expect a float input, got integers of shape {shape}", Problem.DTYPE)
    return shape.dim(-1)


def _sequence_length(args: Args, shape: Shape) -> Dim:
    rank = _rank(shape)
    if rank == 2:
        return front_dim(shape, 0, RANKS)
    first = truthy(args["batch_first"])
    return UNKNOWN if rank is None or first is None else front_dim(shape, 1 if first else 0, RANKS)


def _check_kernel_types(args: Args) -> None:
    """The kernel call wants a bool ``bidirectional`` and an int ``num_layers``; the constructor never checks."""
    flag, layers = args["bidirectional"], args["num_layers"]
    require(_may_be_bool(flag), f"bidirectional must be a bool when the layer is called, got {flag!r}")
    require(not isinstance(layers, bool), f"num_layers must be an int when the layer is called, got {layers!r}")


def _output(args: Args, shape: Shape) -> Shape:
    _check_kernel_types(args)
    length = _sequence_length(args, shape)
    require(
        arith(lambda n: n > 0, length),
        f"Expected sequence length to be larger than 0, got input of shape {shape}",
        Problem.COLLAPSE,
    )
    return shape.with_tail(1, (_scaled(_directions(args), _output_size(args)),), "float")


def _hidden(args: Args, shape: Shape, size: Dim) -> object:
    """``(D * num_layers, N, size)``, or ``(D * num_layers, size)`` for an unbatched input."""
    rank = _rank(shape)
    stacked = _scaled(_directions(args), args["num_layers"])
    if rank == 2:
        return Shape((stacked, size), dtype="float")
    first = truthy(args["batch_first"])
    if rank is None:
        return UNKNOWN
    batch = UNKNOWN if first is None else front_dim(shape, 0 if first else 1, RANKS)
    return Shape((stacked, batch, size), dtype="float")


def _h_n(args: Args, shape: Shape) -> object:
    return _hidden(args, shape, _output_size(args))


def _h_n_c_n(args: Args, shape: Shape) -> object:
    return (_h_n(args, shape), _hidden(args, shape, args["hidden_size"]))


def _entries(gates: int) -> EntriesRule:
    """Per layer and direction: input and hidden weights, two biases, and LSTM's projection."""

    def entries(args: Args) -> list[Entry]:
        hidden, proj, bias = args["hidden_size"], args.get("proj_size", 0), known_flag(args["bias"])
        real = proj if proj else hidden
        suffixes = ("", "_reverse") if known_flag(args["bidirectional"]) else ("",)
        rows = (gates * hidden,)
        found: list[Entry] = []
        for layer in range(args["num_layers"]):
            width = args["input_size"] if layer == 0 else real * len(suffixes)
            for suffix in suffixes:
                names = [f"{kind}_l{layer}{suffix}" for kind in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")]
                found += [Entry(names[0], (*rows, width)), Entry(names[1], (*rows, real))]
                found += [Entry(names[2], rows), Entry(names[3], rows)] if bias else []
                projection = Entry(f"weight_hr_l{layer}{suffix}", (proj, hidden))
                found += [projection] if proj else []
        return found

    return entries


_HEAD = (
    Param("input_size", attribute=Attribute.KEPT),
    Param("hidden_size", attribute=Attribute.KEPT),
    Param("num_layers", 1, attribute=Attribute.KEPT),
)
_TAIL = (
    Param("bias", True, type=ArgType.BOOL),
    Param("batch_first", False, attribute=Attribute.KEPT),
    Param("dropout", 0.0),
    Param("bidirectional", False, attribute=Attribute.KEPT),
)


def _initial_state(state: StateRule) -> ExtraRule:
    """``hx``, when given, must have the shapes of the state the layer returns: ``h_0``, or ``(h_0, c_0)``; only
    sizes known to differ are refused (a batch ``B`` against a batch ``N`` may be one size)."""

    def check(args: Args, shape: Shape, given: tuple[Shape, ...]) -> None:
        returned = state(args, shape)
        expected = returned if isinstance(returned, tuple) else (returned,)
        if not given or not all(isinstance(part, Shape) for part in expected):
            return
        if len(given) != len(expected) or any(equal_shapes(*pair) is False for pair in zip(given, expected)):
            shown = ", ".join(map(str, expected))
            raise ShapeError(f"expected an initial state of shape {shown}, got {', '.join(map(str, given))}")

    return check


def _recurrent(name: str, params: tuple[Param, ...], state: StateRule, gates: int) -> LayerKind:
    return LayerKind(
        name,
        params + FACTORY,
        _output,
        input_arg="input_size",
        expected_input=_features,
        ranks=RANKS,
        validate=_validate,
        family=Family.LINEAR,
        state=state,
        takes_state=True,
        extra_rule=_initial_state(state),
        entries=_entries(gates),
    )


KINDS = (
    _recurrent("RNN", _HEAD + (Param("nonlinearity", "tanh", attribute=Attribute.KEPT),) + _TAIL, _h_n, gates=1),
    _recurrent("LSTM", _HEAD + _TAIL + (Param("proj_size", 0, attribute=Attribute.KEPT),), _h_n_c_n, gates=4),
    _recurrent("GRU", _HEAD + _TAIL, _h_n, gates=3),
)
