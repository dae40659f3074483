"""A torchinfo-like table for a Sequential or Module, computed statically: no torch, no forward pass."""

from __future__ import annotations

import json
from dataclasses import dataclass

import libcst as cst

from shapelint.catalog import parameter_count
from shapelint.dims import Shape
from shapelint.evaluator import ClassValue, Evaluation, Instance, Layer, SequentialValue, Tensor, named_layers
from shapelint.inputs import resolve_inputs
from shapelint.lint import check_all
from shapelint.source import parse


class SummaryError(ValueError):
    """The requested model cannot be found or summarized."""


class SeveralModels(SummaryError):
    """The file defines several models and none was named: ``names`` are the ones to choose from."""

    def __init__(self, names: list[str]) -> None:
        super().__init__(f"the file defines {len(names)} models; name one as FILE:NAME{_listing(names)}")
        self.names = names


@dataclass(frozen=True, slots=True)
class Row:
    """One applied layer: its dotted name, type, output shape and parameter count; ``wrong`` when the layer
    rejected the input that reached it."""

    name: str
    kind: str
    output: Shape
    params: int | None
    wrong: bool = False


@dataclass(frozen=True, slots=True)
class Summary:
    model: str
    input: Shape
    rows: tuple[Row, ...]
    total_params: int | None
    findings: tuple[str, ...] = ()
    """What is wrong, under the table: the file's findings as the lint reports them, or with an input given on the
    command line, what each wrong layer says of it."""


def summarize(source: str, name: str | None = None, path: str = "<string>", given: Shape | None = None) -> Summary:
    """Summarize the model called ``name`` (a variable or a class), or the one model the file defines; ``given``
    is an input named on the command line, which wins over the file's own sources."""
    checked = check_all(parse(source), path)
    evaluation, sources = checked.evaluation, checked.sources
    label, model = _pick(evaluation, name)
    statement = next((stmt for seq, stmt in evaluation.sequentials if seq is model), None)
    inputs = (Tensor(given),) if given else resolve_inputs(model, sources.with_examples(evaluation.examples), statement)
    if inputs is not None and len(inputs) > 1:
        raise SummaryError(f"`{label}` takes {len(inputs)} inputs; the summary shows models of one input")
    tensor = inputs[0] if inputs else Tensor(Shape.anything())
    names, layers = named_layers(model)
    trace, rejected = evaluation.replay.trace(model, tensor)
    wrong = {id(mismatch.layer) for mismatch in rejected}
    applied = {id(layer): (layer, out) for layer, out in reversed(trace) if id(layer) in names}
    rows = tuple(_row(layer, out, names, id(layer) in wrong) for layer, out in reversed(applied.values()))
    counts = [parameter_count(layer.kind, layer.args) for layer in layers or ()]
    total = None if layers is None or None in counts else sum(c for c in counts if c is not None)
    found = [finding.diagnostic for finding in checked.findings]
    lint_lines = [f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}" for d in found]
    findings = [f"{m.label}: {m.error.message}" for m in rejected] if given else lint_lines
    return Summary(label, tensor.shape, rows, total, tuple(findings))


def _pick(evaluation: Evaluation, name: str | None) -> tuple[str, object]:
    names = evaluation.names
    models = [key for key, value in names.items() if isinstance(value, _MODELS) and _runs(value)]
    if name is not None:
        value = names.get(name)
        if isinstance(value, ClassValue):
            return name, evaluation.replay.build(value)
        if isinstance(value, (SequentialValue, Instance)):
            return name, value
        raise SummaryError(f"no Sequential or nn.Module named `{name}` at module level{_listing(models)}")
    if not models:
        raise SummaryError("no Sequential or nn.Module with forward() at module level")
    if len(models) > 1:
        raise SeveralModels(models)
    return _pick(evaluation, models[0])


_MODELS = (SequentialValue, ClassValue, Instance)


def _listing(models: list[str]) -> str:
    return f" (models: {', '.join(models)})" if models else ""


def _runs(value: object) -> bool:
    """A Sequential, a class with a ``forward`` that builds without arguments, or an instance of one built at module
    level because its class cannot be built without them (``model = MyCNN(1, [32, 64], 10)``)."""
    if isinstance(value, Instance):
        return _has_forward(value.cls) and _needs_arguments(value.cls)
    if isinstance(value, ClassValue):
        return _has_forward(value) and not _needs_arguments(value)
    return True


def _needs_arguments(cls: ClassValue) -> bool:
    init = getattr(cls.attributes.get("__init__"), "node", None)
    if not isinstance(init, cst.FunctionDef):
        return False
    required = [*init.params.params[1:], *init.params.kwonly_params]
    return any(param.default is None for param in required)


def _has_forward(cls: ClassValue) -> bool:
    return "forward" in cls.attributes


def _row(layer: Layer, output: Tensor, names: dict[int, str], wrong: bool) -> Row:
    return Row(names[id(layer)], layer.kind.name, output.shape, parameter_count(layer.kind, layer.args), wrong)


WRONG_MARK = "!! "
"""Starts the row of a layer that rejects the input reaching it."""


def format_table(summary: Summary) -> str:
    """The text table, in torchinfo's layout; a wrong layer's row is marked, and the findings follow the table."""
    header = ("Layer (type)", "Output Shape", "Param #")
    lines = [(f"{_mark(r)}{r.name} ({r.kind})", str(r.output), _count(r.params)) for r in summary.rows]
    widths = [max(len(row[i]) for row in [header, *lines]) + 2 for i in range(3)]
    rule = "=" * sum(widths)

    def render(cells: tuple[str, str, str]) -> str:
        return (cells[0].ljust(widths[0]) + cells[1].ljust(widths[1]) + cells[2].rjust(widths[2])).rstrip()

    body = [f"{summary.model}: input {summary.input}", rule, render(header), rule, *map(render, lines), rule]
    return "\n".join([*body, f"Total params: {_count(summary.total_params)}", *summary.findings])


def _mark(row: Row) -> str:
    return WRONG_MARK if row.wrong else ""


def to_json(summary: Summary) -> str:
    layers = [
        {"name": r.name, "type": r.kind, "output_shape": _dims(r.output), "params": r.params, "wrong": r.wrong}
        for r in summary.rows
    ]
    payload = {
        "model": summary.model,
        "input_shape": _dims(summary.input),
        "layers": layers,
        "total_params": summary.total_params,
        "findings": list(summary.findings),
    }
    return json.dumps(payload, indent=2)


def _dims(shape: Shape) -> list[object]:
    dims: list[object] = [d if isinstance(d, int) else str(d) for d in shape.dims]
    return ["...", *dims] if shape.open else dims


def _count(value: int | None) -> str:
    return "?" if value is None else f"{value:,}"
