"""Calling ``obj.method(...)``: module registration, list and dict methods, tensor methods, ``super()``, user
methods."""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from shapelint.dims import UNKNOWN
from shapelint.evaluator import (
    array_ops,
    classes,
    data_pipeline,
    distributions,
    lightning,
    numpy_random,
    operators,
    options,
)
from shapelint.evaluator.assignment import add_module, mutate_list, position, set_attribute
from shapelint.evaluator.attributes import attribute
from shapelint.evaluator.functions import call_function
from shapelint.evaluator.instances import fill_record
from shapelint.evaluator.machine import Machine
from shapelint.evaluator.torch_calls import init_layer, init_sequential
from shapelint.evaluator.values import (
    Array,
    BoundMethod,
    CallSite,
    ClassValue,
    DictValue,
    Function,
    Instance,
    ListValue,
    OptionParser,
    SequentialValue,
    SuperValue,
    Tensor,
)
from shapelint.source import contains

MODULE_QUERIES = frozenset(
    [
        "parameters",
        "named_parameters",
        "buffers",
        "named_buffers",
        "children",
        "named_children",
        "modules",
        "named_modules",
        "state_dict",
        "zero_grad",
        "register_forward_hook",
        "register_forward_pre_hook",
        "register_full_backward_hook",
        "apply",
    ]
)
"""``nn.Module`` methods that leave a Sequential's children as they are."""


def call_method(
    m: Machine,
    method: BoundMethod,
    args: list[object],
    kwargs: dict[str, object],
    node: cst.Call,
    site: CallSite | None,
) -> object:
    obj, name = method.obj, method.name
    if name in ("add_module", "register_module") and len(args) == 2:
        add_module(m, obj, args[0], args[1])
        return None
    if name in ("register_buffer", "register_parameter", "__setattr__") and len(args) == 2:
        set_attribute(m, [obj, *args])
        return None
    if name in ("register_forward_hook", "register_forward_pre_hook") and args and _may_return(args[0]):
        m.propagator.hook(obj, before=name.endswith("pre_hook"))
        return UNKNOWN
    if name == "__getattr__" and len(args) == 1 and isinstance(obj, Instance) and isinstance(args[0], str):
        return attribute(m, obj, args[0], node)
    if name == "children" and not args and not kwargs:
        return classes.module_children(obj)
    if isinstance(obj, Instance) and obj.sequential is not None and not _defines(obj, name):
        obj = obj.sequential
    if isinstance(obj, SequentialValue):
        return _sequential_method(m, obj, name, args)
    if isinstance(obj, ListValue):
        return _list_method(m, obj, name, args)
    if isinstance(obj, DictValue) and obj.items is not None and name == "update" and m.uncertain_for(obj):
        m.items_changed()
        _maybe_updated(obj, args, kwargs)
        return None
    if isinstance(obj, DictValue) and obj.items is not None:
        if name in operators.READ_ONLY_METHODS:
            if m.uncertain_for(obj):
                m.items_changed()
            return operators.dict_method(obj, name, args)
        m.items_changed()
        done, result = operators.dict_change(obj, name, args, kwargs) if not m.uncertain_for(obj) else (False, None)
        if not done:
            obj.items = None
        return result if done else UNKNOWN
    if isinstance(obj, str):
        return operators.string_method(obj, name, args, kwargs)
    if isinstance(obj, Array):
        return array_ops.method(obj, name, args, kwargs)
    if isinstance(obj, Tensor):
        return m.tensors.method(obj, name, *operators.plain_arguments(args, kwargs), node)
    if isinstance(obj, numpy_random.Generator):
        return numpy_random.method(obj, name, args, kwargs, node)
    if isinstance(obj, data_pipeline.PilImage):
        return data_pipeline.image_method(obj, name, args) if not kwargs else UNKNOWN
    if isinstance(obj, OptionParser):
        return options.method(obj, name, args, kwargs)
    if isinstance(obj, lightning.Trainer):
        return lightning.run(m, name, args, kwargs)
    if isinstance(obj, distributions.Distribution):
        return distributions.method(obj, name, args, kwargs)
    if isinstance(obj, SuperValue):
        return _super_method(m, obj, name, args, kwargs, node, site)
    if isinstance(obj, Instance):
        return _instance_method(m, obj, name, args, kwargs, site)
    return UNKNOWN


def _maybe_updated(target: DictValue, args: list[object], kwargs: dict[str, object]) -> None:
    """``kwargs.update(extra)`` on a path that may not run: the keys ``extra`` names become unknown, the others keep
    their values (pytorch/examples' ``train_kwargs.update(accel_kwargs)`` leaves ``batch_size`` known)."""
    given = args[0] if len(args) == 1 else DictValue({})
    if not isinstance(given, DictValue) or given.items is None or len(args) > 1:
        target.items = None
        return
    for key in [*given.items, *kwargs]:
        target.items[key] = UNKNOWN  # type: ignore[index]


def _defines(instance: Instance, name: str) -> bool:
    return isinstance(classes.class_attribute(instance.cls, name), Function)


