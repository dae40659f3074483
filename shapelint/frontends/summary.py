"""A torchinfo-like table for a Sequential or Module, computed statically: no torch, no forward pass."""

from __future__ import annotations

import json
from dataclasses import dataclass

import libcst as cst

from shapelint.catalog import parameter_count
from shapelint.dims import Shape
from shapelint.evaluator import ClassValue, Evaluation, Instance, Layer, SequentialValue, Tensor, evaluate, named_layers
from shapelint.inputs import InputSources, find_directives, resolve_inputs
from shapelint.source import Positions, parse


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
    parsed = parse(source)
    positions = Positions(parsed.module, parsed.tree, parsed.text)
    sources = InputSources(find_directives(parsed.text, parsed.tree), positions)
    evaluation = evaluate(parsed.module, lambda model, statement: resolve_inputs(model, sources, statement))
    label, model = _pick(evaluation, name)
    statement = next((stmt for seq, stmt in evaluation.sequentials if seq is model), None)
    inputs = resolve_inputs(model, sources.with_examples(evaluation.examples), statement)
    if inputs is not None and len(inputs) > 1:
        raise SummaryError(f"`{label}` takes {len(inputs)} inputs; the summary shows models of one input")
    tensor = inputs[0] if inputs else Tensor(Shape.anything())
    names, layers = named_layers(model)
    trace = evaluation.replay.trace(model, tensor)
    rows = tuple(_row(layer, out, names) for layer, out in trace if id(layer) in names)
    counts = [parameter_count(layer.kind, layer.args) for layer in layers or ()]
    total = None if layers is None or None in counts else sum(c for c in counts if c is not None)
    return Summary(label, tensor.shape, rows, total)


def _pick(evaluation: Evaluation, name: str | None) -> tuple[str, object]:
    names = evaluation.names
    if name is not None:
        value = names.get(name)
        if isinstance(value, ClassValue):
            return name, evaluation.replay.build(value)
        if isinstance(value, (SequentialValue, Instance)):
            return name, value
        raise SummaryError(f"no Sequential or nn.Module named `{name}` at module level")
    models = (SequentialValue, ClassValue, Instance)
    candidates = [(key, value) for key, value in names.items() if isinstance(value, models)]
    modules = [(key, value) for key, value in candidates if _runs(value)]
    if not modules:
        raise SummaryError("no Sequential or nn.Module with forward() at module level")
    return _pick(evaluation, modules[-1][0])


def _runs(value: object) -> bool:
    """A Sequential, a class with a ``forward``, or an instance of one built at module level because its class
    cannot be built without arguments (``model = MyCNN(1, [32, 64], 10)``)."""
    if isinstance(value, Instance):
        return _has_forward(value.cls) and _needs_arguments(value.cls)
    return not isinstance(value, ClassValue) or _has_forward(value)


def _needs_arguments(cls: ClassValue) -> bool:
    init = getattr(cls.attributes.get("__init__"), "node", None)
    if not isinstance(init, cst.FunctionDef):
        return False
    required = [*init.params.params[1:], *init.params.kwonly_params]
    return any(param.default is None for param in required)


def _has_forward(cls: ClassValue) -> bool:
    return "forward" in cls.attributes


def _row(layer: Layer, output: Tensor, names: dict[int, str]) -> Row:
    return Row(names[id(layer)], layer.kind.name, output.shape, parameter_count(layer.kind, layer.args))


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
