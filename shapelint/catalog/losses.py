"""Loss functions: what torch accepts as an output and a target, and the shape of what it gives back.

Each :class:`LossKind` is one ``torch.nn`` loss module and its ``torch.nn.functional`` twin, which check their
operands alike.  A rule raises :class:`ShapeError` only where torch raises for every tensor the shapes may stand
for; where a class-index target and a class-probability target would be told apart by a dtype that is not
known, only what both readings reject is reported.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from shapelint.catalog.base import Problem, ShapeError
from shapelint.catalog.signature import REQUIRED, Param, Signature
from shapelint.catalog.tensor_ops import broadcast
from shapelint.dims import UNKNOWN, Dim, Shape, equal_shapes, is_known, same, spelled

LossRule = Callable[[str, Shape, Shape], Shape]
"""The loss's name, its input and target: the unreduced result (``reduction='none'``), or a :class:`ShapeError`."""

REDUCTIONS = frozenset({"mean", "sum", "none"})
FORWARD = Signature("forward", (Param("input", REQUIRED), Param("target", REQUIRED)))
"""A loss module's ``forward(input, target)``."""


@dataclass(frozen=True)
class LossKind:
    """A loss module (``nn.CrossEntropyLoss``) and its function (``F.cross_entropy``).

    ``function`` binds the function's arguments; the module's constructor takes the same options after
    ``input`` and ``target``, the first ``module_options`` of them."""

    name: str
    function: Signature
    module_options: int
    rule: LossRule
    weights: tuple[str, ...] = ()
    """Options holding a weight tensor, which may broadcast the unreduced result beyond the operands' shape."""

    @property
    def module(self) -> Signature:
        return Signature(self.name, self.function.params[2 : 2 + self.module_options])

    def output(self, label: str, input: Shape, target: Shape, options: dict[str, object]) -> Shape:
        """The loss of ``input`` against ``target`` with the bound ``options``; raises :class:`ShapeError`, worded
        with ``label`` (the loss as the code names it), where torch raises whatever the unknown sizes and dtypes
        are."""
        unreduced = self.rule(label, input, target)
        reduction = _reduction(options)
        if reduction in ("mean", "sum"):
            return Shape((), dtype="float")
        if reduction != "none" or any(options.get(weight) is not None for weight in self.weights):
            return Shape.anything()
        return unreduced.with_dtype("float")


def _reduction(options: dict[str, object]) -> object:
    """``reduction``, or unknown where the deprecated ``size_average``/``reduce`` override it."""
    if options.get("size_average") is not None or options.get("reduce") is not None:
        return UNKNOWN
    reduction = options.get("reduction", "mean")
    return reduction if isinstance(reduction, str) and reduction in REDUCTIONS else UNKNOWN


def _rejected(name: str, input: Shape, target: Shape, reason: str, problem: Problem = Problem.OTHER) -> ShapeError:
    return ShapeError(f"{name} rejects input {input} with target {target}: {reason}", problem)


def same_shape(name: str, input: Shape, target: Shape) -> Shape:
    """BCELoss and BCEWithLogitsLoss: the target has exactly the input's shape, with no broadcasting."""
    if equal_shapes(input, target) is False:
        raise _rejected(name, input, target, "the target must have the same size as the input")
    return input


def broadcasting(name: str, input: Shape, target: Shape) -> Shape:
    """MSELoss, L1Loss, SmoothL1Loss, HuberLoss: torch warns when the shapes differ and broadcasts them; only
    shapes that cannot broadcast raise."""
    try:
        return broadcast(input, target)
    except ShapeError:
        raise _rejected(name, input, target, "their shapes cannot be broadcast together") from None


def class_indices(name: str, input: Shape, target: Shape) -> Shape:
    """NLLLoss: ``input`` is (C,) with a target of () or (1,), or (N, C, d1, ...) with a target of (N, d1, ...);
    the target holds integers."""
    if input.open or target.open:
        return Shape.anything()
    if not input.dims:
        raise _rejected(name, input, target, "the input needs at least 1 dimension (got 0)", Problem.RANK)
    result = _index_target(name, input, target)
    if target.dtype == "float":
        raise _rejected(name, input, target, "a target of class indices must be of integers, not floats", Problem.DTYPE)
    return result


