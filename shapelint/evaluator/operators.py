"""Python's operators and builtins over known values, with ``UNKNOWN`` for the rest.

Every operation is bounded: huge powers, repetitions and long ranges give
``UNKNOWN`` instead of consuming the linter's time or memory.
"""

from __future__ import annotations

import math
import operator
import re
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import libcst as cst

from shapelint.dims import UNKNOWN, Shape, Symbol, is_int, same
from shapelint.evaluator.names import typed_constructor
from shapelint.evaluator.values import (
    Alternatives,
    Array,
    ClassValue,
    DictValue,
    DTypeKind,
    Instance,
    ListValue,
    ModuleRef,
    OptionParser,
    Options,
    SampleIndex,
    SequentialValue,
    Tensor,
)

MAX_LENGTH = 100_000
READ_ONLY_METHODS = frozenset({"items", "keys", "values", "get", "copy", "index", "count"})
MAX_EXPONENT = 512
_PRIMITIVE = (int, float, bool, str, type(None))

BINARY: dict[type, Callable[[object, object], object]] = {
    cst.Add: operator.add,
    cst.Subtract: operator.sub,
    cst.Multiply: operator.mul,
    cst.Divide: operator.truediv,
    cst.FloorDivide: operator.floordiv,
    cst.Modulo: operator.mod,
    cst.Power: operator.pow,
    cst.LeftShift: operator.lshift,
    cst.RightShift: operator.rshift,
    cst.BitOr: operator.or_,
    cst.BitAnd: operator.and_,
    cst.BitXor: operator.xor,
}
AUGMENTED: dict[type, Callable[[object, object], object]] = {
    cst.AddAssign: operator.add,
    cst.SubtractAssign: operator.sub,
    cst.MultiplyAssign: operator.mul,
    cst.DivideAssign: operator.truediv,
    cst.FloorDivideAssign: operator.floordiv,
    cst.ModuloAssign: operator.mod,
    cst.PowerAssign: operator.pow,
}


def is_plain(value: object) -> bool:
    """A fully known primitive or tuple of them: safe to hand to Python's operators."""
    if isinstance(value, tuple):
        return all(is_plain(item) for item in value)
    return isinstance(value, _PRIMITIVE)


def hashable(value: object) -> bool:
    return is_plain(value)


def identical(a: object, b: object) -> bool:
    """Whether two evaluated values are the same thing on every path."""
    if a is b:
        return True
    return is_plain(a) and is_plain(b) and type(a) is type(b) and a == b


def literal(text: str, kind: type) -> object:
    try:
        return int(text, 0) if kind is int else kind(text)
    except ValueError:
        return UNKNOWN


def partly_known(value: object) -> bool:
    """Whether ``value`` is a choice of models one path of which left something unknown."""
    return isinstance(value, Alternatives) and not value.complete


def agreed(value: Alternatives, question: Callable[[object], object], undecided: object) -> Any:
    """The answer every model ``value`` may be gives to ``question``, or ``undecided`` where they differ."""
    answers = {question(option) for option in value.options}
    return answers.pop() if len(answers) == 1 and value.complete else undecided


def truth(value: object) -> bool | None:
    """Python truthiness, or ``None`` when it cannot be known."""
    if value is UNKNOWN or isinstance(value, (SampleIndex, Tensor, Array)):  # an array's truth is its elements'
        return None
    if isinstance(value, (ListValue, DictValue)):
        return None if value.items is None else bool(value.items)
    if isinstance(value, SequentialValue):
        return bool(value.children)
    if isinstance(value, Alternatives):
        return agreed(value, truth, None)
    if is_plain(value) or isinstance(value, range):
        return bool(value)
    return True


