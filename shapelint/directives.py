"""``# shapelint: input=(B, 3, 32, 32)`` comments that give a model its input shape."""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass

from shapelint.dims import Dim, DType, Shape, Symbol

_MARK = re.compile(r"#\s*shapelint\s*:\s*input\b")
_WHOLE = re.compile(
    r"#\s*shapelint\s*:\s*input\s*=\s*\((?P<dims>[^()]*)\)\s*(?:dtype\s*=\s*(?P<dtype>\w+))?\s*(?:#.*)?$"
)
_DIM = re.compile(r"^(?:\d+|[A-Za-z_]\w*)$")
_DTYPES: dict[str, DType] = {"float": "float", "float32": "float", "long": "int", "int": "int", "int64": "int"}


@dataclass(frozen=True, slots=True)
class Directive:
    """A parsed directive, or the reason it could not be parsed."""

    line: int
    column: int
    text: str
    shape: Shape | None
    error: str | None = None


def find_directives(source: str) -> dict[int, Directive]:
    """Directives by 1-based line; only real comments count, never text in strings."""
    last = _last_candidate_line(source)
    if last is None:
        return {}
    found: dict[int, Directive] = {}
    for line, column, text in _comments(source, last):
        match = _MARK.search(text)
        if match:
            found[line] = parse_directive(text[match.start() :], line, column + match.start() + 1)
    return found


def _last_candidate_line(source: str) -> int | None:
    """The last line with text that looks like a directive, comment or not; ``None`` when there is none."""
    matches = list(_MARK.finditer(source))
    return source.count("\n", 0, matches[-1].start()) + 1 if matches else None


def _comments(source: str, last: int) -> list[tuple[int, int, str]]:
    """The comments up to line ``last``; tokenizing stops there, the rest cannot hold a directive."""
    comments = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.start[0] > last:
                break
            if token.type == tokenize.COMMENT:
                comments.append((token.start[0], token.start[1], token.string))
    except (tokenize.TokenError, SyntaxError):
        return []
    return comments


def parse_directive(text: str, line: int, column: int) -> Directive:
    """Parse one ``# shapelint: input=...`` comment."""
    match = _WHOLE.match(text)
    if not match:
        return Directive(line, column, text, None, "expected `# shapelint: input=(B, C, H, W)`")
    parts = [part.strip() for part in match["dims"].split(",")]
    if parts and parts[-1] == "":
        parts.pop()
    bad = [part for part in parts if not _DIM.match(part)]
    if not parts or bad:
        reason = f"`{bad[0]}` is not an int or a name" if bad else "the shape is empty"
        return Directive(line, column, text, None, f"{reason}; expected `# shapelint: input=(B, C, H, W)`")
    dtype_name = match["dtype"]
    if dtype_name is not None and dtype_name not in _DTYPES:
        return Directive(line, column, text, None, f"unknown dtype `{dtype_name}`; use float or long")
    dims: tuple[Dim, ...] = tuple(int(part) if part.isdigit() else Symbol(part) for part in parts)
    return Directive(line, column, text, Shape(dims, dtype=_DTYPES.get(dtype_name or "")))
