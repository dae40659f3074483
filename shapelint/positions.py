"""Source ranges of CST nodes, without libcst's position metadata.

libcst's ``PositionProvider`` records a syntactic range for every node through
a context manager per node and tracks line and column on every token; on
model-dense files that cost twice the parse.  Most files only need the line
of a few statements, to find the input-shape directive on or above them:
those lines come from the ``ast`` tree the source was already checked with,
whose statements pair one to one with libcst's.  Full ranges, for findings,
come from a plain code-generation pass over the innermost statement that
holds the node, started at that statement's indentation and placed at its
``ast`` line, noting where each node's tokens start and end.  Either way the ranges are the syntactic ones
``PositionProvider`` gives: an expression's range leaves out its parentheses,
and a statement starts after the blank and comment lines before it.
"""

from __future__ import annotations

import ast
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import libcst as cst
from libcst._nodes.internal import CodegenState

from shapelint import walk

_STATEMENT_TYPES = frozenset(
    kind for kind in vars(cst).values() if isinstance(kind, type) and issubclass(kind, cst.BaseStatement)
)
"""Simple statement lines and compound statements: generated alone, they start on a line of their own."""

_BLOCKS = ("body", "handlers", "orelse", "finalbody", "cases")
"""The fields of a compound statement that hold statements, in source order (libcst and ``ast`` alike)."""


@dataclass(frozen=True, slots=True)
class Span:
    """A node's range: 1-based lines, 0-based columns, as libcst's ``CodeRange``."""

    line: int
    column: int
    end_line: int
    end_column: int


class Positions:
    """Lines and ranges of the nodes of one module, each kind computed on first use."""

    def __init__(self, module: cst.Module, tree: ast.Module | None = None) -> None:
        self.module = module
        self._tree = tree
        self._statement_lines: dict[int, tuple[int, int, int]] | None = None
        self._innermost: dict[int, cst.CSTNode] | None = None
        self._generated: dict[int, _Tokens] = {}

    def of(self, node: cst.CSTNode) -> Span:
        """The range of an expression; of a statement, only the first line is meant."""
        statement = self._statements().get(id(node), self.module)
        line, _, column = self._lines().get(id(statement), (1, 0, 0))
        if id(statement) not in self._lines():
            statement = self.module
        tokens = self._tokens(statement, column)
        span, shift = tokens.span(node), line - tokens.span(statement).line
        return Span(span.line + shift, span.column, span.end_line + shift, span.end_column)

    def extent(self, node: cst.CSTNode) -> tuple[int, int]:
        """The first and last line of ``node``; cheap for a statement."""
        found = self._lines().get(id(node))
        if found is not None:
            return found[0], found[1]
        span = self.of(node)
        return span.line, span.end_line

    def line(self, node: cst.CSTNode, within: cst.CSTNode) -> int:
        """The first line of ``node``, found from the lines of the statement ``within`` that holds it."""
        place = self._lines().get(id(within))
        if place is None:
            return self.of(node).line
        local = self._tokens(within, place[2])
        if id(node) not in local.marks.starts:
            return self.of(node).line
        return place[0] + local.span(node).line - local.span(within).line

    def _tokens(self, statement: cst.CSTNode, column: int) -> _Tokens:
        if id(statement) not in self._generated:
            self._generated[id(statement)] = _Tokens(self.module, statement, " " * column)
        return self._generated[id(statement)]

    def _statements(self) -> dict[int, cst.CSTNode]:
        """The innermost statement holding each node; an ``elif`` belongs to its ``if``, as it cannot stand alone."""
        if self._innermost is None:
            self._innermost = {}
            stack: list[tuple[cst.CSTNode, cst.CSTNode]] = [(s, s) for s in self.module.body]
            while stack:
                node, statement = stack.pop()
                self._innermost[id(node)] = statement
                for child in walk.syntax_children(node):
                    own = type(child) in _STATEMENT_TYPES and child is not getattr(node, "orelse", None)
                    stack.append((child, child if own else statement))
        return self._innermost

    def _lines(self) -> dict[int, tuple[int, int, int]]:
        if self._statement_lines is None:
            self._statement_lines = {}
            if self._tree is not None:
                self._statement_lines = _paired_lines(self.module.body, self._tree.body)
        return self._statement_lines