def _sequential_method(m: Machine, sequential: SequentialValue, name: str, args: list[object]) -> object:
    if name == "append" and len(args) == 1:
        add_module(m, sequential, str(len(sequential.children)), args[0])
        return sequential
    if name not in MODULE_QUERIES:
        m.mutations += 1
        sequential.children[:] = [(child, UNKNOWN) for child, _ in sequential.children]
    return UNKNOWN


LIST_CHANGES: dict[str, tuple[range, int, Callable[[list[object], list[object]], object]]] = {
    "append": (range(1, 2), 0, lambda items, args: items.append(args[0])),
    "insert": (range(2, 3), 1, lambda items, args: items.insert(position(args[0]), args[1])),
    "pop": (range(2), 1, lambda items, args: items.pop(*map(position, args))),
    "remove": (range(1, 2), 1, lambda items, args: items.remove(args[0])),
    "reverse": (range(1), 0, lambda items, args: items.reverse()),
    "clear": (range(1), 0, lambda items, args: items.clear()),
}
"""The in-place list methods followed: the argument counts each takes, how many leading arguments decide what
it does (an unknown one makes the list unknown; an unknown item appended is only an unknown item), and the
change, which gives what Python returns."""


def _list_method(m: Machine, target: ListValue, name: str, args: list[object]) -> object:
    if name in LIST_CHANGES and len(args) in LIST_CHANGES[name][0]:
        _, decisive, change = LIST_CHANGES[name]
        return mutate_list(m, target, lambda items: change(items, args), *args[:decisive])
    if name == "extend" and len(args) == 1:
        spread = operators.iterate(args[0])
        mutate_list(m, target, lambda items: items.extend(spread or []), UNKNOWN if spread is None else 0)
        return None
    if name not in operators.READ_ONLY_METHODS:
        m.items_changed()
        target.items = None
    return UNKNOWN


def _super_method(
    m: Machine,
    obj: SuperValue,
    name: str,
    args: list[object],
    kwargs: dict[str, object],
    node: cst.Call,
    site: CallSite | None,
) -> object:
    function = classes.base_attribute(obj.cls, name)  # a user base's own first (torchvision's Conv2dNormActivation)
    if isinstance(function, Function):
        return call_function(m, function, [obj.instance, *args], kwargs, site and site.after_self())
    if name == "__init__" and isinstance(obj.instance, Instance) and classes.has_sequential_base(obj.cls):
        init_sequential(m, obj.instance, node, (args, kwargs))
        return None
    record = _base_record(obj.cls) if name == "__init__" else None
    if record is not None and isinstance(obj.instance, Instance):
        fill_record(m, obj.instance, record, (args, kwargs))
        return None
    if isinstance(obj.instance, Instance):
        return _torch_layer_method(m, obj, name, args, kwargs, node, site)
    return UNKNOWN


def _base_record(cls: ClassValue) -> ClassValue | None:
    """The record among ``cls``'s bases whose generated init ``super().__init__(...)`` runs."""
    records = (classes.record_class(base) for base in cls.bases if isinstance(base, ClassValue))
    return next((record for record in records if record is not None), None)


def _torch_layer_method(
    m: Machine,
    obj: SuperValue,
    name: str,
    args: list[object],
    kwargs: dict[str, object],
    node: cst.Call,
    site: CallSite | None,
) -> object:
    """``super().__init__(...)`` and ``super().forward(x)`` reaching a catalogued torch layer's own methods."""
    instance, qualname = obj.instance, classes.layer_base(obj.cls)
    if not isinstance(instance, Instance) or qualname is None:
        return UNKNOWN
    if name == "__init__" and site is not None:
        init_layer(m, instance, qualname, node, (args, kwargs), site.scope)
        return None
    if name == "forward" and instance.layer is not None and len(args) == 1 and isinstance(args[0], Tensor):
        return m.propagator.run(instance.layer, args[0])
    return UNKNOWN


def _instance_method(
    m: Machine, obj: Instance, name: str, args: list[object], kwargs: dict[str, object], site: CallSite | None
) -> object:
    if classes.is_dict_view(obj.cls, name) and not args and not kwargs:
        return classes.dict_view(obj, name)
    function = classes.class_attribute(obj.cls, name)
    if not isinstance(function, Function):
        return UNKNOWN
    if classes.is_static(function.node):
        return call_function(m, function, args, kwargs, site)
    first = obj.cls if classes.is_classmethod(function.node) else obj
    return call_function(m, function, [first, *args], kwargs, site and site.after_self())


def _may_return(hook: object) -> bool:
    """Whether a hook may return a value, which replaces the module's input or output; one whose body never says
    ``return`` (``features.append(output)``) leaves them as they were."""
    if isinstance(hook, BoundMethod) and isinstance(hook.obj, Instance):
        hook = classes.class_attribute(hook.obj.cls, hook.name)
    if not isinstance(hook, Function):
        return True
    return contains(hook.node.body, (cst.Return,), stop=(cst.FunctionDef, cst.ClassDef, cst.Lambda))
