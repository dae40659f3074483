"""A torchinfo-like table for a Sequential or Module, computed statically: no torch, no forward pass."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

import libcst as cst

from shapelint.catalog.parameters import parameter_count
from shapelint.judge.checks import class_input, declared_input
from shapelint.source.positions import Positions
from shapelint.inputs.directives import find_directives
from shapelint.dims import Shape
from shapelint.evaluator.evaluate import Interpreter, Scope
from shapelint.evaluator import operators
from shapelint.dims import UNKNOWN
from shapelint.evaluator.values import ClassValue, DictValue, Instance, Layer, ListValue, SequentialValue, Tensor


class SummaryError(ValueError):
    """The requested model cannot be found or summarized."""


@dataclass(frozen=True, slots=True)
class Row:
    """One applied layer: its dotted name, type, output shape and parameter count."""

    name: str
    kind: str
    output: Shape
    params: int | None


@dataclass(frozen=True, slots=True)
class Summary:
    model: str
    input: Shape
    rows: tuple[Row, ...]
    total_params: int | None


def summarize(source: str, name: str | None = None) -> Summary:
    """Summarize the model called ``name`` (a variable or a class), or the last model defined."""
    module = cst.parse_module(source)
    directives = find_directives(source)
    positions = Positions(module)
    interpreter = Interpreter(class_input=lambda cls: class_input(cls, directives, positions))
    scope = interpreter.run_module(module)
    label, model = _pick(interpreter, scope, name)
    tensor = _input_for(model, interpreter, directives, positions)
    names, layers = _layers(model)
    trace: list[tuple[Layer, Tensor]] = []
    interpreter.propagator.trace = trace
    interpreter.propagator.mismatches.clear()
    interpreter.propagator.run(model, tensor)
    rows = tuple(_row(layer, out, names) for layer, out in trace if id(layer) in names)
    counts = [parameter_count(layer.kind.name, layer.args) for layer in layers or ()]
    total = None if layers is None or None in counts else sum(c for c in counts if c is not None)
    return Summary(label, tensor.shape, rows, total)


def _pick(interpreter: Interpreter, scope: Scope, name: str | None) -> tuple[str, object]:
    if name is not None:
        value = scope.vars.get(name)
        if isinstance(value, ClassValue):
            return name, interpreter.instantiate(value, *interpreter.default_arguments(value, skip=1))
        if isinstance(value, (SequentialValue, Instance)):
            return name, value
        raise SummaryError(f"no Sequential or nn.Module named `{name}` at module level")
    candidates = [(key, value) for key, value in scope.vars.items() if isinstance(value, (SequentialValue, ClassValue))]
    modules = [(key, value) for key, value in candidates if not isinstance(value, ClassValue) or _has_forward(value)]
    if not modules:
        raise SummaryError("no Sequential or nn.Module with forward() at module level")
    return _pick(interpreter, scope, modules[-1][0])


def _has_forward(cls: ClassValue) -> bool:
    return "forward" in cls.attributes


def _input_for(model: object, interpreter: Interpreter, directives: dict, positions: Positions) -> Tensor:
    if isinstance(model, Instance):
        found = class_input(model.cls, directives, positions)
    else:
        statement = next((stmt for seq, stmt in interpreter.sequentials if seq is model), model.node)
        found = declared_input(directives, positions, statement, model.node) if directives else None
    return found or Tensor(Shape((), open=True))


def _module_tree(model: object) -> Iterator[tuple[str, object]]:
    """Every value the model holds with its dotted name, depth first, each container once (torch's order)."""
    seen: set[int] = set()
    stack: list[tuple[str, object]] = [("", model)]
    while stack:
        name, value = stack.pop()
        yield name, value
        if isinstance(value, Layer) or id(value) in seen:
            continue
        seen.add(id(value))
        stack.extend((f"{name}.{key}" if name else key, child) for key, child in reversed(_children(value)))


def _children(value: object) -> list[tuple[str, object]]:
    if isinstance(value, SequentialValue):
        return list(value.children)
    if isinstance(value, ListValue) and value.items is not None:
        return [(str(i), item) for i, item in enumerate(value.items)]
    if isinstance(value, DictValue) and value.items is not None:
        return [(str(key), item) for key, item in value.items.items()]
    if isinstance(value, Instance):
        tail = value.sequential.children if value.sequential is not None else []
        return [*value.attributes.items(), *tail]
    return []


def _opaque(value: object) -> bool:
    """Whether the model may own modules the evaluator could not follow through ``value``."""
    if isinstance(value, (ListValue, DictValue)):
        return value.items is None
    if isinstance(value, (Layer, SequentialValue, Instance)):
        return False
    return value is UNKNOWN or not operators.is_plain(value)


def _layers(model: object) -> tuple[dict[int, str], list[Layer] | None]:
    """Each leaf layer's dotted name (its first, as ``named_modules``), and all of them unless some may be missing."""
    names: dict[int, str] = {}
    layers: dict[int, Layer] = {}
    opaque = False
    for name, value in _module_tree(model):
        if isinstance(value, Layer):
            names.setdefault(id(value), name or value.kind.name)
            layers.setdefault(id(value), value)
        opaque = opaque or _opaque(value)
    return names, None if opaque else list(layers.values())


def _row(layer: Layer, output: Tensor, names: dict[int, str]) -> Row:
    return Row(names[id(layer)], layer.kind.name, output.shape, parameter_count(layer.kind.name, layer.args))


def format_table(summary: Summary) -> str:
    """The text table, in torchinfo's layout."""
    header = ("Layer (type)", "Output Shape", "Param #")
    lines = [(f"{r.name} ({r.kind})", str(r.output), _count(r.params)) for r in summary.rows]
    widths = [max(len(row[i]) for row in [header, *lines]) + 2 for i in range(3)]
    rule = "=" * sum(widths)

    def render(cells: tuple[str, str, str]) -> str:
        return (cells[0].ljust(widths[0]) + cells[1].ljust(widths[1]) + cells[2].rjust(widths[2])).rstrip()

    body = [f"{summary.model}: input {summary.input}", rule, render(header), rule, *map(render, lines), rule]
    return "\n".join([*body, f"Total params: {_count(summary.total_params)}"])


def to_json(summary: Summary) -> str:
    layers = [
        {"name": r.name, "type": r.kind, "output_shape": _dims(r.output), "params": r.params} for r in summary.rows
    ]
    payload = {
        "model": summary.model,
        "input_shape": _dims(summary.input),
        "layers": layers,
        "total_params": summary.total_params,
    }
    return json.dumps(payload, indent=2)


def _dims(shape: Shape) -> list[object]:
    dims: list[object] = [d if isinstance(d, int) else str(d) for d in shape.dims]
    return ["...", *dims] if shape.open else dims


def _count(value: int | None) -> str:
    return "?" if value is None else f"{value:,}"
