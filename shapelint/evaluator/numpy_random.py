"""numpy's Generator API, ``rng = np.random.default_rng(seed)`` then ``rng.integers(0, 2, n)``,
``rng.normal(size=(n, d))``, ``rng.random((n, d))``; and ``choice`` and ``permutation``, legacy or not.

Current tutorials draw their data from a Generator rather than from the legacy ``np.random`` functions.  Each
of its draws named here is shaped as its legacy twin (``rng.integers`` as ``np.random.randint``, ``rng.random``
as ``np.random.random``), so it is evaluated as that twin; only what both sides take alike is followed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import libcst as cst

from shapelint.dims import UNKNOWN, Shape, is_int, product
from shapelint.evaluator import array_ops, arrays
from shapelint.evaluator.values import Array, Origin


@dataclass(frozen=True, slots=True)
class Generator:
    """What ``np.random.default_rng(...)`` makes: its seed and state do not bear on any shape.  ``legacy``: a
    ``np.random.RandomState(seed)``, whose methods are the legacy functions of the same names (``rng.rand(n, d)``)."""

    legacy: bool = False


_MAKERS = frozenset({"numpy.random.default_rng"})
_TWINS = {
    "integers": "numpy.random.randint",
    "normal": "numpy.random.normal",
    "uniform": "numpy.random.uniform",
    "random": "numpy.random.random",
    "standard_normal": "numpy.random.standard_normal",
}
_FLOATS = frozenset({"float32", "float64", "single", "double"})
_INTEGERS = frozenset(
    {"bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "intp", "int_", "longlong"}
)
_DTYPES = {"integers": (3, _INTEGERS), "random": (1, _FLOATS), "standard_normal": (1, _FLOATS)}
"""Where a draw takes its ``dtype`` and the types it accepts; the others take none."""
_CHOICE = ("a", "size", "replace")


def call(qualname: str, args: list[object], kwargs: dict[str, object], node: cst.CSTNode) -> object | None:
    """``np.random.default_rng(seed)``, ``np.random.choice(a, size)``, ``np.random.permutation(x)``; ``None``
    for any other function."""
    if qualname in _MAKERS:
        return Generator()
    if qualname == "numpy.random.RandomState":
        return Generator(legacy=True)
    name = qualname.removeprefix("numpy.random.")
    if name == qualname or name not in _SHARED:
        return None
    return _labelled(_SHARED[name](args, kwargs), f"np.random.{name}", node)


def method(rng: Generator, name: str, args: list[object], kwargs: dict[str, object], node: cst.CSTNode) -> object:
    """``rng.name(*args, **kwargs)``."""
    if rng.legacy:
        legacy = f"numpy.random.{name}"
        drawn = call(legacy, args, kwargs, node) if name in _SHARED else arrays.call(legacy, args, kwargs, node)
        return UNKNOWN if drawn is None else _labelled(drawn, f"rng.{name}", node)
    if name in _SHARED:
        return _labelled(_SHARED[name](args, kwargs), f"rng.{name}", node)
    twin = _TWINS.get(name)
    at, accepted = _DTYPES.get(name, (len(args), frozenset()))
    if twin is None or len(args) > at + 1:
        return UNKNOWN
    if len(args) > at:  # the twin reads a ``dtype`` given by name only
        args, kwargs = args[:at], {**kwargs, "dtype": args[at]}
    if "dtype" in kwargs and array_ops.type_name(kwargs["dtype"]) not in accepted:
        return UNKNOWN
    return _labelled(arrays.call(twin, args, kwargs, node), f"rng.{name}", node)


def _labelled(drawn: object, label: str, node: cst.CSTNode) -> object:
    return replace(drawn, origin=Origin(label, node)) if isinstance(drawn, Array) else UNKNOWN


def _choice(args: list[object], kwargs: dict[str, object]) -> object:
    """``choice(n, size)`` draws ints below ``n``, ``choice(values, size)`` items of a one-dimensional array; a
    probability vector ``p`` or a single draw (no ``size``) is not followed, nor a larger draw than the population
    without replacement, which numpy refuses."""
    if len(args) > len(_CHOICE) or not kwargs.keys() <= set(_CHOICE[len(args) :]):
        return UNKNOWN
    given = {**dict(zip(_CHOICE, args)), **kwargs}
    population, replacing = given.get("a"), given.get("replace", True)
    if isinstance(population, Array):
        one_dimensional = len(population.shape.dims) == 1 and not population.shape.open
        count: object = population.shape.dims[0] if one_dimensional else None
        kind = population.shape.dtype
    else:
        count, kind = population, "int"
    shape = arrays.sized(given.get("size"), "int")
    if shape is None or not is_int(count) or count <= 0 or not isinstance(replacing, bool):
        return UNKNOWN
    drawn = product(shape.dims)
    if not replacing and not (is_int(drawn) and drawn <= count):
        return UNKNOWN
    return Array(shape.with_dtype(kind), None, not isinstance(population, Array) or population.real)


def _permutation(args: list[object], kwargs: dict[str, object]) -> object:
    """``permutation(n)``: the ints below ``n`` in some order; ``permutation(X)``: ``X``'s rows shuffled."""
    if len(args) != 1 or kwargs:
        return UNKNOWN
    given = args[0]
    if isinstance(given, Array):
        return given if given.shape.dims and not given.shape.open else UNKNOWN
    return Array(Shape((given,), dtype="int"), None, real=True) if is_int(given) and given >= 0 else UNKNOWN


_SHARED = {"choice": _choice, "permutation": _permutation}
"""What the legacy functions and a Generator's methods of the same name do alike."""
