"""The torchinfo-like table both summaries print: ``shapelint summary`` on source and a runtime model's
``summary()``; one layout, so the two can be compared line by line."""

from __future__ import annotations

from dataclasses import dataclass, field

from shapelint.dims import Shape
from shapelint.table.statistics import Totals


@dataclass(frozen=True, slots=True)
class Row:
    """One applied layer: its dotted name, type, output shape and parameter count; ``wrong`` when the layer
    rejected the input that reached it."""

    name: str
    kind: str
    output: Shape
    params: int | None
    wrong: bool = False
    mult_adds: int | None = None


@dataclass(frozen=True, slots=True)
class Summary:
    model: str
    input: Shape
    rows: tuple[Row, ...]
    total_params: int | None
    findings: tuple[str, ...] = ()
    totals: Totals = field(default_factory=Totals)
    more_inputs: tuple[Shape, ...] = ()
    """The further inputs of a ``forward`` that takes several."""
    """What is wrong, under the table: the file's findings as the lint reports them, or with an input given on the
    command line, what each wrong layer says of it."""


WRONG_MARK = "!! "
"""Starts the row of a layer that rejects the input reaching it."""


def format_table(summary: Summary) -> str:
    """The text table, in torchinfo's layout; a wrong layer's row is marked, and the findings follow the table."""
    header = ("Layer (type)", "Output Shape", "Param #", "Mult-Adds")
    lines = [
        (f"{_mark(r)}{r.name} ({r.kind})", str(r.output), _count(r.params), _count(r.mult_adds)) for r in summary.rows
    ]
    widths = [max(len(row[i]) for row in [header, *lines]) + 2 for i in range(len(header))]
    rule = "=" * sum(widths)

    def render(cells: tuple[str, ...]) -> str:
        return (
            cells[0].ljust(widths[0])
            + cells[1].ljust(widths[1])
            + "".join(cell.rjust(width) for cell, width in zip(cells[2:], widths[2:]))
        ).rstrip()

    shapes = ", ".join(str(shape) for shape in (summary.input, *summary.more_inputs))
    body = [f"{summary.model}: input {shapes}", rule, render(header), rule, *map(render, lines), rule]
    return "\n".join([*body, *_footer(summary, rule), *summary.findings])


def _footer(summary: Summary, rule: str) -> list[str]:
    """torchinfo's totals, in its words and units."""
    totals, params = summary.totals, summary.total_params
    untrained = None if params is None or totals.trainable is None else params - totals.trainable
    sizes = (totals.input_bytes, totals.activation_bytes, totals.param_bytes)
    whole = None if None in sizes else sum(size for size in sizes if size is not None)
    lines = [
        f"Total params: {_count(params)}",
        f"Trainable params: {_count(totals.trainable)}",
        f"Non-trainable params: {_count(untrained)}",
        f"Total mult-adds{_units(totals.mult_adds)}",
        rule,
        f"Input size (MB): {_megabytes(totals.input_bytes)}",
        f"Forward/backward pass size (MB): {_megabytes(totals.activation_bytes)}",
        f"Params size (MB): {_megabytes(totals.param_bytes)}",
        f"Estimated Total Size (MB): {_megabytes(whole)}",
        rule,
    ]
    return lines + ([f"Sizes and mult-adds are for a batch of 1 ({totals.batch} = 1)."] if totals.batch else [])


def _units(count: int | None) -> str:
    """``(M): 0.42`` as torchinfo writes a count: millions, or billions and trillions when that large."""
    if count is None:
        return ": ?"
    unit, scale = next(
        (unit, scale) for unit, scale in (("T", 1e12), ("G", 1e9), ("M", 1e6)) if count >= scale or unit == "M"
    )
    value = count / scale
    return f" ({unit}): {int(value):,}" if value.is_integer() else f" ({unit}): {value:,.2f}"


def _megabytes(size: int | None) -> str:
    return "?" if size is None else f"{size / 1e6:0.2f}"


def _mark(row: Row) -> str:
    return WRONG_MARK if row.wrong else ""


def _count(value: int | None) -> str:
    return "?" if value is None else f"{value:,}"