def _index_target(name: str, input: Shape, target: Shape) -> Shape:
    if len(input.dims) == 1:
        if len(target.dims) > 1 or (len(target.dims) == 1 and same(target.dims[0], 1) is False):
            raise _rejected(name, input, target, "for a 1-D input the target must be a single class index")
        return Shape(())
    batch = input.dims[0]
    if target.dims and same(batch, target.dims[0]) is False:
        reason = f"expected input batch_size ({spelled(batch)}) to match target batch_size ({spelled(target.dims[0])})"
        raise _rejected(name, input, target, reason)
    expected = Shape((batch, *input.dims[2:]))
    if equal_shapes(expected, target) is False:
        raise _rejected(name, input, target, f"a target of class indices must have shape {expected}")
    return Shape(tuple(_known(a, b) for a, b in zip(expected.dims, target.dims)))


def _known(first: Dim, second: Dim) -> Dim:
    return first if is_known(first) else second


def class_indices_or_probabilities(name: str, input: Shape, target: Shape) -> Shape:
    """CrossEntropyLoss: a target of the input's exact shape holds class probabilities (floats); any other shape
    holds class indices, as for NLLLoss.  Shapes that may or may not be equal decide nothing."""
    equal = equal_shapes(input, target)
    if equal is None:
        return Shape.anything()
    if not equal:
        return class_indices(name, input, target)
    if not input.dims:
        raise _rejected(name, input, target, "the input needs at least 1 dimension (got 0)", Problem.RANK)
    if target.dtype == "int":
        reason = "a target of the input's shape holds class probabilities and must be of floats, not integers"
        raise _rejected(name, input, target, reason, Problem.DTYPE)
    return Shape(input.dims[:1] + input.dims[2:]) if len(input.dims) > 1 else Shape(())


def _function(name: str, *options: tuple[str, object]) -> Signature:
    return Signature(name, (*FORWARD.params, *(Param(key, value) for key, value in options)))


_OLD = (("size_average", None), ("reduce", None))
_MEAN = ("reduction", "mean")
_WEIGHT = ("weight", None)
_CLASS_OPTIONS = (_WEIGHT, ("size_average", None), ("ignore_index", -100), ("reduce", None))

LOSSES = (
    LossKind(
        "CrossEntropyLoss",
        _function("cross_entropy", *_CLASS_OPTIONS, _MEAN, ("label_smoothing", 0.0)),
        6,
        class_indices_or_probabilities,
    ),
    LossKind("NLLLoss", _function("nll_loss", *_CLASS_OPTIONS, _MEAN), 5, class_indices),
    LossKind(
        "BCELoss",
        _function("binary_cross_entropy", _WEIGHT, *_OLD, _MEAN),
        4,
        same_shape,
        ("weight",),
    ),
    LossKind(
        "BCEWithLogitsLoss",
        _function("binary_cross_entropy_with_logits", _WEIGHT, *_OLD, _MEAN, ("pos_weight", None)),
        5,
        same_shape,
        ("weight", "pos_weight"),
    ),
    LossKind("MSELoss", _function("mse_loss", *_OLD, _MEAN, _WEIGHT), 3, broadcasting, ("weight",)),
    LossKind("L1Loss", _function("l1_loss", *_OLD, _MEAN, _WEIGHT), 3, broadcasting, ("weight",)),
    LossKind("SmoothL1Loss", _function("smooth_l1_loss", *_OLD, _MEAN, ("beta", 1.0)), 4, broadcasting),
    LossKind("HuberLoss", _function("huber_loss", _MEAN, ("delta", 1.0), _WEIGHT), 2, broadcasting, ("weight",)),
)
BY_MODULE: dict[str, LossKind] = {kind.name: kind for kind in LOSSES}
"""By ``torch.nn`` class name."""
BY_FUNCTION: dict[str, LossKind] = {kind.function.name: kind for kind in LOSSES}
"""By ``torch.nn.functional`` function name."""
