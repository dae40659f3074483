"""``torch.distributions``: a distribution built from tensors draws samples of their broadcast shape.

A VAE's ``Normal(mu, std).rsample()`` is its decoder's whole input, and a policy's ``Categorical(logits=...)``
gives the actions it is scored on.  Followed: the distributions whose parameters broadcast to one batch of scalar
draws (Normal and its kin, Bernoulli, Categorical's last dimension of classes), ``Independent``, and their
``sample``/``rsample``/``log_prob``/``entropy`` and ``mean``/``stddev``/``variance``.  A shape that does not
broadcast, or anything else, is unknown: torch validates distributions' arguments itself.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from shapelint.catalog import ShapeError, tensor_rules
from shapelint.dims import UNKNOWN, Dim, DType, Shape, is_int
from shapelint.evaluator.values import Origin, Tensor

_PACKAGE = "torch.distributions."
_SCALARS = {
    "Normal": ("loc", "scale"), "LogNormal": ("loc", "scale"), "Laplace": ("loc", "scale"),
    "Cauchy": ("loc", "scale"), "Gumbel": ("loc", "scale"), "Uniform": ("low", "high"),
    "Beta": ("concentration1", "concentration0"), "Gamma": ("concentration", "rate"),
    "Exponential": ("rate",), "Poisson": ("rate",),
}  # fmt: skip
"""Distributions of scalar draws, by their parameters: the batch is the parameters' broadcast shape."""
_BY_PROBABILITY = frozenset({"Bernoulli", "Categorical"})
"""Given ``probs`` or ``logits`` (first positional: ``probs``); Categorical's last dimension holds the classes."""
_DRAWS = frozenset({"sample", "rsample"})
METHODS = _DRAWS | {"log_prob", "entropy"}
_MOMENTS = frozenset({"mean", "stddev", "variance", "mode"})


@dataclass(frozen=True, slots=True)
class Distribution:
    batch: tuple[Dim, ...]
    event: tuple[Dim, ...]
    dtype: DType
    origin: Origin


def build(qualname: str, args: list[object], kwargs: dict[str, object], node: cst.Call) -> object:
    """The distribution this call builds; ``None`` when the call builds none (unknown where it is not followed)."""
    if not qualname.startswith(_PACKAGE):
        return None
    name = qualname.rsplit(".", 1)[-1]
    origin = Origin(name, node)
    if name in _SCALARS:
        given = _named(_SCALARS[name], args, kwargs)
        return _of_batch(_broadcast(given), "float", origin) if given is not None else UNKNOWN
    if name in _BY_PROBABILITY:
        return _by_probability(name, args, kwargs, origin)
    if name == "Independent":
        return _independent(args, kwargs, origin)
    return UNKNOWN


def _named(names: tuple[str, ...], args: list[object], kwargs: dict[str, object]) -> list[Shape] | None:
    """The shapes of the parameters, given by position or name (a number is a 0-D one)."""
    if len(args) > len(names) or kwargs.keys() - {*names, "validate_args"}:
        return None
    values = [*args, *(kwargs[name] for name in names[len(args) :] if name in kwargs)]
    if len(values) != len(names):
        return None
    shapes = [_shape(value) for value in values]
    return None if None in shapes else shapes  # type: ignore[return-value]


def _shape(value: object) -> Shape | None:
    if isinstance(value, Tensor) and not value.shape.open:
        return value.shape
    return Shape(()) if type(value) in (int, float) else None


def _broadcast(shapes: list[Shape]) -> Shape | None:
    result = shapes[0]
    try:
        for shape in shapes[1:]:
            result = tensor_rules.broadcast(result, shape)
    except ShapeError:
        return None
    return None if result.open else result


def _of_batch(batch: Shape | None, dtype: DType, origin: Origin, event: tuple[Dim, ...] = ()) -> object:
    return UNKNOWN if batch is None else Distribution(batch.dims, event, dtype, origin)


def _by_probability(name: str, args: list[object], kwargs: dict[str, object], origin: Origin) -> object:
    if len(args) > 1 or kwargs.keys() - {"probs", "logits", "validate_args"}:
        return UNKNOWN
    given = [*args, *(kwargs[key] for key in ("probs", "logits") if key in kwargs)]
    if len(given) != 1 or not isinstance(given[0], Tensor) or given[0].shape.open:
        return UNKNOWN
    dims = given[0].shape.dims
    if name == "Bernoulli":
        return Distribution(dims, (), "float", origin)
    return Distribution(dims[:-1], (), "int", origin) if dims else UNKNOWN


def _independent(args: list[object], kwargs: dict[str, object], origin: Origin) -> object:
    """``Independent(Normal(mu, std), 1)``: the last batch dimensions become the event's."""
    base = args[0] if args else kwargs.get("base_distribution")
    count = args[1] if len(args) > 1 else kwargs.get("reinterpreted_batch_ndims")
    if not isinstance(base, Distribution) or not is_int(count) or not 0 <= count <= len(base.batch):
        return UNKNOWN
    split = len(base.batch) - count
    return Distribution(base.batch[:split], base.batch[split:] + base.event, base.dtype, origin)


def attribute(distribution: Distribution, name: str) -> object:
    """``dist.mean`` and the other moments: one value per draw."""
    if name in _MOMENTS:
        return Tensor(Shape(distribution.batch + distribution.event, dtype="float"), distribution.origin)
    if name in ("batch_shape", "event_shape"):
        return distribution.batch if name == "batch_shape" else distribution.event
    return UNKNOWN


def method(distribution: Distribution, name: str, args: list[object], kwargs: dict[str, object]) -> object:
    """``sample``/``rsample`` (of ``sample_shape``), ``log_prob(value)`` and ``entropy()``."""
    batch, event = distribution.batch, distribution.event
    if name in _DRAWS:
        drawn = args[0] if args else kwargs.get("sample_shape", ())
        if len(args) > 1 or kwargs.keys() - {"sample_shape"} or not isinstance(drawn, tuple):
            return UNKNOWN
        dims = (*drawn, *batch, *event)
        return Tensor(Shape(dims, dtype=distribution.dtype), distribution.origin)
    if name == "entropy" and not args and not kwargs:
        return Tensor(Shape(batch, dtype="float"), distribution.origin)
    if name == "log_prob" and len(args) == 1 and not kwargs and isinstance(args[0], Tensor):
        return _log_prob(distribution, args[0].shape)
    return UNKNOWN


def _log_prob(distribution: Distribution, value: Shape) -> object:
    """One log-probability per draw of ``value``: its shape without the event, broadcast with the batch."""
    event = len(distribution.event)
    if value.open or len(value.dims) < event:
        return UNKNOWN
    drawn = Shape(value.dims[: len(value.dims) - event])
    result = _broadcast([drawn, Shape(distribution.batch)])
    return UNKNOWN if result is None else Tensor(result.with_dtype("float"), distribution.origin)
