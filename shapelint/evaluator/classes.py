"""What the evaluator knows about user classes: attributes through bases, torch bases, records, submodules.

Pure lookups over ``ClassValue`` and ``Instance``; the interpreter decides
what to do with the answers.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator

import libcst as cst

from shapelint.dims import UNKNOWN
from shapelint.evaluator import names as torch_names
from shapelint.evaluator import operators
from shapelint.evaluator.optional_attributes import absent_means_false
from shapelint.evaluator.values import (
    ClassValue,
    Function,
    Instance,
    Layer,
    ListValue,
    ModuleRef,
    ModuleValue,
    SequentialValue,
    Tensor,
)


def dotted(node: cst.BaseExpression) -> str:
    """The dotted name an expression spells (``torch.nn.Linear``), ``?`` for anything else."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{dotted(node.value)}.{node.attr.value}"
    return "?"


def decorator_name(decorator: cst.Decorator) -> str:
    return dotted(decorator.decorator)


KEPT_DECORATORS = frozenset({"staticmethod", "classmethod", "property", "cached_property", "functools.cached_property"})
"""Decorators whose function the class keeps, to be called as the decorator says when it is read."""


def is_property(node: cst.FunctionDef) -> bool:
    """``@property`` (or ``@cached_property``): reading the attribute on an instance calls the function."""
    return any(decorator_name(d) in KEPT_DECORATORS - {"staticmethod", "classmethod"} for d in node.decorators)


def is_static(node: cst.FunctionDef) -> bool:
    return any(decorator_name(d) == "staticmethod" for d in node.decorators)


def is_classmethod(node: cst.FunctionDef) -> bool:
    return any(decorator_name(d) == "classmethod" for d in node.decorators)


def class_attribute(cls: ClassValue, name: str) -> object:
    """Look ``name`` up in ``cls`` and then its user-defined bases, in order."""
    if name in cls.attributes:
        return cls.attributes[name]
    return base_attribute(cls, name)


def children_of(value: object, dunder: str) -> object:
    """What a loop or an index of ``value`` goes through: a Sequential subclass's own children (``for layer in
    self:``, ``self[0](x)`` in its ``forward``) unless its class writes ``dunder`` itself; else ``value``."""
    if isinstance(value, Instance) and value.sequential is not None and class_attribute(value.cls, dunder) is UNKNOWN:
        return value.sequential
    return value


def base_attribute(cls: ClassValue, name: str) -> object:
    """``name`` as ``super()`` finds it: in the bases of ``cls``, skipping ``cls`` itself, in their order; a
    catalogued torch layer before a user base (``class Linear(nn.Linear, Mixin)``) has its own ``__init__`` and
    ``forward``, which the torch layer's path runs."""
    for base in cls.bases:
        torch_layer = isinstance(base, ModuleRef) and torch_names.layer_kind(base.qualname) is not None
        if torch_layer and name in ("__init__", "forward"):
            return UNKNOWN
        if isinstance(base, ClassValue):
            found = class_attribute(base, name)
            if found is not UNKNOWN:
                return found
    return UNKNOWN


def has_base(cls: ClassValue, wanted: Callable[[str], bool]) -> bool:
    """Whether ``cls`` derives from an imported class ``wanted`` accepts, directly or through user classes."""
    for base in cls.bases:
        if isinstance(base, ModuleRef) and wanted(base.qualname):
            return True
        if isinstance(base, ClassValue) and has_base(base, wanted):
            return True
    return False


def is_torch_module(cls: ClassValue) -> bool:
    return has_base(cls, lambda qualname: qualname.startswith("torch.nn."))


def derives_from(cls: ClassValue, wanted: ClassValue) -> bool:
    """Whether ``cls`` is ``wanted`` or derives from it through user classes."""
    return cls is wanted or any(isinstance(base, ClassValue) and derives_from(base, wanted) for base in cls.bases)


def layer_base(cls: ClassValue) -> str | None:
    """The qualified name of the catalogued torch layer ``cls`` derives from, directly or through user classes."""
    for base in cls.bases:
        if isinstance(base, ModuleRef) and base.qualname.startswith("torch.nn"):
            if torch_names.layer_kind(base.qualname) is not None:
                return base.qualname
            continue
        found = layer_base(base) if isinstance(base, ClassValue) else None
        if found is not None:
            return found
    return None


def has_sequential_base(cls: ClassValue) -> bool:
    return has_base(cls, torch_names.SEQUENTIAL.__contains__)


