"""``summary()``: the table ``shapelint summary`` prints, from the built shapes alone, so no weight is materialised."""

from __future__ import annotations

from collections.abc import Iterator

from shapelint.runtime.layer import Layer
from shapelint.runtime.module import Module

from shapelint.catalog import parameter_count
from shapelint.dims import Symbol
from shapelint.table import Row, Summary, batch_of, format_table, row_mult_adds, totals


def _leaves(module: Module, path: str) -> Iterator[tuple[str, Layer]]:
    """Each layer with its dotted name, as the table names a source model's (``2.1`` inside a nested Sequential)."""
    for index, layer in enumerate(module.layers):
        if isinstance(layer, Layer):
            yield f"{path}{index}", layer
        else:
            yield from _leaves(layer, f"{path}{index}.")


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
