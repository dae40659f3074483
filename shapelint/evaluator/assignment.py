"""Binding and mutation: names, unpacking, attributes (as ``nn.Module.__setattr__`` does), items and lists.

Under uncertainty a stored attribute, a list change or a registered child
becomes unknown instead of taking a value that might never be set.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from shapelint.dims import UNKNOWN
from shapelint.evaluator import classes, data_pipeline, modes, operators
from shapelint.evaluator.functions import parameters_of
from shapelint.evaluator.machine import Machine
from shapelint.evaluator.namespace_writes import forget_namespace, forget_scope, is_scope_view
from shapelint.evaluator.values import (
    Array,
    ClassValue,
    DictValue,
    Function,
    Instance,
    Layer,
    ListValue,
    ModuleRef,
    ModuleValue,
    Options,
    Scope,
    SequentialValue,
    Tensor,
    birth,
)
from shapelint.source import syntax_children


def assign(m: Machine, target: cst.BaseExpression | str, value: object, scope: Scope) -> None:
    kind = type(target)
    if kind is str:
        scope.vars[target] = value  # type: ignore[index]
    elif kind is cst.Name:
        name = target.value  # type: ignore[union-attr]
        if scope.parent is None and name in scope.vars and isinstance(value, (Tensor, Array)):
            m.rebound[id(scope), name] = birth()
        scope.vars[name] = value
        scope.sources.pop(name, None)
    elif kind is cst.Tuple or kind is cst.List:
        _assign_unpacked(m, target, value, scope)  # type: ignore[arg-type]
    elif kind is cst.Attribute:
        modes.note_write(m.propagator, target)  # type: ignore[arg-type]
        _assign_attribute(m, target, value, scope)  # type: ignore[arg-type]
    elif kind is cst.Subscript:
        _assign_item(m, target, value, scope)  # type: ignore[arg-type]


def _assign_unpacked(m: Machine, target: cst.Tuple | cst.List, value: object, scope: Scope) -> None:
    items = operators.iterate(value)
    elements = target.elements
    if items is None or len(items) != len(elements) or any(isinstance(e, cst.StarredElement) for e in elements):
        items = [UNKNOWN] * len(elements)
    for element, item in zip(elements, items):
        assign(m, element.value, item, scope)


def _assign_attribute(m: Machine, target: cst.Attribute, value: object, scope: Scope) -> None:
    owner = m.ev(target.value, scope)
    m.mutations += 1
    if isinstance(owner, Instance):
        store_attribute(m, owner, target.attr.value, value)
    elif isinstance(owner, Layer):
        reconfigure(owner, target.attr.value)
    elif isinstance(owner, SequentialValue):
        _register_child(m, owner, target.attr.value, UNKNOWN if m.uncertain_for(owner) else value)
    elif isinstance(owner, Options) and owner.values is not None:
        owner.values[target.attr.value] = UNKNOWN if m.uncertain else value
    elif isinstance(owner, (ClassValue, ModuleValue)):
        _store_global(m, owner, target.attr.value, value)
    elif isinstance(owner, Array) and target.attr.value == "shape":  # ``X.shape = (10, 3)`` reshapes in place
        assign(m, target.value, UNKNOWN, scope)
    elif isinstance(owner, (data_pipeline.DatasetValue, data_pipeline.TensorRows)):  # ``train.data = ...[:6400]``
        assign(m, target.value, data_pipeline.without_length(owner), scope)


def _store_global(m: Machine, owner: ClassValue | ModuleValue, name: str, value: object) -> None:
    """``Net.hidden = 20`` before ``Net()``, ``config.HIDDEN = 32`` before the model reads it: the class's or the
    module's name changes for every later reader."""
    names = owner.attributes if isinstance(owner, ClassValue) else owner.scope.vars
    names[name] = UNKNOWN if m.uncertain else value


def store_attribute(m: Machine, owner: Instance, name: str, value: object) -> None:
    """``owner.name = value`` as torch's ``Module.__setattr__`` does it.

    On a Sequential subclass a module, or what may be one, also joins the
    children its ``forward`` runs, in registration order.
    """
    if name in owner.attributes and owner.attributes[name] is value:
        return  # ``self.model = self.model.cuda()``: the same object, whether or not the line runs
    value = UNKNOWN if m.uncertain_for(owner) else value
    m.mutations += 1
    owner.attributes[name] = value
    if owner.layer is not None:
        reconfigure(owner.layer, name)
    if isinstance(value, SequentialValue) and name in _looped_over(m, owner):
        m.record.taken_apart.add(id(value))
    if owner.sequential is not None:
        _register_child(m, owner.sequential, name, value)


def reconfigure(layer: Layer, name: str) -> None:
    """``conv.stride = (1, 1)`` after construction (SSD's backbone): torch's ``forward`` reads the attribute, so
    the argument of that name is no longer the one written."""
    if name in layer.args:
        layer.args[name] = UNKNOWN
    layer.replaced.add(name)


