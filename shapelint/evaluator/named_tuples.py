"""``collections.namedtuple("Block", ["in_channel", "depth", "stride"])``: a record class, built as the
``typing.NamedTuple`` it is equivalent to, so that its instances' fields are known (block specifications of a
ResNet-style backbone: ``Bottleneck(64, 128, 2)``, then ``b.depth`` in a loop).
"""

from __future__ import annotations

import keyword

import libcst as cst

from shapelint.dims import UNKNOWN
from shapelint.evaluator.values import ClassValue, ListValue, ModuleRef

NAMEDTUPLE = frozenset({"collections.namedtuple"})
_RECORD_BASE = ModuleRef("typing.NamedTuple")


def make(args: list[object], kwargs: dict[str, object]) -> object:
    """The class a ``namedtuple`` call makes; unknown where its name, fields or defaults are not known, or where
    ``rename=`` may rename them."""
    typename = args[0] if args else kwargs.get("typename")
    fields = _field_names(args[1] if len(args) > 1 else kwargs.get("field_names"))
    given = _defaults(kwargs.get("defaults"))
    if not isinstance(typename, str) or fields is None or given is None or kwargs.get("rename", False):
        return UNKNOWN
    if len(given) > len(fields):
        return UNKNOWN
    if not all(_identifier(name) for name in (typename, *fields)) or len(set(fields)) != len(fields):
        return UNKNOWN
    body = "".join(f"    {name}: object\n" for name in fields) or "    pass\n"
    node = cst.ensure_type(cst.parse_statement(f"class {typename}(NamedTuple):\n{body}"), cst.ClassDef)
    attributes: dict[str, object] = dict(zip(fields[len(fields) - len(given) :], given)) if given else {}
    return ClassValue(node, attributes, (_RECORD_BASE,))


def _defaults(value: object) -> list[object] | None:
    """``defaults=(1,)``: values of the last fields; none given is none."""
    items = value.items if isinstance(value, ListValue) else value
    if items is None:
        return []
    return list(items) if isinstance(items, (tuple, list)) else None


def _field_names(value: object) -> list[str] | None:
    """``["a", "b"]``, ``("a", "b")`` or ``"a b"`` / ``"a, b"``."""
    if isinstance(value, str):
        return value.replace(",", " ").split()
    items = value.items if isinstance(value, ListValue) else value
    if not isinstance(items, (tuple, list)):
        return None
    names = [item for item in items if isinstance(item, str)]
    return names if len(names) == len(items) else None


def _identifier(name: str) -> bool:
    return name.isidentifier() and not keyword.iskeyword(name) and not name.startswith("_")
