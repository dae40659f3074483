"""Jupyter notebooks as Python source: the code cells in order as one program, and a fixed program put back into
the notebook's JSON with every byte outside the changed lines kept (outputs, metadata, key order, indentation).

Magics and shell lines are not Python: in a cell that does not parse, each becomes ``pass`` at its indentation,
so line numbers hold; a cell run by a cell magic other than the timing ones is left out.
"""

from __future__ import annotations

import ast
import bisect
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

CELL_MARK = "# ~~ipynb cell {}~~"
"""The comment line that opens each cell in the program; a fix keeps comments, so the cells can be told apart."""

_MARK = re.compile(r"# ~~ipynb cell (\d+)~~")
_PYTHON_CELL_MAGICS = frozenset({"time", "timeit", "capture"})
"""Cell magics whose body is Python run as usual; any other (``%%bash``, ``%%writefile``) makes the cell not Python."""

_LINE_MAGIC = re.compile(r"[ \t]*(?:[%!]|\?\??[\w.*]|[\w.*]+\?\??[ \t]*$|\w+(?:[ \t]*,[ \t]*\w+)*[ \t]*=[ \t]*[%!])")
_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


class NotebookError(ValueError):
    """The file is not a notebook shapelint can read or write back."""


@dataclass(frozen=True, slots=True)
class Cell:
    """One code cell: where its ``source`` sits in the notebook's text, and its lines as written and as Python."""

    number: int
    """1-based position among all the notebook's cells, as editors count them."""
    span: tuple[int, int]
    elements: tuple[tuple[int, int], ...] | None
    """The span of each line's string when ``source`` is a list of lines (nbformat's usual form); else None."""
    lines: tuple[str, ...]
    python: tuple[str, ...]
    indent: str = ""
    """What IPython strips from the start of each line of a cell whose first line is indented."""

    def shift(self, index: int) -> int:
        """How many columns line ``index`` (0-based) lost to :attr:`indent` in :attr:`python`."""
        return len(self.indent) if self.lines[index] == self.indent + self.python[index] else 0


@dataclass(frozen=True)
class Notebook:
    """A notebook's text and its Python cells; :attr:`program` is what the linter reads."""

    text: str
    cells: tuple[Cell, ...]

    @property
    def program(self) -> str:
        return "".join(CELL_MARK.format(cell.number) + "\n" + _terminated(cell.python) for cell in self.cells)

    def locate(self, line: int) -> tuple[int, int] | None:
        """The cell number and the line in it of the program's ``line``; None for a cell's marker line."""
        starts = list(self._starts())
        index = bisect.bisect_right(starts, line) - 1
        if index < 0 or line == starts[index]:
            return None
        return self.cells[index].number, line - starts[index]

    def shift(self, line: int) -> int:
        """How many columns the program's ``line`` is left of the same line in its cell (IPython's dedent)."""
        located = self.locate(line)
        if located is None:
            return 0
        cell = next(cell for cell in self.cells if cell.number == located[0])
        return cell.shift(located[1] - 1)

    def _starts(self) -> Iterator[int]:
        line = 1
        for cell in self.cells:
            yield line
            line += 1 + len(cell.python)

    def with_program(self, fixed: str) -> str:
        """The notebook's text with each cell's source replaced by its part of ``fixed``; unchanged cells keep every
        byte.  Raises :class:`NotebookError` when ``fixed`` no longer splits into the same cells."""
        parts = _split(fixed)
        if [number for number, _ in parts] != [cell.number for cell in self.cells]:
            raise NotebookError("the fixed program no longer has the notebook's cells")
        edits: list[tuple[int, int, str]] = []
        for cell, (_, lines) in zip(self.cells, parts):
            edits += _cell_edits(self.text, cell, _restored(cell, lines))
        text = self.text
        for start, end, replacement in sorted(edits, reverse=True):
            text = text[:start] + replacement + text[end:]
        return text

    def cell_sources(self, fixed: str) -> Iterator[tuple[int, str, str]]:
        """Each cell ``fixed`` changes: its number, its source before and after."""
        for cell, (_, lines) in zip(self.cells, _split(fixed)):
            after = _restored(cell, lines)
            if after != cell.lines:
                yield cell.number, "".join(cell.lines), "".join(after)


def read_notebook(data: bytes) -> Notebook:
    """Parse a notebook's bytes; raises :class:`NotebookError` with a reason for anything else."""
    try:
        text = data.decode("utf-8")
        document = json.loads(text)
    except (UnicodeDecodeError, ValueError) as error:
        raise NotebookError(f"not a notebook: invalid JSON ({error})") from error
    if not isinstance(document, dict) or not isinstance(document.get("cells"), list):
        raise NotebookError("not a notebook: no list of cells")
    if not _is_python(document.get("metadata")):
        return Notebook(text, ())
    cells = [cell for cell in _cells(text) if cell is not None]
    return Notebook(text, tuple(cells))