def _register_child(m: Machine, sequential: SequentialValue, name: str, value: object) -> None:
    """A module, or what may be one, set as an attribute of a Sequential replaces the child of that name or joins
    the chain at its end, as ``Module.__setattr__`` registers it (``seq.fc = nn.Linear(5, 10)``)."""
    if operators.is_plain(value) or isinstance(value, (Tensor, Function, ModuleRef, ModuleValue)):
        return
    names = [key for key, _ in sequential.children]
    if name in names:
        sequential.children[names.index(name)] = (name, value)
    else:
        sequential.children.append((name, value))
    m.record.children.add(id(value))


def _looped_over(m: Machine, owner: Instance) -> frozenset[str]:
    """The attributes the owner's ``forward`` loops over (``for blk in self.net``, ``enumerate(self.net)``): a
    Sequential gone through layer by layer, whose layers need not feed each other (a DenseNet block), even before
    the ``forward`` runs.  Worked out once per ``forward``: a zoo sets thousands of Sequentials."""
    forward = classes.class_attribute(owner.cls, "forward")
    if not isinstance(forward, Function):
        return frozenset()
    key = id(forward.node)
    if key not in m.looped:
        m.looped[key] = _looped_in(forward)
    return m.looped[key]


def _looped_in(forward: Function) -> frozenset[str]:
    positional = parameters_of(forward).positional
    if not positional:
        return frozenset()
    receiver = positional[0]
    looped: set[str] = set()
    stack: list[cst.CSTNode] = [forward.node.body]
    while stack:
        node = stack.pop()
        if isinstance(node, (cst.For, cst.CompFor)):
            looped.update(_receiver_attributes(node.iter, receiver))
        stack.extend(syntax_children(node))
    return frozenset(looped)


def _receiver_attributes(iterable: cst.BaseExpression, receiver: str) -> list[str]:
    """``self.net`` in ``self.net`` or ``enumerate(self.net)``."""
    candidates = [arg.value for arg in iterable.args] if isinstance(iterable, cst.Call) else [iterable]
    return [
        candidate.attr.value
        for candidate in candidates
        if isinstance(candidate, cst.Attribute)
        and isinstance(candidate.value, cst.Name)
        and candidate.value.value == receiver
    ]


def set_attribute(m: Machine, args: list[object]) -> None:
    """``setattr(obj, name, value)``; an unknown name may overwrite any attribute."""
    owner, name, value = args
    if isinstance(owner, (ClassValue, ModuleValue, Options)):
        m.mutations += 1
        if not isinstance(name, str):
            forget_namespace(owner)
        elif isinstance(owner, Options):
            if owner.values is not None:
                owner.values[name] = UNKNOWN if m.uncertain else value
        else:
            _store_global(m, owner, name, value)
    if not isinstance(owner, Instance):
        return
    m.mutations += 1
    if isinstance(name, str):
        store_attribute(m, owner, name, value)
    else:
        owner.attributes.clear()
        owner.known = False
        if owner.sequential is not None:
            owner.sequential.children.append(("?", UNKNOWN))


def add_module(m: Machine, owner: object, name: object, module: object) -> None:
    """``owner.add_module(name, module)``: a new Sequential child or a new attribute."""
    value = UNKNOWN if m.uncertain_for(owner) else module
    m.mutations += 1
    if isinstance(owner, SequentialValue):
        names = [key for key, _ in owner.children]
        if isinstance(name, str) and name in names:  # a second child of the same name replaces the first, in place
            owner.children[names.index(name)] = (name, value)
        else:
            owner.children.append((name if isinstance(name, str) else "?", value))
        m.record.children.add(id(module))
    elif isinstance(owner, Instance):
        set_attribute(m, [owner, name, module])


def _assign_item(m: Machine, target: cst.Subscript, value: object, scope: Scope) -> None:
    if len(target.slice) != 1:
        return
    if isinstance(target.slice[0].slice, cst.Slice):
        _assign_slice(m, _items_of(m.ev(target.value, scope)), target.slice[0].slice, value, scope)
        return
    if not isinstance(target.slice[0].slice, cst.Index):
        return
    if is_scope_view(target.value):  # ``globals()[name] = value``
        forget_scope(scope)
        return
    if isinstance(target.value, cst.Attribute) and target.value.attr.value == "_modules":
        _assign_module(m, m.ev(target.value.value, scope), m.ev(target.slice[0].slice.value, scope), value)
        return
    container = _items_of(m.ev(target.value, scope))
    key = m.ev(target.slice[0].slice.value, scope)
    m.items_changed()
    if isinstance(container, DictValue) and container.items is not None:
        if m.uncertain_for(container) or key is UNKNOWN:
            container.items = None
        else:
            container.items[key] = value
    elif isinstance(container, ListValue):
        mutate_list(m, container, lambda items: items.__setitem__(position(key), value), key)
    elif isinstance(container, SequentialValue):
        _replace_child(container, key, UNKNOWN if m.uncertain_for(container) else value)