def too_large(items: Sequence[object]) -> bool:
    """Whether a tuple or list of ``items`` stands for more than ``MAX_LENGTH`` values, nested ones counted in full.

    ``t = (t, t)`` in a loop shares its halves, so it stays small in memory while
    every walk over it (``hash``, ``repr``, ``==``, :func:`is_plain`) doubles.
    Sizes are counted once per object, so the count itself stays cheap.
    """
    sizes: dict[int, int] = {}

    def size(value: object) -> int:
        if not isinstance(value, (tuple, ListValue)):
            return 1
        if id(value) not in sizes:
            sizes[id(value)] = 1  # a list that holds itself counts once
            total = 1
            for item in value if isinstance(value, tuple) else value.items or ():
                total += size(item)
                if total > MAX_LENGTH:
                    break
            sizes[id(value)] = total
        return sizes[id(value)]

    total = 0
    for item in items:
        total += size(item)
        if total > MAX_LENGTH:
            return True
    return False


def iterate(value: object) -> list[object] | None:
    """The items a ``for`` over ``value`` sees, or ``None`` when unknown or longer than any model needs."""
    if isinstance(value, (tuple, str, range)):
        return list(value) if len(value) <= MAX_LENGTH else None
    if isinstance(value, (ListValue, DictValue)):
        return None if value.items is None or len(value.items) > MAX_LENGTH else list(value.items)
    if isinstance(value, SequentialValue):
        return [child for _, child in value.children]
    if isinstance(value, Tensor):
        return _rows(value, MAX_TENSOR_ROWS)
    return None


MAX_TENSOR_ROWS = 16
"""A tensor whose first size is at most this is iterated row by row; a longer one is a loop of unknown length."""


def tensor_row(value: Tensor) -> Tensor | None:
    """What each step of a ``for`` over a tensor binds: a tensor without its first dimension."""
    shape = value.shape
    if shape.open or not shape.dims:
        return None
    return Tensor(Shape(shape.dims[1:], dtype=shape.dtype), value.origin)


def _rows(value: Tensor, limit: int) -> list[object] | None:
    row = tensor_row(value)
    if row is None:
        return None
    first = value.shape.dim(0)
    if not is_int(first) or not 0 <= first <= limit:
        return None
    return [row] * first


def _sequence(value: object) -> tuple | None:
    items = iterate(value)
    return None if items is None or not all(is_plain(item) for item in items) else tuple(items)


def _too_big(function: Callable[[object, object], object], left: object, right: object) -> bool:
    if function in (operator.pow, operator.lshift) and isinstance(right, (int, float)):
        return abs(right) > MAX_EXPONENT or (function is operator.pow and isinstance(left, float) and abs(left) > 1e6)
    sized = [v for v in (left, right) if isinstance(v, (str, tuple, ListValue))]
    if function is operator.mul:
        counts = [v for v in (left, right) if isinstance(v, int)]
        return bool(sized and counts) and counts[0] * _length(sized[0]) > MAX_LENGTH
    if function is operator.add:
        return len(sized) == 2 and _length(sized[0]) + _length(sized[1]) > MAX_LENGTH
    return False


def _length(value: object) -> int:
    if isinstance(value, ListValue):
        return len(value.items or ())
    return len(value)  # type: ignore[arg-type]


def binary(function: Callable[[object, object], object] | None, left: object, right: object) -> object:
    """``left <op> right`` on known values; lists combine into new lists."""
    if function is None or _too_big(function, left, right):
        return UNKNOWN
    if isinstance(left, ListValue) or isinstance(right, ListValue):
        return _list_binary(function, left, right)
    if isinstance(left, SampleIndex) or isinstance(right, SampleIndex):
        return _shifted(function, left, right)
    if not (is_plain(left) and is_plain(right)):
        return UNKNOWN
    try:
        return function(left, right)
    except (ArithmeticError, TypeError, ValueError):
        return UNKNOWN


def _shifted(function: Callable[[object, object], object], left: object, right: object) -> object:
    """``index + 20``, ``20 + index`` and ``index - 1`` on a dataset's index: the same index, shifted;
    ``index % 10``, ``index // 2`` and ``index * 2`` by a positive int: an int computed from it."""
    if function is operator.add and isinstance(left, SampleIndex) and is_int(right):
        return SampleIndex(left.offset + right, left.derived)
    if function is operator.add and isinstance(right, SampleIndex) and is_int(left):
        return SampleIndex(right.offset + left, right.derived)
    if function is operator.sub and isinstance(left, SampleIndex) and is_int(right):
        return SampleIndex(left.offset - right, left.derived)
    if function in _DERIVING and isinstance(left, SampleIndex) and is_int(right) and right > 0:
        return DERIVED_INDEX
    if function is operator.mul and isinstance(right, SampleIndex) and is_int(left) and left > 0:
        return DERIVED_INDEX
    return UNKNOWN


