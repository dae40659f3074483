"""Real notebooks, as their repositories hold them: shapelint's notebook support measured on public course notebooks.

The repositories are listed, with their commits, in ``tests/realworld/notebooks.toml``; their notebooks are never
kept here.  Fetch each (the search tool's ``fetch``), then::

    python bench/notebooks.py extract --mirrors /work/.mirror --trees /work/notebooks
    python bench/notebooks.py measure --trees /work/notebooks [-v]

For every notebook: the program shapelint reads is put back into the notebook unchanged, byte for byte; the
notebook is linted as it is (the notebooks ran as published, so a finding there is a false positive to read,
and exercises with blanks to fill are syntax errors).  Then each literal input size of a layer written in a code
cell (``nn.Linear(784, ...)``, ``nn.Conv2d(3, ...)``, ``nn.BatchNorm2d(64)``) is mutated to one more, in the
notebook's own text; the mutant is *found* when shapelint reports that cell and line, and *restored* when
``--fix`` gives back the published notebook byte for byte; every fixed notebook must validate with ``nbformat``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from realworld import extract, tree_of  # noqa: E402

from shapelint.frontends.runner import Task, process_data  # noqa: E402
from shapelint.source import NotebookError, read_notebook  # noqa: E402

LIST = HERE.parent / "tests" / "realworld" / "notebooks.toml"
SIZE = re.compile(r"\bnn\.(?:Linear|Conv[123]d|ConvTranspose[123]d|BatchNorm[123]d|LSTM|GRU|RNN)\(\s*(\d+)\b")
MAX_MUTANTS = 8
"""Mutants per notebook, its first layer sites: enough for a rate, bounded in time."""


@dataclass
class Outcome:
    notebooks: int = 0
    cells: int = 0
    round_trips: int = 0
    unreadable: list[str] = field(default_factory=list)
    syntax_errors: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    confirmed: list[str] = field(default_factory=list)
    """Findings in a cell whose saved output is the error torch raised there (notebooks that show an error)."""
    crashes: list[str] = field(default_factory=list)
    mutants: int = 0
    found: int = 0
    fixed: int = 0
    """Found mutants ``--fix`` repairs by rewriting the one JSON string of the mutated line."""
    restored: int = 0
    """Of those, the ones whose fix writes the published text back (another correct expression counts as fixed)."""
    invalid: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)


def _lint(path: Path, data: bytes, fix: bool = False) -> tuple[list[tuple[int | None, int]], bytes | None, list[str]]:
    """Where the findings are, the fixed text, and one line per finding then per error."""
    report = process_data(str(path), data, Task(fix=fix, write=False))
    if report.crash:
        raise RuntimeError(report.crash)
    places = [(d.cell, d.line) for d in report.diagnostics]
    lines = [f"{path}:cell {d.cell}:{d.line}: {d.code} {d.message}" for d in report.diagnostics]
    lines += [f"{path}:cell {e.cell}:{e.line}: error: {e.message}" for e in report.errors]
    return places, report.fixed_text, lines


def _failed_cells(text: str) -> set[int]:
    """The cells whose saved outputs hold a torch shape error (``RuntimeError``), as run by the notebook's author."""
    cells = json.loads(text)["cells"]
    return {
        number
        for number, cell in enumerate(cells, start=1)
        if any(output.get("ename") == "RuntimeError" for output in cell.get("outputs", []))
    }


def _mutants(text: str) -> list[tuple[int, int, str]]:
    """(cell, line, mutated notebook text) for each layer size written once in the notebook's text."""
    found = []
    for number, cell in enumerate(json.loads(text)["cells"], start=1):
        if cell.get("cell_type") != "code":
            continue
        source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        for index, line in enumerate(source.splitlines(keepends=True), start=1):
            match = SIZE.search(line)
            written = json.dumps(line, ensure_ascii=text.isascii())[1:-1]
            if match is None or text.count(written) != 1:
                continue
            start, end = match.span(1)
            mutated = json.dumps(line[:start] + str(int(match.group(1)) + 1) + line[end:], ensure_ascii=text.isascii())
            found.append((number, index, text.replace(written, mutated[1:-1])))
    return found[:MAX_MUTANTS]


