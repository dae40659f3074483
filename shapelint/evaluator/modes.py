"""Whether every model is certainly in training mode, the mode torch builds them in, where BatchNorm refuses a batch
of one (``Expected more than 1 value per channel when training``).

The mode is followed one way: the file's own top-level code runs in order with every model training, until anything
may have changed a mode: ``eval()``, ``train(...)`` given anything but ``True``, ``apply(...)``, a write of
``training``, a model handed to code that is not followed, a torchinfo summary.  From then on no mode is certain,
nor in the runs that are not the program's own flow (functions nobody calls, declared inputs, importers).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import libcst as cst
from libcst import matchers

from shapelint.dims import UNKNOWN
from shapelint.evaluator import classes
from shapelint.evaluator.flow import Propagator
from shapelint.evaluator.values import (
    Alternatives,
    BoundMethod,
    Function,
    Instance,
    Layer,
    ModuleRef,
    SequentialValue,
)

_SETTERS = frozenset({"eval", "train", "apply"})
"""Methods that may set a model's mode (``apply`` with a function that calls ``eval()`` on each module)."""
_MODELS = (Instance, Layer, SequentialValue, Alternatives)


def note_call(
    propagator: Propagator, node: cst.Call, func: object, args: list[object], kwargs: dict[str, object]
) -> None:
    """Leave training mode where this call may change a model's mode."""
    method = node.func.attr.value if isinstance(node.func, cst.Attribute) else None
    if method == "train":
        keeps_training = (not args or args[0] is True) and not kwargs
    else:  # ``self.apply(self._init_weights)``, whose function sets no mode, keeps it
        keeps_training = method == "apply" and len(args) == 1 and not kwargs and _sets_no_mode(args[0])
    if method in _SETTERS and not keeps_training:
        propagator.training = False
    elif _not_followed(func):
        handed_over(propagator, args, kwargs)


def handed_over(propagator: Propagator, args: list[object], kwargs: dict[str, object]) -> None:
    """Models passed to code that is not run may come back in another mode."""
    if _holds_model(args, kwargs):
        propagator.training = False


def hands_over(func: object, args: list[object], kwargs: dict[str, object]) -> bool:
    """Whether calling ``func`` hands a model to code that is not followed."""
    return _not_followed(func) and _holds_model(args, kwargs)


def _holds_model(args: list[object], kwargs: dict[str, object]) -> bool:
    return any(isinstance(value, _MODELS) for value in [*args, *kwargs.values()])


def _sets_no_mode(function: object) -> bool:
    """Whether ``function`` (of the project) never names a mode: no ``eval``, ``train`` or ``training`` in it."""
    if isinstance(function, BoundMethod) and isinstance(function.obj, Instance):
        function = classes.class_attribute(function.obj.cls, function.name)
    if not isinstance(function, Function):
        return False
    return not matchers.findall(function.node, _MODE_NAMES)


_MODE_NAMES = matchers.Name("eval") | matchers.Name("train") | matchers.Name("training")


def _not_followed(func: object) -> bool:
    """Code the evaluator does not run: an unknown callable, or a library's function (torch's own change no mode)."""
    return func is UNKNOWN or (isinstance(func, ModuleRef) and not func.qualname.startswith("torch."))


def note_write(propagator: Propagator, target: cst.BaseAssignTargetExpression) -> None:
    """``model.training = False`` (or any write of ``training``) may leave training mode."""
    if isinstance(target, cst.Attribute) and target.attr.value == "training":
        propagator.training = False


@contextmanager
def evaluating(propagator: Propagator) -> Iterator[None]:
    """A run in ``eval()`` mode that puts the mode back after (a torchinfo summary)."""
    training, propagator.training = propagator.training, False
    try:
        yield
    finally:
        propagator.training = training