def notebook_of_cells(sources: Sequence[str | None]) -> Notebook:
    """A notebook as an editor holds it, each cell's text in order (``None`` for a markdown cell): the same program
    as the file's, with no JSON text to write fixes back into."""
    cells = []
    for number, source in enumerate(sources, start=1):
        lines = tuple(source.splitlines(keepends=True)) if source is not None else None
        python = _as_python(lines) if lines is not None else None
        if lines is not None and python is not None:
            cells.append(Cell(number, (0, 0), None, lines, python[0], python[1]))
    return Notebook("", tuple(cells))


def _is_python(metadata: object) -> bool:
    """A notebook without a declared language is taken as Python, as Jupyter's default kernel is."""
    if not isinstance(metadata, dict):
        return True
    info, kernel = metadata.get("language_info"), metadata.get("kernelspec")
    language = info.get("name") if isinstance(info, dict) else None
    language = language or (kernel.get("language") if isinstance(kernel, dict) else None)
    return not isinstance(language, str) or language.lower() in ("python", "python3", "ipython")


def _cells(text: str) -> Iterator[Cell | None]:
    """The code cells, read from the text itself so that each source's position is known."""
    start = _skip(text, 0)
    cells = next((begin for key, begin, _ in _members(text, start) if key == "cells"), None)
    assert cells is not None
    for number, (begin, _) in enumerate(_elements(text, cells), start=1):
        fields = {key: (value_start, value_end) for key, value_start, value_end in _members(text, begin)}
        kind = fields.get("cell_type")
        if kind is None or "source" not in fields or json.loads(text[slice(*kind)]) != "code":
            yield None
            continue
        yield _cell(text, number, fields["source"])


def _cell(text: str, number: int, span: tuple[int, int]) -> Cell | None:
    value = json.loads(text[span[0] : span[1]])
    if isinstance(value, str):
        elements, lines = None, tuple(value.splitlines(keepends=True))
    elif isinstance(value, list) and all(isinstance(item, str) for item in value):
        elements = tuple(_elements(text, span[0]))
        lines = tuple("".join(value).splitlines(keepends=True))
        if len(lines) != len(value):
            elements = None  # lines split unusually across the strings: the whole source is rewritten when fixed
    else:
        raise NotebookError(f"cell {number}: its source is neither text nor a list of lines")
    python = _as_python(lines)
    if python is None:
        return None
    return Cell(number, span, elements, lines, python[0], python[1])


def _as_python(lines: tuple[str, ...]) -> tuple[tuple[str, ...], str] | None:
    """The cell's lines as Python and the indentation taken off them: magics and shell commands become ``pass``,
    and a cell whose first line is indented loses that indentation, as IPython runs it; None for a cell that is
    not Python."""
    if lines and lines[0].startswith("%%"):
        magic = lines[0][2:].split(maxsplit=1)
        if not magic or magic[0] not in _PYTHON_CELL_MAGICS:
            return None
        lines = ("\n", *lines[1:])
    source = "".join(lines)
    try:
        ast.parse(source)
        return lines, ""
    except (SyntaxError, ValueError):
        pass
    first = next((line for line in lines if line.strip()), "")
    indent = first[: len(first) - len(first.lstrip(" \t"))]
    lines = tuple(line[len(indent) :] if indent and line.startswith(indent) else line for line in lines)
    python = list(lines)
    continued = False
    code = _OpenCode()
    magic_indent = ""
    for index, line in enumerate(lines):
        if continued or (code.at_statement_start and (_LINE_MAGIC.match(line) or _automagic(line))):
            # a continued command's lines (``!python train.py \`` then ``    --lr 0.1``) keep its first line's indent
            magic_indent = magic_indent if continued else line[: len(line) - len(line.lstrip(" \t"))]
            python[index] = f"{magic_indent}pass\n"
            continued = line.rstrip("\r\n").endswith("\\")
        else:
            code.read(line)
    return tuple(python), indent


_AUTOMAGIC = re.compile(
    r"[ \t]*(?:pip|conda|cd|ls|ll|mkdir|rmdir|rm|cp|mv|cat|less|more|man|pwd|env|set_env|pushd|popd|load_ext"
    r"|reload_ext|matplotlib|run|time|timeit|who|whos|reset)[ \t]+\S"
)
"""A line IPython runs as a magic without its ``%`` (automagic: ``pip install timm``, ``mkdir output``)."""


def _automagic(line: str) -> bool:
    """Whether ``line`` is an automagic command: it reads as one and is not Python on its own."""
    if not _AUTOMAGIC.match(line):
        return False
    try:
        ast.parse(line.strip())
    except SyntaxError:
        return True
    return False


