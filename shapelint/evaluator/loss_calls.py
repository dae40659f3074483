"""Loss calls: a torch loss module built and called on an output and a target, and the loss functions of
``torch.nn.functional``.  The rules are the catalog's (:mod:`shapelint.catalog.losses`); a rejection is a
mismatch at the call, which names both operands' origins.
"""

from __future__ import annotations

import libcst as cst

from shapelint.catalog import LossKind, ShapeError, loss_rules
from shapelint.dims import UNKNOWN, Shape
from shapelint.evaluator.flow import Propagator
from shapelint.evaluator.values import LossModule, Origin, Tensor


def kind_of(qualname: str) -> LossKind | None:
    """The loss kind ``torch.nn.CrossEntropyLoss`` (or ``torch.nn.modules.loss.CrossEntropyLoss``) is."""
    module, _, name = qualname.rpartition(".")
    return loss_rules.BY_MODULE.get(name) if module in ("torch.nn", "torch.nn.modules.loss") else None


def build(kind: LossKind, args: list[object], kwargs: dict[str, object]) -> object:
    """``nn.CrossEntropyLoss(reduction="none")``: the module with its options, unknown when they do not bind."""
    try:
        return LossModule(kind, kind.module.bind(args, kwargs))
    except TypeError:
        return UNKNOWN


def call_module(
    propagator: Propagator, loss: LossModule, args: list[object], kwargs: dict[str, object], node: cst.CSTNode
) -> object:
    """``criterion(output, target)``."""
    try:
        operands = loss_rules.FORWARD.bind(args, kwargs)
    except TypeError:
        return UNKNOWN
    return _loss(propagator, loss.kind.name, loss.kind, {**loss.options, **operands}, node)


def call_function(
    propagator: Propagator, kind: LossKind, args: list[object], kwargs: dict[str, object], node: cst.CSTNode
) -> object:
    """``F.cross_entropy(output, target, reduction="sum")``."""
    try:
        bound = kind.function.bind(args, kwargs)
    except TypeError:
        return UNKNOWN
    return _loss(propagator, kind.function.name, kind, bound, node)


def _loss(propagator: Propagator, label: str, kind: LossKind, bound: dict[str, object], node: cst.CSTNode) -> object:
    """The loss of two tensors, or a mismatch at ``node`` (none once a run went on past a wrong input size: the
    rejected shapes may be that assumption's); anything but two tensors gives an unknown value."""
    input, target = bound["input"], bound["target"]
    if not isinstance(input, Tensor) or not isinstance(target, Tensor):
        return UNKNOWN
    try:
        shape = kind.output(label, input.shape, target.shape, bound)
    except ShapeError as error:
        if not propagator.assumed_right():
            propagator.reject(label, node, error, input, target=target)
        return Tensor(Shape.anything())
    return Tensor(shape, Origin(label, node, before=input.shape))