DERIVED_INDEX = SampleIndex(derived=True)
_DERIVING = (operator.mod, operator.floordiv, operator.mul)


def _list_binary(function: Callable[[object, object], object], left: object, right: object) -> object:
    if function is operator.add and isinstance(left, ListValue) and isinstance(right, ListValue):
        if left.items is None or right.items is None:
            return ListValue(None)
        return ListValue(left.items + right.items)
    if function is operator.mul:
        sequence, count = (left, right) if isinstance(left, ListValue) else (right, left)
        if isinstance(sequence, ListValue) and isinstance(count, int) and sequence.items is not None:
            return ListValue(sequence.items * count)
    return ListValue(None)


def unary(node: cst.BaseUnaryOp, value: object) -> object:
    if isinstance(node, cst.Not):
        truth_value = truth(value)
        return UNKNOWN if truth_value is None else not truth_value
    if isinstance(value, Tensor):  # -x, +x, ~mask: the same shape and kind
        return value
    if isinstance(value, Array):  # numpy refuses ``-`` of bools, ``~`` of floats: kept only where certain
        kept = isinstance(node, (cst.Minus, cst.Plus)) and value.shape.dtype in ("float", "int")
        return value if kept else UNKNOWN
    if not is_plain(value):
        return UNKNOWN
    functions: dict[type[cst.BaseUnaryOp], Callable[[Any], object]] = {
        cst.Minus: operator.neg,
        cst.Plus: operator.pos,
        cst.BitInvert: operator.invert,
    }
    try:
        return functions[type(node)](value)
    except (KeyError, TypeError):
        return UNKNOWN


def compare(node: cst.BaseCompOp, left: object, right: object) -> object:
    """A comparison's result, or ``UNKNOWN``."""
    if left is UNKNOWN or right is UNKNOWN or partly_known(left) or partly_known(right):
        return UNKNOWN
    if isinstance(left, DTypeKind) or isinstance(right, DTypeKind):
        return _dtype_comparison(node, left, right)
    if isinstance(node, (cst.Is, cst.IsNot)):
        if not (left is None or right is None or (is_plain(left) and is_plain(right))):
            return UNKNOWN if isinstance(left, Tensor) or isinstance(right, Tensor) else _negate(node, left is right)
        same = left is right or (is_plain(left) and is_plain(right) and type(left) is type(right) and left == right)
        return _negate(node, same)
    if isinstance(node, (cst.In, cst.NotIn)):
        items = _sequence(right) if not isinstance(right, str) else right
        if items is None or not is_plain(left):
            return UNKNOWN
        try:
            return (left in items) != isinstance(node, cst.NotIn)
        except TypeError:
            return UNKNOWN
    return _ordering(node, left, right)


_DTYPE_KINDS = {
    **dict.fromkeys(("float", "float32", "float64", "double", "half", "float16", "bfloat16"), "float"),
    **dict.fromkeys(("long", "int64", "int", "int32", "int16", "short", "int8", "uint8"), "int"),
    "bool": "bool",
}


def _dtype_kind(value: object) -> str | None:
    """The kind of a dtype value: a tensor's :class:`DTypeKind`, or ``torch.long`` and the like."""
    if isinstance(value, DTypeKind):
        return value.kind
    if isinstance(value, ModuleRef) and value.qualname.startswith("torch."):
        return _DTYPE_KINDS.get(value.qualname.removeprefix("torch."))
    return None


def _different_kinds(first: str | None, second: str | None) -> bool:
    """Whether two dtypes certainly differ: float against an integer or bool kind (our integer kind holds bool)."""
    return first is not None and second is not None and "float" in (first, second) and first != second