class _OpenCode:
    """What the Python read so far leaves open: brackets, a string, a backslash.  IPython takes ``%`` and ``!`` for
    a magic only where a statement starts; inside an open bracket, ``% (a, b)`` is the modulo of a format string."""

    def __init__(self) -> None:
        self.depth = 0
        self.quote = ""
        self.backslash = False

    @property
    def at_statement_start(self) -> bool:
        return self.depth == 0 and not self.quote and not self.backslash

    def read(self, line: str) -> None:
        at, commented = 0, False
        while at < len(line):
            char = line[at]
            if self.quote:
                if char == "\\":
                    at += 2
                    continue
                if line.startswith(self.quote, at):
                    at, self.quote = at + len(self.quote), ""
                    continue
            elif char == "#":
                commented = True
                break
            elif char in "\"'":
                self.quote = line[at : at + 3] if line[at : at + 3] in ('"""', "'''") else char
                at += len(self.quote)
                continue
            elif char in "([{":
                self.depth += 1
            elif char in ")]}":
                self.depth = max(0, self.depth - 1)
            at += 1
        self.backslash = not commented and not self.quote and line.rstrip("\r\n").endswith("\\")
        if len(self.quote) == 1:  # a one-quote string ends with its line
            self.quote = ""


def _terminated(lines: tuple[str, ...]) -> str:
    text = "".join(lines)
    return text if text.endswith("\n") or not text else text + "\n"


def _split(program: str) -> list[tuple[int, list[str]]]:
    """The program's cells: each marker's number and the lines after it, up to the next marker."""
    parts: list[tuple[int, list[str]]] = []
    for line in program.splitlines(keepends=True):
        mark = _MARK.fullmatch(line.rstrip("\r\n"))
        if mark:
            parts.append((int(mark.group(1)), []))
        elif parts:
            parts[-1][1].append(line)
        else:
            raise NotebookError("the fixed program no longer starts with a cell")
    return parts


def _restored(cell: Cell, lines: list[str]) -> tuple[str, ...]:
    """A cell's fixed lines, with its magics and indentation as they were and its last line's end as it was."""
    if len(lines) != len(cell.python):
        if cell.python != cell.lines:
            raise NotebookError(f"cell {cell.number}: a fix moved lines in a cell with magics")
        restored = list(lines)
    else:
        restored = [_line_back(cell.indent, *line) for line in zip(cell.lines, cell.python, lines)]
    if restored and cell.lines and not cell.lines[-1].endswith("\n"):
        restored[-1] = restored[-1].removesuffix("\n")
    return tuple(restored)


def _line_back(indent: str, old: str, python: str, new: str) -> str:
    """One fixed line as the cell writes it: with the indentation IPython took off, or the magic it replaced."""
    if old == python:
        return new
    return indent + new if old == indent + python else old


def _cell_edits(text: str, cell: Cell, lines: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """Text replacements that turn the cell's source into ``lines``: only the changed strings of a list of lines,
    written as the notebook writes strings (nbformat keeps non-ASCII characters as they are)."""
    ascii_only = text.isascii()
    if lines == cell.lines:
        return []
    if cell.elements is None:
        return [(*cell.span, json.dumps("".join(lines), ensure_ascii=ascii_only))]
    if len(lines) == len(cell.lines):
        return [
            (start, end, json.dumps(new, ensure_ascii=ascii_only))
            for (start, end), old, new in zip(cell.elements, cell.lines, lines)
            if old != new
        ]
    items = [json.dumps(line, ensure_ascii=ascii_only) for line in lines]
    return [(*cell.span, _list_text(text, cell.span, cell.elements, items))]


def _list_text(text: str, span: tuple[int, int], elements: tuple[tuple[int, int], ...], items: list[str]) -> str:
    """A JSON list of ``items`` laid out as the list at ``span`` was: its opening, separator and closing kept."""
    if not elements:
        return "[" + ", ".join(items) + "]"
    opening = text[span[0] + 1 : elements[0][0]]
    closing = text[elements[-1][1] : span[1] - 1]
    separator = text[elements[0][1] : elements[1][0]] if len(elements) > 1 else "," + opening
    return "[" + opening + separator.join(items) + closing + "]"


def _skip(text: str, at: int) -> int:
    match = _SPACE.match(text, at)
    assert match is not None
    return match.end()


def _end(text: str, at: int) -> int:
    return _DECODER.raw_decode(text, at)[1]


def _members(text: str, at: int) -> Iterator[tuple[str, int, int]]:
    """Each key of the JSON object at ``at``, with its value's span; the text was already checked by ``json``."""
    at = _skip(text, at + 1)
    while text[at] != "}":
        key, at = _DECODER.raw_decode(text, at)
        at = _skip(text, _skip(text, at) + 1)
        end = _end(text, at)
        yield key, at, end
        at = _skip(text, end)
        at = _skip(text, at + 1) if text[at] == "," else at


def _elements(text: str, at: int) -> Iterator[tuple[int, int]]:
    """The span of each element of the JSON array at ``at``."""
    at = _skip(text, at + 1)
    while text[at] != "]":
        end = _end(text, at)
        yield at, end
        at = _skip(text, end)
        at = _skip(text, at + 1) if text[at] == "," else at
