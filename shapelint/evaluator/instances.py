"""Constructing user classes: ``__init__``, dataclass and NamedTuple records, and default constructions."""

from __future__ import annotations

import libcst as cst

from shapelint.dims import UNKNOWN
from shapelint.evaluator import classes, operators
from shapelint.evaluator.functions import call_function, default_arguments, parameters_of
from shapelint.evaluator.machine import Machine
from shapelint.evaluator.torch_calls import init_layer
from shapelint.evaluator.values import CallSite, ClassValue, Configuration, FieldDefault, Function, Instance


def instantiate(
    m: Machine,
    cls: ClassValue,
    args: list[object],
    kwargs: dict[str, object],
    site: CallSite | None = None,
    node: cst.Call | None = None,
) -> object:
    """``node``: the call, when the class was called in the source (a torch layer's ``__init__`` keeps its nodes)."""
    instance = Instance(cls, built=Configuration(node, _factory(m, node)) if node is not None else None)
    instance.given = (list(args), dict(kwargs)) if node is not None else None
    init = classes.class_attribute(cls, "__init__")
    qualname = classes.layer_base(cls)
    if isinstance(init, Function):
        call_function(m, init, [instance, *args], kwargs, site and site.after_self())
    elif qualname is not None and node is not None and site is not None:
        init_layer(m, instance, qualname, node, (args, kwargs), site.scope)
    elif (record := classes.record_class(cls)) is not None:
        fill_record(m, instance, record, (args, kwargs))
    elif (args or kwargs) and not classes.is_torch_module(cls):
        instance.known = False
    if node is not None and isinstance(classes.class_attribute(cls, "forward"), Function):
        m.record.constructed.append((instance, m.statement if _is_value_of(m.statement, node) else None))
    return instance


def _factory(m: Machine, node: cst.Call) -> str | None:
    """The module-level function that returns the construction (``def resnet50(): return ResNet(...)``)."""
    if not m.frames or not isinstance(m.statement, cst.SimpleStatementLine) or not _is_value_of(m.statement, node):
        return None
    if not isinstance(m.statement.body[0], cst.Return):
        return None
    function = m.frames[-1][0]
    return function.node.name.value if function.owner is None and function.node.name.value != "lambda" else None


def _is_value_of(statement: cst.CSTNode | None, node: cst.Call) -> bool:
    """``model = MyCNN(...)``, ``return MyCNN(...)``: the call is what the statement stores or returns."""
    if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
        return False
    small = statement.body[0]
    return isinstance(small, (cst.Assign, cst.AnnAssign, cst.Expr, cst.Return)) and small.value is node


def default_instance(m: Machine, cls: ClassValue) -> object:
    """``cls`` built as a call that passes nothing would build it: defaults, and unknown for the rest."""
    return instantiate(m, cls, *construction_defaults(cls))


def construction_defaults(cls: ClassValue) -> tuple[list[object], dict[str, object]]:
    """The arguments of a construction nobody wrote: the defaults, except that a ``None`` default is unknown.  A
    ``None`` default usually stands for a value the caller must give or the class computes (``nn.Upsample``'s
    ``size=None, scale_factor=None``); read as ``None``, it would report errors of a configuration nobody builds."""
    init = classes.class_attribute(cls, "__init__")
    if not isinstance(init, Function):
        return [], {}
    args, kwargs = default_arguments(init, skip=1)
    unknown_if_none = {key: UNKNOWN if value is None else value for key, value in kwargs.items()}
    return [UNKNOWN if arg is None else arg for arg in args], unknown_if_none


def fill_record(
    m: Machine, instance: Instance, record: ClassValue, arguments: tuple[list[object], dict[str, object]]
) -> None:
    """The generated init of ``record`` (a dataclass or NamedTuple) on ``instance``, which may be of a subclass:
    arguments by field order, then defaults, then the instance's ``__post_init__``."""
    args, kwargs = arguments
    names = classes.record_fields(record)
    defaults = {name: classes.class_attribute(record, name) for name in names}
    reordered = any(isinstance(value, FieldDefault) and value.reorders for value in defaults.values())
    if len(args) > len(names) or any(name not in names for name in kwargs) or (args and reordered):
        instance.known = False
        return
    for index, name in enumerate(names):
        if index < len(args):
            instance.attributes[name] = args[index]
        else:
            instance.attributes[name] = kwargs[name] if name in kwargs else _field_default(m, defaults[name])
    post_init = classes.class_attribute(instance.cls, "__post_init__")
    passed = [instance.attributes.pop(name, UNKNOWN) for name in classes.init_vars(record)]
    if isinstance(post_init, Function):
        call_function(m, post_init, [instance, *passed], {})


def _field_default(m: Machine, value: object) -> object:
    """A field's default value, calling its ``default_factory`` when it has one."""
    if not isinstance(value, FieldDefault):
        return value
    factory = value.factory
    if isinstance(factory, Function):
        return call_function(m, factory, [], {})
    if isinstance(factory, ClassValue):
        return instantiate(m, factory, [], {})
    if isinstance(factory, operators.Builtin):
        return factory.call([], {})
    return value.default if factory is None else UNKNOWN


def replaced(m: Machine, node: cst.Call, args: list[object], kwargs: dict[str, object]) -> object:
    """``dataclasses.replace(cfg, in_dim=12)``: a new record built from the old one's fields and the changes, its
    ``__post_init__`` run again, as ``replace`` does."""
    record = args[0] if len(args) == 1 else None
    if not isinstance(record, Instance) or not record.known or not classes.is_record(record.cls):
        return UNKNOWN
    fields = {name: record.attributes.get(name, UNKNOWN) for name in classes.record_fields(record.cls)}
    return instantiate(m, record.cls, [], {**fields, **kwargs}, None, node)


def built_on_defaults(instance: Instance) -> bool:
    """Whether a default construction of its class stands for how the source built ``instance``: each value passed
    equals its parameter's default (``U_Net(img_ch=3, output_ch=1)`` where those are its defaults), or the parameter
    has none, so the default construction left it unknown (``Net(upscale_factor=opt.upscale_factor)``)."""
    if instance.given is None:
        return False
    args, kwargs = instance.given
    init = classes.class_attribute(instance.cls, "__init__")
    if not isinstance(init, Function):
        return not args and not kwargs
    names = parameters_of(init).positional[1:]
    positional, keywords = default_arguments(init, skip=1)
    defaults = {**dict(zip(names, positional)), **keywords}
    given = {**dict(zip(names, args)), **kwargs}
    same = all(name in defaults and _covers(defaults[name], value) for name, value in given.items())
    return same and len(args) <= len(names)


def _covers(default: object, value: object) -> bool:
    return default is UNKNOWN or _same(value, default)


def _same(value: object, default: object) -> bool:
    """Equal plain values of the same type (``1`` is not ``True``); anything else is taken to differ."""
    if isinstance(value, tuple) and isinstance(default, tuple):
        return len(value) == len(default) and all(map(_same, value, default))
    plain = (int, float, str, bool, type(None))
    return type(value) is type(default) and isinstance(value, plain) and value == default