def _items_of(container: object) -> object:
    """What ``container[i] = value`` changes: a Sequential subclass's own children (torchvision's
    ``Conv2dNormActivation``: ``model.features[0][0] = nn.Conv2d(1, ...)``), else the container itself."""
    if isinstance(container, Instance) and container.sequential is not None:
        return container.sequential
    return container


def _assign_slice(m: Machine, container: object, part: cst.Slice, value: object, scope: Scope) -> None:
    """``dims[:1] = [12]``: the list's items replaced as Python does; unknown bounds or items leave it unknown."""
    if isinstance(container, SequentialValue):
        container.children[:] = [(name, UNKNOWN) for name, _ in container.children]
        return
    if not isinstance(container, ListValue):
        return
    window = _slice_key(m, part, scope)
    items = operators.iterate(value)
    if items is None or not isinstance(window, slice):
        mutate_list(m, container, lambda items: None, UNKNOWN)
        return
    mutate_list(m, container, lambda old: old.__setitem__(window, items))


def _slice_key(m: Machine, part: cst.Slice, scope: Scope) -> object:
    """``[a:b:c]`` as a slice when its bounds are known integers (or left out), else unknown."""
    bounds = [m.ev(bound, scope) if bound is not None else None for bound in (part.lower, part.upper, part.step)]
    known = [bound for bound in bounds if bound is None or isinstance(bound, int)]
    return slice(*known) if len(known) == len(bounds) else UNKNOWN


def _assign_module(m: Machine, owner: object, key: object, value: object) -> None:
    """``owner._modules[key] = module``: the child of that name, as ``setattr`` would register it."""
    if isinstance(owner, Instance):
        set_attribute(m, [owner, key, value])
    elif isinstance(owner, SequentialValue):
        if isinstance(key, str) and not m.uncertain_for(owner):
            _register_child(m, owner, key, value)
        else:
            owner.children[:] = [(name, UNKNOWN) for name, _ in owner.children]


def position(value: object) -> int:
    """A list position, with the ``TypeError`` Python raises for anything else."""
    if not isinstance(value, int):
        raise TypeError(f"list indices must be integers, not {type(value).__name__}")
    return value


def mutate_list(m: Machine, target: ListValue, change: Callable[[list[object]], object], *inputs: object) -> object:
    """Apply ``change`` to a known list and give its result, or mark the list unknown if the change is uncertain."""
    m.items_changed()
    if target.items is None:
        return UNKNOWN
    if m.uncertain_for(target) or any(item is UNKNOWN for item in inputs):
        target.items = None
        return UNKNOWN
    try:
        return change(target.items)
    except (IndexError, TypeError, ValueError, OverflowError):
        target.items = None
        return UNKNOWN


def _replace_child(sequential: SequentialValue, key: object, value: object) -> None:
    """``seq[i] = layer``; an unknown index makes every child unknown."""
    names = [name for name, _ in sequential.children]
    if isinstance(key, int) and not isinstance(key, bool) and -len(names) <= key < len(names):
        sequential.children[key] = (names[key], value)
    else:
        sequential.children[:] = [(name, UNKNOWN) for name in names]


def delete(m: Machine, target: cst.BaseExpression, scope: Scope) -> None:
    """``del layers[-1]``, ``del self.features[-2:]``, ``del cfg["k"]``, ``del self.fc``, ``del x``: the item, slice,
    attribute or name is gone (kept, the deleted layers stayed in the chain); one not known makes its holder
    unknown."""
    if isinstance(target, (cst.Tuple, cst.List)):
        for element in target.elements:
            delete(m, element.value, scope)
    elif isinstance(target, cst.Name):
        scope.vars[target.value] = UNKNOWN
    elif isinstance(target, cst.Attribute):
        owner = m.ev(target.value, scope)
        if isinstance(owner, Instance):
            m.mutations += 1
            owner.attributes.pop(target.attr.value, None)
    elif isinstance(target, cst.Subscript) and len(target.slice) == 1:
        container = m.ev(target.value, scope)
        part = target.slice[0].slice
        if isinstance(part, cst.Slice):
            key: object = _slice_key(m, part, scope)
        else:
            key = m.ev(part.value, scope) if isinstance(part, cst.Index) else UNKNOWN
        _delete_item(m, _items_of(container), key)


def _delete_item(m: Machine, container: object, key: object) -> None:
    m.items_changed()
    if isinstance(container, ListValue):
        mutate_list(m, container, lambda items: items.__delitem__(key), key)  # type: ignore[arg-type]
    elif isinstance(container, SequentialValue):
        if isinstance(key, (int, slice)) and not isinstance(key, bool) and not m.uncertain_for(container):
            try:
                del container.children[key]
                return
            except IndexError:
                pass
        container.children[:] = [(name, UNKNOWN) for name, _ in container.children]
    elif isinstance(container, DictValue) and container.items is not None:
        if key is UNKNOWN or m.uncertain_for(container) or not operators.hashable(key):
            container.items = None
        else:
            container.items.pop(key, None)