def is_record(cls: ClassValue) -> bool:
    """A dataclass or NamedTuple, whose generated init assigns the annotated fields."""
    decorators = (d.decorator.func if isinstance(d.decorator, cst.Call) else d.decorator for d in cls.node.decorators)
    dataclass_decorated = any(dotted(d).rpartition(".")[2] == "dataclass" for d in decorators)
    return dataclass_decorated or has_base(cls, torch_names.RECORD_BASES.__contains__)


def record_class(cls: ClassValue) -> ClassValue | None:
    """The record whose generated init building ``cls`` runs: ``cls`` itself, or for a class that is not one, the
    nearest record among its bases (torchvision's ``MBConvConfig(_MBConvConfig)`` inherits the dataclass's init)."""
    if is_record(cls):
        return cls
    for base in cls.bases:
        found = record_class(base) if isinstance(base, ClassValue) else None
        if found is not None:
            return found
    return None


def record_fields(cls: ClassValue) -> list[str]:
    """The annotated field names of a record, those of record bases first."""
    names: list[str] = []
    for base in cls.bases:
        if isinstance(base, ClassValue) and is_record(base):
            names.extend(record_fields(base))
    for name, generic in _annotated(cls):
        if not generic.endswith("ClassVar") and name not in names:
            names.append(name)
    return names


def init_vars(cls: ClassValue) -> list[str]:
    """The fields of a dataclass annotated ``InitVar[...]``: arguments of ``__post_init__``, not attributes."""
    return [name for name, generic in _annotated(cls) if generic.endswith("InitVar")]


def _annotated(cls: ClassValue) -> Iterator[tuple[str, str]]:
    """Each ``name: annotation`` of the class body, with the annotation's outer name (``InitVar`` of
    ``InitVar[int]``)."""
    for statement in cls.node.body.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name):
                annotation = small.annotation.annotation
                generic = annotation.value if isinstance(annotation, cst.Subscript) else annotation
                yield small.target.value, dotted(generic)


def registered_modules(module: object) -> list[tuple[str, object]] | None:
    """A user module's submodules by name, in registration order; ``None`` when an attribute may hide one."""
    if not isinstance(module, Instance) or module.sequential is not None:
        return None
    found: list[tuple[str, object]] = []
    for name, value in module.attributes.items():
        if isinstance(value, (Layer, SequentialValue)) or (isinstance(value, Instance) and is_torch_module(value.cls)):
            found.append((name, value))
        elif not (operators.is_plain(value) or isinstance(value, (ModuleRef, ModuleValue, Tensor, Function))):
            return None
    return found


def module_children(module: object) -> object:
    """``module.children()``: the submodules in registration order, when every attribute is known."""
    if isinstance(module, SequentialValue):
        return ListValue([child for _, child in module.children])
    registered = registered_modules(module)
    return UNKNOWN if registered is None else ListValue([child for _, child in registered])


def is_dict_view(cls: ClassValue, name: str) -> bool:
    return name in ("items", "keys", "values") and has_base(cls, torch_names.MODULE_DICT.__contains__)


def dict_view(module: Instance, name: str) -> object:
    """``self.items()`` in an ``nn.ModuleDict`` subclass (DenseNet's dense block)."""
    registered = registered_modules(module)
    if registered is None:
        return UNKNOWN
    views = {
        "items": lambda key, child: (key, child),
        "keys": lambda key, child: key,
        "values": lambda key, child: child,
    }
    return ListValue([views[name](key, child) for key, child in registered])


ANY_METHOD = "*"
"""Among the methods called where the evaluator could not follow: one it cannot name (``getattr(model, name)()``)."""


def hasattr_of(owner: object, name: object, unfollowed: Collection[str] = ()) -> object:
    """``hasattr`` on an object whose attributes the evaluator tracks; ``unfollowed``: names of methods called where
    the receiver was not known, any of which may have set the attribute."""
    if not isinstance(name, str) or not isinstance(owner, Instance):
        return UNKNOWN
    if name in owner.attributes or class_attribute(owner.cls, name) is not UNKNOWN:
        return True
    def ran(cls: ClassValue, method_name: str) -> bool:
        """Whether ``cls``'s method of that name may have run (one not found as a function may have)."""
        method = cls.attributes.get(method_name)
        may_have = method_name in unfollowed or ANY_METHOD in unfollowed
        return may_have or not isinstance(method, Function) or method.calls > 0

    return False if owner.known and absent_means_false(owner.cls, name, ran) else UNKNOWN