def measure_notebook(path: Path, outcome: Outcome, verbose: bool) -> None:
    import nbformat

    data = path.read_bytes()
    try:
        notebook = read_notebook(data)
    except NotebookError as error:
        outcome.unreadable.append(f"{path}: {error}")
        return
    outcome.notebooks += 1
    outcome.cells += len(notebook.cells)
    outcome.round_trips += notebook.with_program(notebook.program) == notebook.text
    places, _, lines = _lint(path, data)
    failed = _failed_cells(notebook.text)
    for (cell, _), line in zip(places, lines):
        (outcome.confirmed if cell in failed else outcome.findings).append(line)
    outcome.syntax_errors += [line for line in lines[len(places) :] if "error: syntax error" in line]
    outcome.findings += [line for line in lines[len(places) :] if "error: syntax error" not in line]
    if any("error: syntax error" in line for line in lines):
        return
    for cell, line, text in _mutants(notebook.text):
        outcome.mutants += 1
        places, _, _ = _lint(path, text.encode("utf-8"))
        if (cell, line) not in places:
            outcome.misses.append(f"{path}:cell {cell}:{line}")
            continue
        outcome.found += 1
        _, fixed, _ = _lint(path, text.encode("utf-8"), fix=True)
        if fixed is None or fixed == text.encode("utf-8"):
            continue
        after = fixed.decode("utf-8").splitlines()
        changed = sum(old != new for old, new in zip(text.splitlines(), after))
        outcome.fixed += changed == 1 and len(after) == len(text.splitlines())
        outcome.restored += fixed == data
        try:
            nbformat.validate(nbformat.reads(fixed.decode("utf-8"), as_version=nbformat.NO_CONVERT))
        except nbformat.ValidationError as error:
            outcome.invalid.append(f"{path}:cell {cell}:{line}: {str(error).splitlines()[0]}")


def measure(trees: Path, verbose: bool) -> None:
    import tomllib

    print(f"$ python bench/notebooks.py measure --trees {trees}")
    outcome = Outcome()
    for repo in tomllib.loads(LIST.read_text(encoding="utf-8"))["repo"]:
        for path in sorted(tree_of(trees, repo["name"]).rglob("*.ipynb")):
            try:
                measure_notebook(path, outcome, verbose)
            except RuntimeError as crash:
                outcome.crashes.append(f"{path}: {str(crash).strip().splitlines()[-1]}")
    print(f"notebooks read: {outcome.notebooks} ({outcome.cells} Python cells); unreadable: {len(outcome.unreadable)}")
    print(f"program put back byte for byte: {outcome.round_trips}/{outcome.notebooks}")
    print(f"crashes: {len(outcome.crashes)}; syntax errors (exercises with blanks): {len(outcome.syntax_errors)}")
    print(
        f"findings on the published notebooks: {len(outcome.findings)} unconfirmed, "
        f"{len(outcome.confirmed)} in cells whose saved output is torch's RuntimeError"
    )
    print(f"injected size bugs found as written: {outcome.found}/{outcome.mutants}")
    print(f"fixed by rewriting only the mutated line: {outcome.fixed}/{outcome.found}; "
          f"of them, the published text exactly: {outcome.restored}")
    print(f"fixed notebooks nbformat rejects: {len(outcome.invalid)}")
    for line in [*outcome.crashes, *outcome.findings, *outcome.invalid, *outcome.unreadable]:
        print(f"  {line}")
    for line in outcome.confirmed:
        print(f"  confirmed: {line}")
    if verbose:
        for line in [*outcome.syntax_errors, *(f"MISS {miss}" for miss in outcome.misses)]:
            print(f"  {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    fetched = commands.add_parser("extract")
    fetched.add_argument("--mirrors", type=Path, required=True)
    fetched.add_argument("--trees", type=Path, required=True)
    measured = commands.add_parser("measure")
    measured.add_argument("--trees", type=Path, required=True)
    measured.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    if args.command == "extract":
        extract(args.mirrors, args.trees, LIST, (".ipynb",))
    else:
        measure(args.trees, args.verbose)


if __name__ == "__main__":
    main()