def _dtype_comparison(node: cst.BaseCompOp, left: object, right: object) -> object:
    """``x.dtype == torch.long``, ``x.dtype in (torch.long, torch.int64)``: decided where the kinds differ."""
    if isinstance(node, (cst.In, cst.NotIn)):
        items = iterate(right)
        if items is None or not all(_different_kinds(_dtype_kind(left), _dtype_kind(item)) for item in items):
            return UNKNOWN
        return isinstance(node, cst.NotIn)
    if not isinstance(node, (cst.Equal, cst.NotEqual, cst.Is, cst.IsNot)):
        return UNKNOWN
    if not _different_kinds(_dtype_kind(left), _dtype_kind(right)):
        return UNKNOWN
    return isinstance(node, (cst.NotEqual, cst.IsNot))


def _negate(node: cst.BaseCompOp, result: bool) -> bool:
    return not result if isinstance(node, cst.IsNot) else result


def _ordering(node: cst.BaseCompOp, left: object, right: object) -> object:
    functions: dict[type[cst.BaseCompOp], Callable[[Any, Any], object]] = {
        cst.Equal: operator.eq,
        cst.NotEqual: operator.ne,
        cst.LessThan: operator.lt,
        cst.LessThanEqual: operator.le,
        cst.GreaterThan: operator.gt,
        cst.GreaterThanEqual: operator.ge,
    }
    function = functions.get(type(node))
    if function is None:
        return UNKNOWN
    equal = _equal_sizes(left, right) if function in (operator.eq, operator.ne) else None
    if function in (operator.eq, operator.ne) and isinstance(left, ClassValue) and isinstance(right, ClassValue):
        equal = left is right  # a class equals only itself (``block == BasicBlock``)
    if equal is not None:
        return equal == (function is operator.eq)
    if not (is_plain(left) and is_plain(right)):
        if function in (operator.eq, operator.ne) and (left is None or right is None):
            tensors = isinstance(left, Tensor) or isinstance(right, Tensor)
            return UNKNOWN if tensors else (function is operator.ne)
        return UNKNOWN
    try:
        return function(left, right)
    except TypeError:
        return UNKNOWN


def _equal_sizes(left: object, right: object) -> bool | None:
    """``x.shape == y.shape`` where sizes are symbols (a loader's batch): unequal where the ranks or two known
    sizes differ, equal where each pair is the same size; ``None`` otherwise, or for anything but two tuples."""
    if not (isinstance(left, tuple) and isinstance(right, tuple)) or (is_plain(left) and is_plain(right)):
        return None
    if len(left) != len(right):
        return False
    answers = [same(a, b) if _size(a) and _size(b) else None for a, b in zip(left, right)]
    if False in answers:
        return False
    return True if all(answers) else None


def _size(value: object) -> bool:
    return is_int(value) or isinstance(value, Symbol)


def subscript(value: object, index: object) -> object:
    if index is UNKNOWN:
        return UNKNOWN
    if isinstance(value, DictValue):
        if value.items is None or not hashable(index):
            return UNKNOWN
        return value.items.get(index, UNKNOWN)
    if isinstance(value, SequentialValue) and isinstance(index, int) and not isinstance(index, bool):
        try:
            return value.children[index][1]
        except IndexError:
            return UNKNOWN
    items = value.items if isinstance(value, ListValue) else value
    if isinstance(index, SampleIndex) and isinstance(items, (list, tuple, range)) and items:
        return DERIVED_INDEX if all(is_int(item) for item in items) else UNKNOWN  # ``self.labels[index]``
    if not isinstance(items, (list, tuple, str, range)) or not isinstance(index, int):
        return UNKNOWN
    try:
        return items[index]
    except IndexError:
        return UNKNOWN


def slice_of(value: object, bounds: list[object]) -> object:
    known = [bound for bound in bounds if bound is None or isinstance(bound, int)]
    if len(known) != len(bounds):
        return UNKNOWN
    part = slice(*known)
    try:
        if isinstance(value, ListValue):
            return ListValue(None if value.items is None else value.items[part])
        if isinstance(value, (tuple, str, range)):
            return value[part]
    except ValueError:
        return UNKNOWN
    return UNKNOWN


