"""Notebook files in a run: the program the linter reads, and its findings, errors and fixes placed in cells."""

from __future__ import annotations

import ast
import re
from dataclasses import replace

from shapelint.fix import FileFix, unified_diff
from shapelint.judge import Diagnostic
from shapelint.source import Notebook, NotebookError, read_notebook

__all__ = ["Notebook", "NotebookError", "fixed", "in_cells", "is_notebook", "place", "place_line", "read"]

_LINE = re.compile(r"\bline (\d+)\b")


def is_notebook(path: str) -> bool:
    return path.endswith(".ipynb")


def read(path: str, data: bytes) -> Notebook | None:
    """The notebook in ``data`` when ``path`` names one; raises :class:`NotebookError` for a broken one."""
    return read_notebook(data) if is_notebook(path) else None


def place_line(notebook: Notebook | None, line: int | None) -> tuple[int | None, int | None]:
    """The cell and the line in it of a program line (``None, line`` outside notebooks)."""
    if notebook is None or line is None:
        return None, line
    located = notebook.locate(line)
    return (None, None) if located is None else located


def first_broken_cell(notebook: Notebook) -> tuple[SyntaxError, int] | None:
    """The first cell that does not parse on its own, with its error (lines counted in the cell): a ``def`` whose
    body is only a comment fails at the next cell's first line when the cells are read as one program."""
    for cell in notebook.cells:
        try:
            ast.parse("".join(cell.python))
        except SyntaxError as error:
            return error, cell.number
        except ValueError:  # a null byte: the whole program's error says it
            return None
    return None


def place(notebook: Notebook | None, diagnostic: Diagnostic) -> Diagnostic:
    """A finding on the program as a finding in its cell; the lines its message names are put in their cells too."""
    if notebook is None:
        return diagnostic
    cell = place_line(notebook, diagnostic.line)[0]
    fix = diagnostic.fix
    if fix is not None:
        line, column, end_line, end_column = _span(notebook, fix.line, fix.column, fix.end_line, fix.end_column)
        fix = replace(fix, line=line, column=column, end_line=end_line, end_column=end_column)
    line, column, end_line, end_column = _span(
        notebook, diagnostic.line, diagnostic.column, diagnostic.end_line, diagnostic.end_column
    )
    return replace(
        diagnostic,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        cell=cell,
        message=in_cells(notebook, diagnostic.message),
        fix=fix,
    )


def in_cells(notebook: Notebook, text: str) -> str:
    """``text`` with each program line it names (``line 12``) named in its cell (``cell 3, line 2``)."""
    return _LINE.sub(lambda match: _named(notebook, int(match.group(1))), text)


def _span(notebook: Notebook, line: int, column: int, end_line: int, end_column: int) -> tuple[int, int, int, int]:
    """A program span's lines and columns in its cell (columns move back by what IPython's dedent took off)."""
    return (
        place_line(notebook, line)[1] or 0,
        column + notebook.shift(line),
        place_line(notebook, end_line)[1] or 0,
        end_column + notebook.shift(end_line),
    )


def _named(notebook: Notebook, line: int) -> str:
    cell, inner = place_line(notebook, line)
    return f"line {line}" if cell is None else f"cell {cell}, line {inner}"


def fixed(notebook: Notebook, data: bytes, result: FileFix) -> tuple[FileFix, str]:
    """The program's fix as the notebook's: its bytes, its placed findings, and a diff of each changed cell."""
    placed = replace(
        result,
        before=data,
        after=data,
        fixed=tuple(place(notebook, d) for d in result.fixed),
        remaining=tuple(place(notebook, d) for d in result.remaining),
    )
    if result.after == result.before:
        return placed, ""
    program = result.after.decode("utf-8")
    try:
        after = notebook.with_program(program).encode("utf-8")
    except NotebookError as error:
        return replace(placed, fixed=(), remaining=placed.fixed + placed.remaining, error=str(error)), ""
    diff = "".join(
        unified_diff(FileFix(f"{result.path}:cell {number}", old.encode(), new.encode(), (), (), 0, None))
        for number, old, new in notebook.cell_sources(program)
    )
    return replace(placed, after=after), diff
