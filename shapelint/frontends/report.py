"""Output formats: thin functions from findings and file errors to text, JSON and SARIF 2.1.0."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import PurePath
from urllib.parse import quote

from shapelint import __version__
from shapelint.frontends.outcome import FileError
from shapelint.judge import BY_CODE, Diagnostic, Fix

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


def text_lines(diagnostics: Iterable[Diagnostic], errors: Iterable[FileError], unsafe: bool = False) -> list[str]:
    """``path:line:col: CODE message`` per finding, ``CODE [*]`` where ``--fix`` repairs it (as ruff marks them),
    then ``path[:line]: error: reason`` per unlintable file."""
    lines = [f"{location(d)}: {d.code}{_marker(d, unsafe)} {d.message}" for d in diagnostics]
    return lines + [error_line(e) for e in errors if not e.notice]


def error_line(error: FileError) -> str:
    """``path[:line]: error: reason``, or ``path: warning: reason`` for a notice."""
    place = f"{error.path}{_cell(error.cell)}{'' if error.line is None else f':{error.line}'}"
    return f"{place}: {'warning' if error.notice else 'error'}: {error.message}"


def location(d: Diagnostic) -> str:
    """``path:line:col``, or ``model.ipynb:cell 4:3:15`` in a notebook, as ruff writes it."""
    return f"{d.path}{_cell(d.cell)}:{d.line}:{d.column}"


def _cell(cell: int | None) -> str:
    return "" if cell is None else f":cell {cell}"


def _marker(diagnostic: Diagnostic, unsafe: bool) -> str:
    return " [*]" if diagnostic.fixable(unsafe) else ""


def fix_lines(diagnostics: Iterable[Diagnostic]) -> list[str]:
    """``--show-fixes``: each finding's fix, applied or not, as ``path:line:col: CODE fix: write `text` (safe)``."""
    return [
        f"{location(d)}: {d.code} fix: write `{d.fix.replacement}` ({_safety(d.fix)})"
        for d in diagnostics
        if d.fix is not None
    ]


def _safety(fix: Fix) -> str:
    return "safe" if fix.safe else "unsafe, with --unsafe-fixes"


def github_lines(diagnostics: Iterable[Diagnostic], errors: Iterable[FileError]) -> list[str]:
    """GitHub Actions workflow commands: each finding an ``::error`` annotation on its line and columns."""
    lines = [
        f"::error title=shapelint ({d.code}),file={_property(d.path)}{_github_region(d)}"
        f"::{_data(f'{_in_cell(d.cell, d.line, d.column)}{d.code} {d.message}')}"
        for d in diagnostics
    ]
    lines += [
        f"::{'warning' if e.notice else 'error'} title=shapelint,file={_property(e.path)}"
        f"{'' if e.line is None or e.cell else f',line={e.line}'}::{_data(_in_cell(e.cell, e.line) + e.message)}"
        for e in errors
    ]
    return lines


def _github_region(d: Diagnostic) -> str:
    """The annotation's lines and columns; a notebook's cell lines are not lines of its file, so it has none."""
    if d.cell is not None:
        return ""
    return f",line={d.line},col={d.column},endLine={d.end_line},endColumn={d.end_column}"


def _in_cell(cell: int | None, line: int | None, column: int | None = None) -> str:
    """``cell 4:3:15: `` before a notebook finding's message, where the annotation itself cannot say it."""
    if cell is None:
        return ""
    return f"cell {cell}:{line}" + ("" if column is None else f":{column}") + ": "


def _data(text: str) -> str:
    """A workflow command's message, escaped as the runner reads it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def statistics_lines(diagnostics: Sequence[Diagnostic], unsafe: bool) -> list[str]:
    """``--statistics``: one line per code, most frequent first, ``count  CODE  [*] name`` as ruff prints them."""
    counts = Counter(d.code for d in diagnostics)
    fixable = {d.code for d in diagnostics if d.fixable(unsafe)}
    width = len(str(max(counts.values(), default=0)))
    return [
        f"{count:>{width}}\t{code}\t{'[*] ' if code in fixable else ''}{BY_CODE[code].name}"
        for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def plural(count: int, noun: str, many: str | None = None) -> str:
    """``1 finding``, ``2 findings``; ``many`` where adding an s is not the plural."""
    return f"{count} {noun if count == 1 else many or noun + 's'}"


def found_line(diagnostics: Sequence[Diagnostic], unsafe: bool) -> str | None:
    """The line a run ends with, as ruff's: ``Found 3 findings (2 fixable with --fix).``; nothing when clean."""
    if not diagnostics:
        return None
    fixable = sum(d.fixable(unsafe) for d in diagnostics)
    hidden = sum(d.fix is not None and not d.fixable(unsafe) for d in diagnostics)
    notes = [f"{fixable} fixable with --fix"] if fixable else []
    notes += [f"{hidden} more with --unsafe-fixes"] if hidden else []
    detail = f" ({', '.join(notes)})" if notes else ""
    return f"Found {plural(len(diagnostics), 'finding')}{detail}."


