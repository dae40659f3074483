"""Which layer reads a model's input first, as the code says it plainly: the check that a declared input was
written without its batch needs that layer's kind."""

from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from shapelint.evaluator import Instance, Layer, SequentialValue


def first_layer(model: SequentialValue | Instance) -> Layer | None:
    """A Sequential's first child, or the layer a module's own ``forward`` calls first on its first argument as it
    came (``self.conv(x)`` before anything rebinds ``x``); ``None`` where the code does not say."""
    if isinstance(model, SequentialValue):
        return _as_layer(model)
    forward = getattr(model.cls.attributes.get("forward"), "node", None)
    if not isinstance(forward, cst.FunctionDef) or len(forward.params.params) < 2:
        return None
    argument = forward.params.params[1].name.value
    for node in _in_order(forward.body):
        if _rebinds(node, argument):
            return None
        name = _layer_called_on(node, argument)
        if name is not None:
            return _as_layer(model.attributes.get(name))
    return None


def _as_layer(value: object) -> Layer | None:
    if isinstance(value, SequentialValue):
        return _as_layer(value.children[0][1]) if value.children else None
    return value if isinstance(value, Layer) else None


def _in_order(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """Every node under ``node``, a call's arguments before the call (they run first)."""
    for child in node.children:
        if isinstance(child, cst.Call):
            for argument in child.args:
                yield from _in_order(argument)
            yield child
            yield from _in_order(child.func)
        else:
            yield from _in_order(child)
            yield child


def _rebinds(node: cst.CSTNode, name: str) -> bool:
    if not isinstance(node, (cst.AssignTarget, cst.AugAssign, cst.AnnAssign, cst.For, cst.NamedExpr)):
        return False
    return isinstance(node.target, cst.Name) and node.target.value == name


def _layer_called_on(node: cst.CSTNode, argument: str) -> str | None:
    """``name`` of a ``self.name(argument)`` call."""
    if not (isinstance(node, cst.Call) and len(node.args) == 1 and not node.args[0].keyword):
        return None
    func, given = node.func, node.args[0].value
    if not (isinstance(given, cst.Name) and given.value == argument):
        return None
    if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) and func.value.value == "self":
        return func.attr.value
    return None