def make_dict(args: list[object], kwargs: dict[str, object]) -> DictValue:
    """``OrderedDict(pairs)`` / ``dict(pairs, **kw)`` with known keys."""
    items: dict[object, object] = {}
    if args:
        pairs = iterate(args[0]) if not isinstance(args[0], DictValue) else None
        if isinstance(args[0], DictValue):
            if args[0].items is None:
                return DictValue(None)
            items.update(args[0].items)
        elif pairs is None:
            return DictValue(None)
        for pair in pairs or ():
            pair_items = iterate(pair)
            if pair_items is None or len(pair_items) != 2 or not hashable(pair_items[0]):
                return DictValue(None)
            items[pair_items[0]] = pair_items[1]
    items.update(kwargs)
    return DictValue(items)


def dict_method(value: DictValue, name: str, args: list[object]) -> object:
    items = value.items
    assert items is not None
    if name == "items" and not args:
        return ListValue([(key, item) for key, item in items.items()])
    if name == "keys" and not args:
        return ListValue(list(items))
    if name == "values" and not args:
        return ListValue(list(items.values()))
    if name == "get" and args and hashable(args[0]):
        return items.get(args[0], args[1] if len(args) > 1 else None)
    return UNKNOWN


def dict_change(value: DictValue, name: str, args: list[object], kwargs: dict[str, object]) -> tuple[bool, object]:
    """``d.pop(key, default)``, ``setdefault``, ``update`` and ``clear`` done on known keys, with their result
    (a wrapper that drops a legacy keyword from its ``**kwargs`` before it calls the builder); ``(False, None)``
    where the change is not known (then every item is)."""
    items = value.items
    assert items is not None
    key = args[0] if args and hashable(args[0]) else UNKNOWN
    if name == "pop" and len(args) in (1, 2) and not kwargs and key is not UNKNOWN:
        return (True, items.pop(key)) if key in items else (len(args) == 2, args[-1] if len(args) == 2 else None)
    if name == "setdefault" and len(args) in (1, 2) and not kwargs and key is not UNKNOWN:
        return True, items.setdefault(key, args[1] if len(args) == 2 else None)
    given = args[0].items if len(args) == 1 and isinstance(args[0], DictValue) else {} if not args else None
    if name == "update" and given is not None:
        items.update(given)
        items.update(kwargs)
        return True, None
    if name == "clear" and not args and not kwargs:
        items.clear()
        return True, None
    return False, None


STRING_METHODS = frozenset(
    {"split", "rsplit", "strip", "lstrip", "rstrip", "lower", "upper", "replace", "startswith", "endswith", "join"}
    | {"format", "capitalize", "title", "casefold", "swapcase", "isdigit", "isalpha", "zfill"}
)
"""Pure ``str`` methods: tutorials build their vocabularies with them (``" ".join(sentences).split()``), and layer
names (``"stage{}".format(i)``)."""


def string_method(text: str, name: str, args: list[object], kwargs: dict[str, object]) -> object:
    """``text.name(*args)`` on known text; a list result is a list the evaluator tracks."""
    if name == "format":
        return _formatted(text, args, kwargs)
    if name not in STRING_METHODS or kwargs:
        return UNKNOWN
    if name == "join":
        parts = iterate(args[0]) if len(args) == 1 else None
        joined = text.join(parts) if parts is not None and all(isinstance(p, str) for p in parts) else UNKNOWN  # type: ignore[arg-type]
        return joined if not isinstance(joined, str) or len(joined) <= MAX_LENGTH else UNKNOWN
    if not all(is_plain(arg) for arg in args):
        return UNKNOWN
    try:
        result = getattr(text, name)(*args)
    except (TypeError, ValueError):
        return UNKNOWN
    if isinstance(result, (str, list)) and len(result) > MAX_LENGTH:
        return UNKNOWN
    return ListValue(result) if isinstance(result, list) else result


def _formatted(text: str, args: list[object], kwargs: dict[str, object]) -> object:
    """``"stage{}_{}".format(i, j)`` (layer names of an ``OrderedDict``) with plain arguments; a format spec that
    asks for a width of thousands of characters, or takes one from an argument, is not evaluated."""
    if not all(is_plain(value) for value in (*args, *kwargs.values())):
        return UNKNOWN
    try:
        specs = [spec for _, field, spec, _ in string.Formatter().parse(text) if field is not None and spec]
        if any("{" in spec or re.search(r"\d{4,}", spec) for spec in specs):
            return UNKNOWN
        result = text.format(*args, **kwargs)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        return UNKNOWN
    return result if len(result) <= MAX_LENGTH else UNKNOWN