def jsonable(value: object) -> object:
    """Sizes as JSON: tuples become lists, symbols and unknowns their names, anything else its text."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (tuple, list)):
        return [jsonable(item) for item in value]
    return str(value)


def _error_message(error: FileError) -> str:
    return error.message if error.line is None else f"line {error.line}: {error.message}"


def to_json(diagnostics: Sequence[Diagnostic], errors: Sequence[FileError], unsafe: bool) -> str:
    document = {
        "diagnostics": [
            {
                "path": d.path,
                "cell": d.cell,
                "line": d.line,
                "column": d.column,
                "end_line": d.end_line,
                "end_column": d.end_column,
                "code": d.code,
                "message": d.message,
                "expected": jsonable(d.expected),
                "found": jsonable(d.found),
                "fixable": d.fixable(unsafe),
                "fix": None if d.fix is None else {"replacement": d.fix.replacement, "safe": d.fix.safe},
            }
            for d in diagnostics
        ],
        "errors": [
            {"path": e.path, "cell": e.cell, "message": _error_message(e), "level": "warning" if e.notice else "error"}
            for e in errors
        ],
    }
    return json.dumps(document, indent=2)


def _uri(path: str) -> str:
    pure = PurePath(path)
    return pure.as_uri() if pure.is_absolute() else quote(pure.as_posix())


def _region(line: int, column: int, end_line: int, end_column: int) -> dict[str, int]:
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _location(path: str, region: dict[str, int]) -> dict[str, object]:
    return {"physicalLocation": {"artifactLocation": {"uri": _uri(path)}, "region": region}}


def _sarif_result(d: Diagnostic, rule_index: dict[str, int], unsafe: bool) -> dict[str, object]:
    result: dict[str, object] = {
        "ruleId": d.code,
        "ruleIndex": rule_index[d.code],
        "level": "error",
        "message": {"text": d.message},
        "locations": [_location(d.path, _region(d.line, d.column, d.end_line, d.end_column))],
    }
    if d.cell is not None:
        # a notebook's cell lines are not lines of its file: the cell and its lines go in the result's properties
        result["locations"] = [{"physicalLocation": {"artifactLocation": {"uri": _uri(d.path)}}}]
        result["properties"] = {"cell": d.cell, "line": d.line, "column": d.column}
    elif d.fix is not None and d.fixable(unsafe):
        fix = d.fix
        change = {
            "artifactLocation": {"uri": _uri(d.path)},
            "replacements": [
                {
                    "deletedRegion": _region(fix.line, fix.column, fix.end_line, fix.end_column),
                    "insertedContent": {"text": fix.replacement},
                }
            ],
        }
        result["fixes"] = [{"description": {"text": f"replace with {fix.replacement}"}, "artifactChanges": [change]}]
    return result


def _notification(error: FileError) -> dict[str, object]:
    location = _location(error.path, {"startLine": error.line if error.line and error.cell is None else 1})
    level = "warning" if error.notice else "error"
    return {"level": level, "message": {"text": error.message}, "locations": [location]}


def to_sarif(diagnostics: Sequence[Diagnostic], errors: Sequence[FileError], unsafe: bool, succeeded: bool) -> str:
    """One SARIF run whose rules are the code table; unlintable files become tool notifications."""
    rules = [
        {"id": row.code, "name": row.name, "shortDescription": {"text": row.summary}, "help": {"text": row.summary}}
        for row in BY_CODE.values()
    ]
    rule_index = {row.code: index for index, row in enumerate(BY_CODE.values())}
    run = {
        "tool": {"driver": {"name": "shapelint", "version": __version__, "rules": rules}},
        "results": [_sarif_result(d, rule_index, unsafe) for d in diagnostics],
        "invocations": [
            {"executionSuccessful": succeeded, "toolExecutionNotifications": [_notification(e) for e in errors]}
        ],
    }
    return json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}, indent=2)