def _paired_lines(body: Sequence[cst.CSTNode], tree_body: list[ast.stmt]) -> dict[int, tuple[int, int, int]]:
    """Each libcst statement's first and last line and its column, read off the ``ast`` statement in the same place.

    Empty when the two trees do not pair up, so that lines come from code generation instead.
    """
    ours, theirs = list(_cst_statements(body)), list(_ast_statements(tree_body))
    pairs = list(zip(ours, theirs))
    if len(ours) != len(theirs) or any(not _same_kind(group[-1], statement) for group, statement in pairs):
        return {}
    lines = {id(node): _place(statement) for group, statement in pairs for node in group}
    for group, _ in pairs:
        if isinstance(group[0], cst.SimpleStatementLine):
            line, _, column = lines[id(group[0])]
            lines[id(group[0])] = (line, lines[id(group[0].body[-1])][1], column)
    return lines


def _place(statement: ast.stmt) -> tuple[int, int, int]:
    """First line, last line and column; the column counts the indentation, ASCII, so bytes are characters."""
    return statement.lineno, statement.end_lineno or statement.lineno, statement.col_offset


def _same_kind(ours: cst.CSTNode, theirs: ast.stmt) -> bool:
    name = type(theirs).__name__.removeprefix("Async")
    return type(ours).__name__ == ("Del" if name == "Delete" else name)


def _cst_statements(body: Sequence[cst.CSTNode]) -> Iterator[tuple[cst.CSTNode, ...]]:
    """The statements in source order, one group per ``ast`` statement.

    A line of small statements ``a = 1; b = 2`` is two ``ast`` statements; the
    line itself shares the first one's line.
    """
    for statement in body:
        if isinstance(statement, cst.SimpleStatementLine):
            first, *rest = statement.body
            yield statement, first
            yield from ((small,) for small in rest)
        elif isinstance(statement, cst.BaseSmallStatement):
            yield (statement,)
        else:
            yield (statement,)
            for name in _BLOCKS:
                yield from _cst_statements(_cst_block(getattr(statement, name, None)))


def _cst_block(value: object) -> Sequence[cst.CSTNode]:
    """The statements held by one block field: a suite, ``else``/``finally``, handlers, cases or an ``elif``."""
    if value is None or isinstance(value, cst.MaybeSentinel):
        return ()
    if isinstance(value, cst.If):
        return (value,)
    if isinstance(value, (tuple, list)):
        return [statement for item in value for statement in _cst_block(item)]
    inner = value.body
    return inner if isinstance(inner, (tuple, list)) else _cst_block(inner)


def _ast_statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    for statement in body:
        yield statement
        for name in _BLOCKS:
            for item in getattr(statement, name, ()):
                yield from _ast_statements(item.body if isinstance(item, (ast.excepthandler, ast.match_case)) else [item])


@dataclass
class _TokenMarks(CodegenState):
    """Code generation that notes the token index where each node starts and ends."""

    starts: dict[int, int] = field(default_factory=dict)
    ends: dict[int, int] = field(default_factory=dict)

    def before_codegen(self, node: cst.CSTNode) -> None:
        self.starts[id(node)] = len(self.tokens)

    def after_codegen(self, node: cst.CSTNode) -> None:
        self.ends[id(node)] = len(self.tokens)


class _Tokens:
    """The code generated for ``root``, with where each node below it starts and ends."""

    def __init__(self, module: cst.Module, root: cst.CSTNode, indent: str = "") -> None:
        marks = _TokenMarks(default_indent=module.default_indent, default_newline=module.default_newline)
        marks.indent_tokens.extend([indent] if indent else [])
        root._codegen(marks)
        self.marks = marks
        self.offsets = [0]
        self.line_starts = [0]
        total = 0
        for token in marks.tokens:
            if "\n" in token:
                self.line_starts.extend(total + index + 1 for index, char in enumerate(token) if char == "\n")
            total += len(token)
            self.offsets.append(total)

    def span(self, node: cst.CSTNode) -> Span:
        first, last = self._bounds(node)
        line, column = self._locate(self.offsets[first])
        end_line, end_column = self._locate(self.offsets[min(last, len(self.offsets) - 1)])
        return Span(line, column, end_line, end_column)

    def _bounds(self, node: cst.CSTNode) -> tuple[int, int]:
        """The tokens of ``node`` itself: no parentheses, trailing comma or lines before it."""
        starts, ends = self.marks.starts, self.marks.ends
        first, last = starts[id(node)], ends[id(node)]
        if isinstance(node, cst.BaseExpression) and node.lpar:
            first, last = ends[id(node.lpar[-1])], starts[id(node.rpar[0])]
        comma = getattr(node, "comma", None)
        if isinstance(comma, cst.Comma):
            last = starts[id(comma)]
        header = [*getattr(node, "leading_lines", ()), *getattr(node, "decorators", ())]
        header += getattr(node, "lines_after_decorators", ())
        if header:
            first = ends[id(header[-1])]
        return first, last

    def _locate(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1]
