"""The text of ``Sequential.summary()``: computed from shapes alone, so no weight is materialised."""

from __future__ import annotations

from collections.abc import Iterator

from shapelint.runtime.module import Module

HEADERS = ("Layer (type)", "Output shape", "Param #")


def _rows(module: Module, path: str, depth: int) -> Iterator[tuple[str, str, str]]:
    for index, layer in enumerate(module.layers):
        where = f"{path}{index}"
        name = "  " * depth + f"{where}: {type(layer).__name__}"
        if layer.is_container:
            yield name, str(layer.built_output), "--"
            yield from _rows(layer, where + ".", depth + 1)
        else:
            yield name, str(layer.built_output), f"{layer.num_parameters():,}"


def render(model: Module) -> str:
    rows = list(_rows(model, "", 0))
    widths = [max(len(cell) for cell in column) for column in zip(HEADERS, *rows)]
    width = sum(widths) + 4 * (len(widths) - 1)

    def line(cells: tuple[str, str, str]) -> str:
        return "    ".join((cells[0].ljust(widths[0]), cells[1].ljust(widths[1]), cells[2].rjust(widths[2])))

    params, buffers = model.num_parameters(), model.num_parameters(trainable=False)
    size = sum(spec.nbytes for _, spec in model.named_specs())
    return "\n".join(
        [
            f"Input shape: {model.built_input}",
            "=" * width,
            line(HEADERS),
            "=" * width,
            *(line(row) for row in rows),
            "=" * width,
            f"Total params: {params:,}",
            f"Buffers (running statistics): {buffers:,}",
            f"Parameters and buffers size: {size / 2**20:,.2f} MB",
            "=" * width,
        ]
    )
