"""``enum.Enum`` members: ``Color.RED`` is an instance of ``Color`` whose ``value`` is what the class body wrote.

torchvision's builders take their weights as members of a ``WeightsEnum`` (``ResNet50_Weights.DEFAULT``, or the
member's name as a string): ``verify`` checks ``isinstance(weights, cls)``, and the number of classes is read off
``weights.meta["categories"]`` through a property of the enum.  Read as the raw value, the check raised and the
model built from the weights was unknown.
"""

from __future__ import annotations

from shapelint.evaluator.machine import Machine
from shapelint.evaluator.values import ClassValue, Function, Instance, ModuleRef

_ENUM_BASES = frozenset({"enum.Enum", "enum.IntEnum", "enum.StrEnum", "enum.Flag", "enum.IntFlag"})


def is_enum(cls: ClassValue) -> bool:
    """Whether ``cls`` derives from one of the ``enum`` module's bases, directly or through the code's classes."""
    for base in cls.bases:
        if isinstance(base, ModuleRef) and base.qualname in _ENUM_BASES:
            return True
        if isinstance(base, ClassValue) and is_enum(base):
            return True
    return False


def member(m: Machine, cls: ClassValue, name: str, value: object) -> object:
    """``cls.name`` on an enum class: its member, the same object at every read (an alias such as ``DEFAULT =
    IMAGENET1K_V2`` is the member it names); methods, nested classes and private names are what they are."""
    if name.startswith("_") or isinstance(value, (Function, ClassValue)) or name not in cls.attributes:
        return value
    key = (id(cls), id(value))
    found = m.enum_members.get(key)
    if found is None:
        found = m.enum_members[key] = Instance(cls, {"value": value, "name": name, "_value_": value, "_name_": name})
    return found


def by_name(m: Machine, cls: ClassValue, name: object) -> object | None:
    """``cls["NAME"]``: the member of that name; ``None`` where ``cls`` is not an enum or the name not one of it."""
    if not is_enum(cls) or not isinstance(name, str) or name not in cls.attributes:
        return None
    return member(m, cls, name, cls.attributes[name])
