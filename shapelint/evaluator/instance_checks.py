"""``isinstance(value, spec)`` on evaluated values, decided only where the answer is certain.

Code guards its inputs with it (``if isinstance(x, (list, tuple)): x = x[0]``); deciding the test keeps the
branch that cannot run from unknowing the tensor.  Anything that might hold a subclass the evaluator does not
see (a user class's instance against a builtin type, one torch layer against another) stays unknown.
"""

from __future__ import annotations

from shapelint.dims import UNKNOWN
from shapelint.evaluator import classes, names, operators
from shapelint.evaluator.values import (
    Alternatives,
    ClassValue,
    DictValue,
    Instance,
    Layer,
    ListValue,
    ModuleRef,
    SampleIndex,
    SequentialValue,
    Tensor,
)

_BUILTIN_TYPES: dict[str, type] = {
    "int": int, "float": float, "bool": bool, "str": str, "tuple": tuple, "list": list, "dict": dict,
}  # fmt: skip
_MODULE = "torch.nn.Module"
_TENSOR = "torch.Tensor"


def isinstance_of(value: object, spec: object) -> object:
    """``True``/``False`` where certain, else ``UNKNOWN``; a tuple of types is true when any member is."""
    if isinstance(spec, tuple):
        answers = [isinstance_of(value, item) for item in spec]
        if True in answers:
            return True
        return False if all(answer is False for answer in answers) else UNKNOWN
    if value is UNKNOWN or operators.partly_known(value):
        return UNKNOWN
    if isinstance(value, Alternatives):
        return operators.agreed(value, lambda option: isinstance_of(option, spec), UNKNOWN)
    if isinstance(spec, operators.Builtin) and spec.name in _BUILTIN_TYPES:
        return _of_builtin(value, _BUILTIN_TYPES[spec.name])
    if isinstance(spec, ModuleRef):
        return _of_torch(value, spec.qualname)
    if isinstance(spec, ClassValue):
        return _of_user_class(value, spec)
    return UNKNOWN


def _of_builtin(value: object, wanted: type) -> object:
    if isinstance(value, SampleIndex):
        return wanted is int
    if operators.is_plain(value) or value is None:
        return isinstance(value, wanted)
    if isinstance(value, ListValue):
        return wanted is list
    if isinstance(value, DictValue):
        return wanted is dict and not value.modules
    if isinstance(value, (Tensor, Layer, SequentialValue)):
        return False
    return UNKNOWN


def _of_torch(value: object, qualname: str) -> object:
    module = isinstance(value, (Layer, SequentialValue)) or (
        isinstance(value, Instance) and classes.is_torch_module(value.cls)
    )
    if qualname == _TENSOR:
        return isinstance(value, Tensor) or (UNKNOWN if isinstance(value, Instance) and not module else False)
    if qualname == _MODULE:
        return module or (UNKNOWN if isinstance(value, Instance) else False)
    kind = names.layer_kind(qualname)
    if kind is None:
        return UNKNOWN
    if isinstance(value, Layer) and value.kind is kind:
        return True
    if isinstance(value, Instance) and classes.layer_base(value.cls) == qualname:
        return True
    return False if operators.is_plain(value) or isinstance(value, (Tensor, ListValue, DictValue)) else UNKNOWN


def _of_user_class(value: object, wanted: ClassValue) -> object:
    if isinstance(value, Instance):
        return True if classes.derives_from(value.cls, wanted) else UNKNOWN
    if operators.is_plain(value) or value is None or isinstance(value, (Tensor, Layer, SequentialValue)):
        return False
    return UNKNOWN