@dataclass(frozen=True, slots=True)
class Builtin:
    """A builtin function evaluated on known arguments only."""

    name: str
    function: Callable[..., object]

    def call(self, args: list[object], kwargs: dict[str, object]) -> object:
        if any(arg is UNKNOWN for arg in args) or any(v is UNKNOWN for v in kwargs.values()):
            return UNKNOWN
        try:
            return self.function(*args, **kwargs)
        except (ArithmeticError, TypeError, ValueError, IndexError, KeyError):
            return UNKNOWN


def _distinct(items: list[object]) -> list[object]:
    """A set's members, in one of the orders Python may iterate them; only plain values are known distinct."""
    if not all(is_plain(item) for item in items):
        raise ValueError("members that may or may not be equal")
    return list(dict.fromkeys(items))


def _plain_items(value: object) -> list[object]:
    items = iterate(value)
    if items is None:
        raise ValueError("unknown iterable")
    return items


def _numbers(args: tuple[object, ...]) -> list[object]:
    values = _plain_items(args[0]) if len(args) == 1 else list(args)
    if not all(is_plain(v) for v in values):
        raise ValueError("unknown operand")
    return values


def _range(*args: object) -> range:
    ints = [arg for arg in args if isinstance(arg, int)]
    if len(ints) != len(args):
        raise TypeError("range needs ints")
    result = range(*ints)
    if len(result) > MAX_LENGTH:
        raise ValueError("range too long")
    return result


def _len(value: object) -> int:
    """``len(x)``; of a tensor or a numpy array, its first size (``range(0, len(X), 32)`` batches by hand,
    ``range(len(data) - seq_length - 1)`` cuts a series into windows)."""
    if isinstance(value, (Tensor, Array)) and not value.shape.open and value.shape.dims and is_int(value.shape.dims[0]):
        return value.shape.dims[0]
    items = iterate(value)
    if items is None:
        raise ValueError("unknown length")
    return len(items)


def _zip(*values: object) -> ListValue:
    return ListValue([tuple(group) for group in zip(*(_plain_items(v) for v in values))])


def _enumerate(value: object, start: int = 0) -> ListValue:
    return ListValue([(index, item) for index, item in enumerate(_plain_items(value), start)])


def _int(value: object = 0, *rest: object) -> int:
    if not is_plain(value) or (rest and not all(is_plain(r) for r in rest)):
        raise ValueError("unknown")
    return int(value, *rest)  # type: ignore[call-overload]


def _scalar(function: Callable[..., object]) -> Callable[..., object]:
    def call(*args: object) -> object:
        if not all(is_plain(arg) for arg in args):
            raise ValueError("unknown")
        return function(*args)

    return call


def _numpy_power(base: object, exponent: object) -> object:
    """``np.power`` on two numbers (a positional encoding's ``np.power(10000, 2 * i / d_model)``), where numpy and
    Python agree: numpy refuses an integer to a negative integer power, gives ``nan`` where Python gives a complex
    number, and wraps integers past 64 bits."""
    if not all(type(value) in (int, float) for value in (base, exponent)):
        raise ValueError("not two numbers")
    if type(base) is int and type(exponent) is int and exponent < 0:
        raise ValueError("integers to negative integer powers")
    result = base**exponent  # type: ignore[operator]
    if type(result) not in (int, float) or (type(result) is int and abs(result) >= 2**63):
        raise ValueError("not what numpy gives")
    return result


