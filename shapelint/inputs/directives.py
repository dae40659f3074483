"""``# shapelint: input=(B, 3, 32, 32)`` comments that give a model its input shape."""

from __future__ import annotations

import ast
import difflib
import re
import tokenize
from dataclasses import dataclass

from shapelint.dims import Dim, DType, Shape, Symbol

_MARK = re.compile(r"#\s*shapelint\s*:\s*input\b")
_ANY = re.compile(r"#\s*shapelint\s*:\s*(?P<word>[A-Za-z_]\w*)")
"""Any ``# shapelint:`` comment: ``input``, ``ignore`` (a suppression), or a misspelling of one."""
KEYWORDS = ("input", "ignore")
_WHOLE = re.compile(
    r"#\s*shapelint\s*:\s*input\s*=\s*(?P<shapes>\([^()]*\)(?:\s*,\s*\([^()]*\))*)\s*"
    r"(?:dtype\s*=\s*(?P<dtype>\w+))?\s*(?:#.*)?$"
)
_SHAPE = re.compile(r"\(([^()]*)\)")
_COMMENT = re.compile(r"#[^\r\n]*")
"""A comment as the tokenizer reads it: up to the end of the line."""
_DIM = re.compile(r"^(?:\d+|[A-Za-z_]\w*)$")
_DTYPES: dict[str, DType] = {"float": "float", "float32": "float", "long": "int", "int": "int", "int64": "int"}


@dataclass(frozen=True, slots=True)
class Directive:
    """A parsed directive, or the reason it could not be parsed."""

    line: int
    column: int
    text: str
    shapes: tuple[Shape, ...]
    """The declared inputs, in the order of ``forward``'s arguments; empty when the directive cannot be parsed."""
    error: str | None = None

    @property
    def shape(self) -> Shape | None:
        """The first input: a Sequential's, or a model's ``x``."""
        return self.shapes[0] if self.shapes else None


def find_directives(source: str, tree: ast.Module | None = None) -> dict[int, Directive]:
    """Directives by 1-based line; only real comments count, never text in strings.

    With the source's ``ast`` ``tree``, each line that looks like it holds one is
    tokenized from the start of the statement around it, not from the top of the file
    (unless a lone carriage return makes ``ast`` count lines differently).
    """
    candidates = _candidate_lines(source)
    if not candidates:
        return {}
    lines = _lines(source)
    if tree is None or source.count("\r") != source.count("\r\n"):
        comments = _comments(lines, 1, candidates[-1])
    else:
        comments = [
            found for line in candidates for found in _comments_on(lines, _token_start(tree.body, line, 1), line)
        ]
    found: dict[int, Directive] = {}
    for line, column, text in comments:
        match = _ANY.search(text)
        if match is None or match["word"] == "ignore":
            continue
        where = column + match.start() + 1
        if _MARK.match(text, match.start()):
            found[line] = parse_directive(text[match.start() :], line, where)
        else:
            found[line] = Directive(line, where, text[match.start() :], (), _unknown(match["word"]))
    return found


def _unknown(word: str) -> str:
    """Why ``# shapelint: inptu=...`` is refused, with the keyword it likely meant."""
    close = difflib.get_close_matches(word.lower(), KEYWORDS, n=1, cutoff=0.5)
    hint = f"; did you mean `{close[0]}`?" if close else f" (known: {', '.join(KEYWORDS)})"
    return f"unknown directive `{word}`{hint}"


def _candidate_lines(source: str) -> list[int]:
    """The lines with text that looks like a directive, comment or not, in order."""
    lines = (len(_LINE_BREAK.findall(source, 0, match.start())) + 1 for match in _ANY.finditer(source))
    return sorted(set(lines))


_LINE_BREAK = re.compile(r"\r\n|\r|\n")
"""The line breaks Python counts: a file with lone carriage returns has its directives on the lines CPython says."""


