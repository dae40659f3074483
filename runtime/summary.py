"""The text of ``Sequential.summary()``: computed from shapes alone, so no weight is materialised."""

from __future__ import annotations

from collections.abc import Iterator

from shapelint.runtime.module import Module

HEADERS = ("Layer (type)", "Output shape", "Param #")
Row = tuple[str, str, str]


def rows(module: Module, path: str = "", depth: int = 0) -> Iterator[Row]:
    """A Sequential's rows, its nested containers' layers indented under them."""
    for index, layer in enumerate(module.layers):
        yield from row(layer, f"{path}{index}", str(layer.built_output), depth)


def row(module: Module, where: str, output: str, depth: int) -> Iterator[Row]:
    """One module's row, then its children's if it is a container."""
    name = "  " * depth + f"{where}: {type(module).__name__}"
    if module.is_container:
        yield name, output, "--"
        yield from rows(module, where + ".", depth + 1)
    else:
        yield name, output, f"{module.num_parameters():,}"


def render(model: Module, table: list[Row] | None = None, inputs: str | None = None) -> str:
    """The table of ``table`` (a Sequential's rows by default), under the input shape(s)."""
    if table is None:
        table = list(rows(model))
    widths = [max(len(cell) for cell in column) for column in zip(HEADERS, *table)]
    width = sum(widths) + 4 * (len(widths) - 1)

    def line(cells: tuple[str, str, str]) -> str:
        return "    ".join((cells[0].ljust(widths[0]), cells[1].ljust(widths[1]), cells[2].rjust(widths[2])))

    params, buffers = model.num_parameters(), model.num_parameters(trainable=False)
    size = sum(spec.nbytes for _, spec in model.named_specs())
    return "\n".join(
        [
            f"Input shape: {inputs or model.built_input}",
            "=" * width,
            line(HEADERS),
            "=" * width,
            *(line(cells) for cells in table),
            "=" * width,
            f"Total params: {params:,}",
            f"Buffers (running statistics): {buffers:,}",
            f"Parameters and buffers size: {size / 2**20:,.2f} MB",
            "=" * width,
        ]
    )
