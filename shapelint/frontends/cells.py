"""A notebook open in the editor: its code cells read as one program, as ``shapelint`` reads the ``.ipynb`` file, and
what the program's analysis says put back in the cell it belongs to.

The editor holds each cell as a text document of its own; a finding's lines, its fix's span and a hint's line are
counted in the cell that holds them, and a message's "line 12" becomes "cell 3, line 2", as on the command line.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from shapelint.frontends.notebooks import in_cells, place
from shapelint.frontends.shapes import LineShape
from shapelint.judge import Diagnostic
from shapelint.source import Notebook, notebook_of_cells


@dataclass(frozen=True)
class OpenNotebook:
    """The program of an open notebook, and the URI of the cell document each cell number names."""

    notebook: Notebook
    uris: Mapping[int, str]

    @property
    def program(self) -> str:
        return self.notebook.program

    def named(self, text: str) -> str:
        """``text`` with the program lines it names named in their cells."""
        return in_cells(self.notebook, text)

    def placed(self, diagnostics: Iterable[Diagnostic]) -> dict[str, list[Diagnostic]]:
        """The findings by the URI of the cell that holds them; every code cell is present, so that a cell's old
        findings clear."""
        found: dict[str, list[Diagnostic]] = {uri: [] for uri in self.uris.values()}
        for diagnostic in diagnostics:
            inside = place(self.notebook, diagnostic)
            if inside.cell is not None and inside.cell in self.uris:
                found[self.uris[inside.cell]].append(inside)
        return found

    def shapes_in(self, uri: str, shapes: Mapping[int, LineShape]) -> dict[int, LineShape]:
        """The program's shapes on the lines of the cell ``uri``, by their line in that cell."""
        inside = {}
        for line, shape in shapes.items():
            located = self.notebook.locate(line)
            if located is not None and self.uris.get(located[0]) == uri:
                source = None if shape.source is None else self.named(shape.source)
                inside[located[1]] = LineShape(located[1], shape.after, shape.before, source)
        return inside


def open_notebook(cells: Sequence[tuple[str, str | None]]) -> OpenNotebook:
    """The notebook of ``cells`` in order: each cell's document URI, with its text (``None`` for a markdown cell)."""
    notebook = notebook_of_cells([text for _, text in cells])
    uris = {number: cells[number - 1][0] for number in (cell.number for cell in notebook.cells)}
    return OpenNotebook(notebook, uris)
