"""``summary()``: the table ``shapelint summary`` prints, from the built shapes alone, so no weight is materialised."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from shapelint.runtime.layer import Layer
from shapelint.runtime.module import Module

from shapelint.catalog import parameter_count
from shapelint.dims import Shape, Symbol
from shapelint.table import Row, Summary, batch_of, format_table, row_mult_adds, totals


def _leaves(module: Module, path: str) -> Iterator[tuple[str, Layer]]:
    """Each layer with its dotted name, as the table names a source model's (``2.1`` inside a nested Sequential)."""
    for index, layer in enumerate(module.layers):
        if isinstance(layer, Layer):
            yield f"{path}{index}", layer
        else:
            yield from _leaves(layer, f"{path}{index}.")


def leaves(module: Module) -> Iterator[tuple[str, Layer, Shape]]:
    """A container's layers with their dotted names and the shapes they gave when built."""
    for name, layer in _leaves(module, ""):
        assert layer.built_output is not None
        yield name, layer, layer.built_output


def summarize(model: Module) -> Summary:
    """The rows and torchinfo's totals of a built model, for a batch of 1 in place of its symbolic batch."""
    assert model.built_input is not None
    named = list(_leaves(model, ""))
    batch = batch_of(model.built_input)
    rows = tuple(_row(name, layer, batch) for name, layer in named)
    applied = [(layer, row.output) for (_, layer), row in zip(named, rows)]
    params = model.num_parameters()
    statistics = totals("", (model.built_input,), applied, [layer for _, layer in named], params)
    return Summary(type(model).__name__, model.built_input, rows, params, totals=statistics)


def _row(name: str, layer: Layer, batch: Symbol | None) -> Row:
    output = layer.built_output
    assert output is not None
    params = parameter_count(layer.kind, layer.args)
    return Row(name, layer.kind.name, output, params, mult_adds=row_mult_adds(layer, output, batch))


def render(model: Module) -> str:
    return format_table(summarize(model))


Call = tuple[str, Module, Shape, bool]
"""One call in a graph model: its dotted name, the module, the shape it gave, and whether the module ran before."""


def render_calls(model: Module, inputs: Sequence[Shape], calls: Sequence[Call]) -> str:
    """A graph model's table, one row per call in the order written; a shared module's later calls count no
    parameters (torchinfo's "recursive" rows), and a graph operation (``Add``, ``Cat``...) has none."""
    batch = batch_of(inputs[0])
    rows: list[Row] = []
    applied: list[tuple[Layer, Shape]] = []
    for name, module, output, shared in calls:
        if not isinstance(module, Layer):
            rows.append(Row(name, type(module).__name__, output, 0))
            continue
        params = 0 if shared else parameter_count(module.kind, module.args)
        kind = f"{module.kind.name}, shared" if shared else module.kind.name
        rows.append(Row(name, kind, output, params, mult_adds=row_mult_adds(module, output, batch)))
        applied.append((module, output))
    layers = list({id(module): module for _, module, _, _ in calls if isinstance(module, Layer)}.values())
    params = model.num_parameters()
    statistics = totals("", tuple(inputs), applied, layers, params)
    summary = Summary(type(model).__name__, inputs[0], tuple(rows), params, totals=statistics)
    return format_table(replace(summary, more_inputs=tuple(inputs[1:])))
