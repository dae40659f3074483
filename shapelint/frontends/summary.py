"""A torchinfo-like table for a Sequential or Module, computed statically: no torch, no forward pass."""

from __future__ import annotations

import json
from collections.abc import Callable

import libcst as cst

from shapelint.catalog import parameter_count
from shapelint.dims import Shape, Symbol
from shapelint.evaluator import ClassValue, Evaluation, Instance, Layer, SequentialValue, Tensor, named_layers
from shapelint.frontends.report import location
from shapelint.inputs import resolve_inputs
from shapelint.judge import Diagnostic
from shapelint.lint import Checked, check_all
from shapelint.source import parse
from shapelint.table import Row, Summary, batch_of, row_mult_adds, totals


class SummaryError(ValueError):
    """The requested model cannot be found or summarized."""


class SeveralModels(SummaryError):
    """The file defines several models and none was named: ``names`` are the ones to choose from."""

    def __init__(self, names: list[str]) -> None:
        super().__init__(f"the file defines {len(names)} models; name one as FILE:NAME{_listing(names)}")
        self.names = names


def summarize(
    source: str,
    name: str | None = None,
    path: str = "<string>",
    given: tuple[Shape, ...] | None = None,
    place: Callable[[Diagnostic], Diagnostic] = lambda diagnostic: diagnostic,
) -> Summary:
    """Summarize the model called ``name`` (a variable or a class), or the one model the file defines; ``given``
    is its input (one shape per argument of ``forward``) named on the command line, which wins over the file's own
    sources.  ``place`` puts a finding where the user reads the source (a notebook's cell)."""
    checked = check_all(parse(source), path)
    label, model = _pick(checked.evaluation, name)
    first, *rest = _inputs(checked, label, model, given)
    names, layers = named_layers(model)
    trace, rejected = checked.evaluation.replay.trace(model, first, tuple(rest))
    wrong = {id(mismatch.layer) for mismatch in rejected}
    applied = {id(layer): (layer, out) for layer, out in reversed(trace.layers) if id(layer) in names}
    batch = batch_of(first.shape)
    rows = tuple(_row(layer, out, names, id(layer) in wrong, batch) for layer, out in reversed(applied.values()))
    counts = [parameter_count(layer.kind, layer.args) for layer in layers or ()]
    total = None if layers is None or None in counts else sum(c for c in counts if c is not None)
    found = [place(finding.diagnostic) for finding in checked.findings]
    lint_lines = [f"{location(d)}: {d.code} {d.message}" for d in found]
    findings = [f"{m.label}: {m.error.message}" for m in rejected] if given else lint_lines
    ran = [(layer, out.shape) for layer, out in trace.layers if id(layer) in names]
    shapes = tuple(tensor.shape for tensor in (first, *rest))
    statistics = totals(source, shapes, ran, layers, total)
    return Summary(label, first.shape, rows, total, tuple(findings), statistics, shapes[1:])


def _inputs(checked: Checked, label: str, model: object, given: tuple[Shape, ...] | None) -> tuple[Tensor, ...]:
    """One tensor per argument ``forward`` needs: those given, or the file's; unknown where nothing says, so that
    what depends on an input nobody gave stays unknown."""
    evaluation = checked.evaluation
    statement = next((stmt for seq, stmt in evaluation.sequentials if seq is model), None)
    named = evaluation.names.get(label)
    subject = named if isinstance(named, ClassValue) else model  # a class's example calls ran other instances of it
    sources = checked.sources.with_examples(evaluation.examples)
    inputs = tuple(map(Tensor, given)) if given else resolve_inputs(subject, sources, statement)
    known = inputs or ()
    return known + (Tensor(Shape.anything()),) * max(_required_inputs(model) - len(known), 0 if known else 1)


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
    """Whether building ``cls`` takes arguments; a class that inherits a torch layer's constructor
    (``class WSConv(nn.Conv2d)``) takes that layer's sizes."""
    init = _method(cls, "__init__")
    if init is None:
        return any(getattr(base, "qualname", None) not in _MODULE for base in cls.bases)
    required = [*init.params.params[1:], *init.params.kwonly_params]
    return any(param.default is None for param in required)


_MODULE = ("torch.nn.Module", "torch.nn.modules.module.Module")


def _method(cls: ClassValue, name: str) -> cst.FunctionDef | None:
    """The method ``name`` of ``cls`` or of its first user-defined base that has it."""
    node = getattr(cls.attributes.get(name), "node", None)
    if isinstance(node, cst.FunctionDef):
        return node
    bases = (_method(base, name) for base in cls.bases if isinstance(base, ClassValue))
    return next((found for found in bases if found is not None), None)


def _required_inputs(model: object) -> int:
    """How many arguments ``forward`` needs; 1 where that is not known."""
    cls = model.cls if isinstance(model, Instance) else model
    forward = _method(cls, "forward") if isinstance(cls, ClassValue) else None
    if forward is None:
        return 1
    return sum(param.default is None for param in forward.params.params[1:])


def _has_forward(cls: ClassValue) -> bool:
    return "forward" in cls.attributes


def _row(layer: Layer, output: Tensor, names: dict[int, str], wrong: bool, batch: Symbol | None) -> Row:
    params = parameter_count(layer.kind, layer.args)
    return Row(
        names[id(layer)], layer.kind.name, output.shape, params, wrong, row_mult_adds(layer, output.shape, batch)
    )


def to_json(summary: Summary) -> str:
    layers = [
        {
            "name": r.name,
            "type": r.kind,
            "output_shape": _dims(r.output),
            "params": r.params,
            "mult_adds": r.mult_adds,
            "wrong": r.wrong,
        }
        for r in summary.rows
    ]
    payload = {
        "model": summary.model,
        "input_shape": _dims(summary.input),
        "input_shapes": [_dims(shape) for shape in (summary.input, *summary.more_inputs)],
        "layers": layers,
        "total_params": summary.total_params,
        **{key: getattr(summary.totals, key) for key in _TOTALS},
        "findings": list(summary.findings),
    }
    return json.dumps(payload, indent=2)


_TOTALS = ("trainable", "mult_adds", "input_bytes", "activation_bytes", "param_bytes", "batch")


def _dims(shape: Shape) -> list[object]:
    dims: list[object] = [d if isinstance(d, int) else str(d) for d in shape.dims]
    return ["...", *dims] if shape.open else dims