BUILTINS: dict[str, Builtin] = {
    builtin.name: builtin
    for builtin in (
        Builtin("range", _range),
        Builtin("len", _len),
        Builtin("min", lambda *args: min(_numbers(args))),  # type: ignore[type-var]
        Builtin("max", lambda *args: max(_numbers(args))),  # type: ignore[type-var]
        Builtin("sum", lambda value, start=0: sum(_numbers((value,)), start)),  # type: ignore[arg-type]
        Builtin("int", _int),
        Builtin("float", _scalar(float)),
        Builtin("abs", _scalar(abs)),
        Builtin("round", _scalar(round)),
        Builtin("bool", lambda value=False: truth(value) if truth(value) is not None else UNKNOWN),
        Builtin("list", lambda value=(): ListValue(_plain_items(value) if value != () else [])),
        Builtin("tuple", lambda value=(): tuple(_plain_items(value))),
        Builtin("reversed", lambda value: ListValue(_plain_items(value)[::-1])),
        Builtin("sorted", lambda value: ListValue(sorted(_numbers((value,))))),  # type: ignore[type-var]
        Builtin("zip", _zip),
        Builtin("enumerate", _enumerate),
        Builtin("dict", lambda *args, **kwargs: make_dict(list(args), kwargs)),
        Builtin("divmod", _scalar(divmod)),
        Builtin("pow", _scalar(pow)),
        Builtin("print", lambda *args, **kwargs: None),
        Builtin("iter", lambda *args: UNKNOWN),
        Builtin("next", lambda *args: UNKNOWN),
        Builtin("hasattr", lambda *args: UNKNOWN),
        Builtin("isinstance", lambda *args: UNKNOWN),
        Builtin("getattr", lambda *args: UNKNOWN),
        Builtin("setattr", lambda *args: UNKNOWN),
        Builtin("vars", lambda *args: UNKNOWN),
        Builtin("map", lambda *args: UNKNOWN),
        Builtin("set", lambda value=(): ListValue(_distinct(_plain_items(value)))),
    )
}

BUILTINS["str"] = Builtin("str", lambda value="": str(value) if isinstance(value, (bool, int, float, str)) else UNKNOWN)


def _type(value: object) -> object:
    """``type(x)``: a known value's class, compared with ``is`` (``type(obj) is str`` in torchvision's ``verify``)."""
    if isinstance(value, (bool, int, float, str)):
        return BUILTINS[type(value).__name__]
    return value.cls if isinstance(value, Instance) else UNKNOWN


BUILTINS["type"] = Builtin("type", _type)

QUALIFIED: dict[str, Builtin] = {
    f"{module}.{name}": Builtin(name, function)
    for module in ("math",)
    for name, function in (
        ("floor", _scalar(math.floor)),
        ("ceil", _scalar(math.ceil)),
        ("sqrt", _scalar(math.sqrt)),
        ("log2", _scalar(math.log2)),
        ("log", _scalar(math.log)),
        ("log10", _scalar(math.log10)),
        ("prod", lambda value: math.prod(_numbers((value,)))),  # type: ignore[arg-type]
    )
}
QUALIFIED.update({"numpy.prod": QUALIFIED["math.prod"], "numpy.power": Builtin("power", _scalar(_numpy_power))})
CONSTANTS: dict[str, float] = {
    f"{module}.{name}": getattr(math, name) for module in ("math", "numpy") for name in ("pi", "e", "tau", "inf")
}
"""Module constants that sizes and scales are computed from, by qualified name."""


def module_member(qualname: str) -> object:
    """What an imported name stands for: a known constant's value, else a reference."""
    return CONSTANTS.get(qualname, ModuleRef(typed_constructor(qualname)))


def forget_mutable(args: list[object], kwargs: dict[str, object]) -> None:
    """Lists and dicts handed to code the evaluator cannot follow may come back changed."""
    for value in [*args, *kwargs.values()]:
        if isinstance(value, (ListValue, DictValue)):
            value.items = None
        elif isinstance(value, Options):
            value.values = None
        elif isinstance(value, OptionParser):
            value.defaults = None


def plain_arguments(args: list[object], kwargs: dict[str, object]) -> tuple[list[object], dict[str, object]]:
    """Call arguments as layer and tensor rules take them: lists as Python lists, other containers unknown."""
    return [_hyperparameter(a) for a in args], {k: _hyperparameter(v) for k, v in kwargs.items()}


def _hyperparameter(value: object) -> object:
    if isinstance(value, ListValue):
        return UNKNOWN if value.items is None else list(value.items)
    if isinstance(value, DictValue):
        return UNKNOWN
    return value