def _lines(source: str) -> list[str]:
    """The source's lines with their ends, a lone carriage return read as the line break it is, for ``tokenize``."""
    ends = [match.end() for match in _LINE_BREAK.finditer(source)]
    starts = [0, *ends]
    lines = [source[start:end] for start, end in zip(starts, [*ends, len(source)]) if start < end or end == len(source)]
    return [line[:-1] + "\n" if line.endswith("\r") else line for line in lines if line]


def _token_start(body: list[ast.stmt], line: int, floor: int) -> int:
    """A line where tokenizing can start and reach ``line`` outside any string.

    That is the start of the innermost statement around ``line`` or, where no
    statement holds it (a comment between statements), the line after the last
    statement that ends before it.
    """
    start = floor
    for statement in body:
        first = min([statement.lineno, *(d.lineno for d in getattr(statement, "decorator_list", ()))])
        if first > line:
            break
        if (statement.end_lineno or first) >= line:
            return _token_start(_nested(statement), line, first)
        start = (statement.end_lineno or first) + 1
    return start


def _nested(statement: ast.AST) -> list[ast.stmt]:
    """The statements inside a compound statement, in source order; handlers count as statements."""
    nested: list[ast.stmt] = []
    for name in ("body", "handlers", "orelse", "finalbody"):
        nested.extend(getattr(statement, name, ()))
    for case in getattr(statement, "cases", ()):
        nested.extend(case.body)
    return nested


def _comments_on(lines: list[str], start: int, line: int) -> list[tuple[int, int, str]]:
    """The comment on ``line``, tokenizing from ``start`` unless no quote comes before its ``#``.

    Tokenizing from ``start`` reaches ``line`` outside any string, so without a
    quote on the way no string can hold the ``#``.
    """
    text = lines[line - 1]
    hash_at = text.find("#")
    before = [*lines[start - 1 : line - 1], text[:hash_at]]
    if hash_at >= 0 and not any("'" in chunk or '"' in chunk for chunk in before):
        return [(line, hash_at, _COMMENT.match(text, hash_at).group())]  # type: ignore[union-attr]
    return [found for found in _comments(lines, start, line) if found[0] == line]


def _comments(lines: list[str], first: int, last: int) -> list[tuple[int, int, str]]:
    """The comments on lines ``first`` to ``last``, tokenizing from ``first``; the rest cannot hold a directive."""
    comments = []
    try:
        for token in tokenize.generate_tokens(iter(lines[first - 1 : last]).__next__):
            if token.type == tokenize.COMMENT:
                comments.append((token.start[0] + first - 1, token.start[1], token.string))
    except (tokenize.TokenError, SyntaxError, StopIteration):
        pass
    return comments


def parse_directive(text: str, line: int, column: int) -> Directive:
    """Parse one ``# shapelint: input=...`` comment: one shape, or several for a ``forward`` of several inputs."""
    match = _WHOLE.match(text)
    if not match:
        return Directive(line, column, text, (), f"expected {_EXPECTED}")
    dtype_name = match["dtype"]
    if dtype_name is not None and dtype_name not in _DTYPES:
        return Directive(line, column, text, (), f"unknown dtype `{dtype_name}`; use float or long")
    shapes = []
    for dims_text in _SHAPE.findall(match["shapes"]):
        parts = [part.strip() for part in dims_text.split(",")]
        if parts and parts[-1] == "":
            parts.pop()
        bad = [part for part in parts if not _DIM.match(part)]
        if not parts or bad:
            reason = f"`{bad[0]}` is not an int or a name" if bad else "the shape is empty"
            return Directive(line, column, text, (), f"{reason}; expected {_EXPECTED}")
        dims: tuple[Dim, ...] = tuple(int(part) if part.isdigit() else Symbol(part) for part in parts)
        shapes.append(Shape(dims, dtype=_DTYPES.get(dtype_name or "")))
    return Directive(line, column, text, tuple(shapes))


_EXPECTED = "`# shapelint: input=(B, C, H, W)`"
