"""Source ranges of CST nodes, without libcst's position metadata.

libcst's ``PositionProvider`` records a syntactic range for every node through
a context manager per node and tracks line and column on every token; on
model-dense files that cost twice the parse.  Most files only need the line
of a few statements, to find the input-shape directive on or above them:
those lines come from the ``ast`` tree the source was already checked with,
whose statements pair one to one with libcst's.  Full ranges, for findings,
are read off the ``ast`` node in the same place when the way down from the
statement to the node only passes through kinds both trees share (calls,
arguments, attributes, operators, subscripts, lists, tuples and assignments),
and the node is one whose ``ast`` range is the syntactic one.  Otherwise they
come from a plain code-generation pass over the innermost statement that
holds the node, started at that statement's indentation and placed at its
``ast`` line, noting where each node's tokens start and end.  The statement
that holds a node is found from where the evaluator saw it, checked by a
search of that statement, else from a map of the whole module.  Either way the ranges are the syntactic ones
``PositionProvider`` gives: an expression's range leaves out its parentheses,
and a statement starts after the blank and comment lines before it.
"""

from __future__ import annotations

import ast
import itertools
import re
from bisect import bisect_right
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, cast

import libcst as cst
from libcst._nodes.internal import CodegenState

from shapelint.source.walk import syntax_children

_STATEMENT_TYPES = frozenset(
    kind for kind in vars(cst).values() if isinstance(kind, type) and issubclass(kind, cst.BaseStatement)
)
"""Simple statement lines and compound statements: generated alone, they start on a line of their own."""

_WRAPPERS = frozenset({cst.Arg, cst.Element, cst.StarredElement, cst.AssignTarget, cst.SubscriptElement, cst.Index})
"""libcst nodes with no ``ast`` node of their own: the expression they hold stands for them."""

_SAME_RANGE = frozenset(
    {cst.Name, cst.Attribute, cst.Call, cst.Integer, cst.Float, cst.BinaryOperation, cst.UnaryOperation, cst.Subscript}
)
"""Expressions whose ``ast`` range is libcst's syntactic one; a tuple's, say, takes in its parentheses."""

_FIELDS: dict[type, tuple[type, tuple[tuple[str, str], ...]]] = {
    cst.Attribute: (ast.Attribute, (("value", "value"),)),
    cst.BinaryOperation: (ast.BinOp, (("left", "left"), ("right", "right"))),
    cst.UnaryOperation: (ast.UnaryOp, (("expression", "operand"),)),
    cst.Expr: (ast.Expr, (("value", "value"),)),
    cst.Return: (ast.Return, (("value", "value"),)),
    cst.AugAssign: (ast.AugAssign, (("target", "target"), ("value", "value"))),
    cst.AnnAssign: (ast.AnnAssign, (("target", "target"), ("value", "value"))),
    cst.Assign: (ast.Assign, (("value", "value"),)),
    cst.Subscript: (ast.Subscript, (("value", "value"),)),
}
"""Fields holding the same child in both trees, by libcst type: (``ast`` type, ((libcst field, ``ast`` field), ...))."""

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def source_lines(text: str) -> list[str]:
    """``text`` split at the line breaks Python's parser counts (not ``str.splitlines``'s form feeds and the like)."""
    return _LINE_BREAK.split(text)

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

    def __init__(
        self,
        module: cst.Module,
        tree: ast.Module | None = None,
        text: str | None = None,
        places: Mapping[int, cst.CSTNode | None] | None = None,
    ) -> None:
        """``text`` is the source ``tree`` was parsed from; ``places`` suggests the statement holding a node, by id."""
        self.module = module
        self._tree = tree
        self._text = text
        self._text_lines: list[str] | None = None
        self._places = places if places is not None else {}
        self._statement_lines: dict[int, tuple[int, int, int]] = {}
        self._blocks: deque[tuple[Sequence[cst.CSTNode], list[ast.stmt]]] = deque()
        if tree is not None:
            self._blocks.append((module.body, tree.body))
        self._ast_statements: dict[int, ast.stmt] = {}
        self._innermost: dict[int, cst.CSTNode] | None = None
        self._generated: dict[int, _Tokens] = {}

    def suggest(self, places: Mapping[int, cst.CSTNode | None]) -> None:
        """Where the evaluator saw each node, by id: the statement searched first for the node's range."""
        self._places = places

    def of(self, node: cst.CSTNode) -> Span:
        """The range of an expression; of a statement, only the first line is meant."""
        statement, chain = self._holder(node)
        if chain is not None:
            found = self._from_ast(chain)
            if found is not None:
                return found
        place = self._place(statement)
        line, _, column = place or (1, 0, 0)
        if place is None:
            statement = self.module
        tokens = self._tokens(statement, column)
        span, shift = tokens.span(node), line - tokens.span(statement).line
        return Span(span.line + shift, span.column, span.end_line + shift, span.end_column)

    def holds(self, node: cst.CSTNode) -> bool:
        """Whether ``node`` is part of this module: the evaluator makes a few nodes of its own (a lambda's
        ``return``), which have no place in the source."""
        return node is self.module or id(node) in self._statements()

    def extent(self, node: cst.CSTNode) -> tuple[int, int]:
        """The first and last line of ``node``; cheap for a statement."""
        found = self._place(node)
        if found is not None:
            return found[0], found[1]
        span = self.of(node)
        return span.line, span.end_line

    def line(self, node: cst.CSTNode, within: cst.CSTNode) -> int:
        """The first line of ``node``, found from the lines of the statement ``within`` that holds it."""
        place = self._place(within)
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

    def _holder(self, node: cst.CSTNode) -> tuple[cst.CSTNode, list[cst.CSTNode] | None]:
        """The innermost statement holding ``node`` and, for a line of small statements, the nodes down to it.

        The suggested place is checked by a search of that one line; the map of the
        whole module is the fallback.
        """
        place = self._places.get(id(node))
        if type(place) is cst.SimpleStatementLine:
            chain = _chain(place, node)
            if chain is not None:
                return place, chain
        statement = self._statements().get(id(node), self.module)
        if type(statement) is cst.SimpleStatementLine and self._tree is not None:
            return statement, _chain(statement, node)
        return statement, None

    def _from_ast(self, chain: list[cst.CSTNode]) -> Span | None:
        """The range read off the ``ast`` node in the same place, where the two trees' ranges agree."""
        theirs: ast.AST | None = self._ast_statement(chain[1]) if len(chain) > 1 else None
        if theirs is None or self._text is None:
            return None
        real = [node for node in chain[1:] if type(node) not in _WRAPPERS]
        for parent, child in itertools.pairwise(real):
            theirs = _counterpart(parent, child, theirs)
            if theirs is None:
                return None
        if type(real[-1]) not in _SAME_RANGE or not hasattr(theirs, "end_lineno"):
            return None
        located = cast(ast.expr, theirs)  # every ast node with an end_lineno has the four positions
        start = located.lineno, self._column(located.lineno, located.col_offset)
        end_line, end_column = cast(int, located.end_lineno), cast(int, located.end_col_offset)
        return Span(*start, end_line, self._column(end_line, end_column))

    def _ast_statement(self, small: cst.CSTNode) -> ast.stmt | None:
        """The ``ast`` statement paired with a small or compound libcst statement."""
        self._place(small)
        return self._ast_statements.get(id(small))

    def _column(self, line: int, offset: int) -> int:
        """``ast`` counts UTF-8 bytes; libcst counts characters."""
        if self._text_lines is None:
            self._text_lines = source_lines(self._text or "")
        text = self._text_lines[line - 1]
        return offset if text.isascii() else len(text.encode()[:offset].decode(errors="replace"))

    def _statements(self) -> dict[int, cst.CSTNode]:
        """The innermost statement holding each node; an ``elif`` belongs to its ``if``, as it cannot stand alone."""
        if self._innermost is None:
            self._innermost = {}
            stack: list[tuple[cst.CSTNode, cst.CSTNode]] = [(s, s) for s in self.module.body]
            while stack:
                node, statement = stack.pop()
                self._innermost[id(node)] = statement
                for child in syntax_children(node):
                    own = type(child) in _STATEMENT_TYPES and child is not getattr(node, "orelse", None)
                    stack.append((child, child if own else statement))
        return self._innermost

    def _place(self, statement: cst.CSTNode) -> tuple[int, int, int] | None:
        """A statement's first line, last line and column, from the ``ast`` statement paired with it.

        The two trees are paired block by block, outermost first, only until the
        statement is found: a directive on a ``class`` line needs the top level
        alone.  A block whose statements do not pair up ends the pairing, and
        lines come from code generation instead.
        """
        while id(statement) not in self._statement_lines and self._blocks:
            ours, theirs = self._blocks.popleft()
            if not _pair_block(ours, theirs, self._statement_lines, self._ast_statements, self._blocks):
                self._blocks.clear()
        return self._statement_lines.get(id(statement))


def _pair_block(
    body: Sequence[cst.CSTNode],
    theirs: list[ast.stmt],
    lines: dict[int, tuple[int, int, int]],
    paired: dict[int, ast.stmt],
    blocks: deque[tuple[Sequence[cst.CSTNode], list[ast.stmt]]],
) -> bool:
    """Pair one block's statements with ``ast``'s, recording lines and queueing the blocks inside them.

    A line of small statements ``a = 1; b = 2`` is two ``ast`` statements; the
    line itself starts with the first and ends with the last.  The column counts
    the indentation, which is ASCII, so ``ast``'s bytes are characters.
    """
    groups: list[tuple[cst.CSTNode, ...]] = []
    for statement in body:
        if type(statement) is cst.SimpleStatementLine:
            first, *rest = statement.body
            groups.append((statement, first))
            groups.extend((small,) for small in rest)
        else:
            groups.append((statement,))
    if len(groups) != len(theirs) or any(not _same_kind(group[-1], other) for group, other in zip(groups, theirs)):
        return False
    for group, other in zip(groups, theirs):
        paired[id(group[-1])] = other
        place = other.lineno, other.end_lineno or other.lineno, other.col_offset
        for node in group:
            lines[id(node)] = place
        if type(group[-1]) in _STATEMENT_TYPES:
            inner = _inner_blocks(group[-1], other)
            if inner is None:
                return False
            blocks.extend(inner)
    for statement in body:
        if type(statement) is cst.SimpleStatementLine:
            line, _, column = lines[id(statement)]
            lines[id(statement)] = (line, lines[id(statement.body[-1])][1], column)
    return True


def _inner_blocks(ours: cst.CSTNode, theirs: ast.stmt) -> list[tuple[Sequence[cst.CSTNode], list[ast.stmt]]] | None:
    """The blocks of a compound statement, each with its ``ast`` counterpart; handlers and cases one by one.

    ``None`` when the two have different numbers of handlers or cases.
    """
    blocks: list[tuple[Sequence[cst.CSTNode], list[ast.stmt]]] = []
    for name in _BLOCKS:
        mine, other = getattr(ours, name, None), getattr(theirs, name, [])
        if name not in ("handlers", "cases"):
            blocks.append((_cst_block(mine), other))
        elif len(mine or ()) != len(other):
            return None
        else:
            blocks.extend((_cst_block(item), clause.body) for item, clause in zip(mine or (), other))
    return blocks


def _same_kind(ours: cst.CSTNode, theirs: ast.stmt) -> bool:
    return type(ours).__name__ == _cst_name(type(theirs))


def _cst_name_of(kind: type) -> str:
    """The name libcst gives the statement ``ast`` calls ``kind``."""
    name = kind.__name__.removeprefix("Async")
    return "Del" if name == "Delete" else name


_cst_name: Callable[[type], str] = cache(_cst_name_of)


def _cst_block(value: Any) -> Sequence[cst.CSTNode]:
    """The statements held by one block field: a suite, ``else``/``finally``, handlers, cases or an ``elif``."""
    if value is None or isinstance(value, cst.MaybeSentinel):
        return ()
    if isinstance(value, cst.If):
        return (value,)
    if isinstance(value, (tuple, list)):
        return [statement for item in value for statement in _cst_block(item)]
    inner = value.body
    return inner if isinstance(inner, (tuple, list)) else _cst_block(inner)


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


def _chain(root: cst.CSTNode, node: cst.CSTNode) -> list[cst.CSTNode] | None:
    """The nodes from ``root`` down to ``node``, or ``None`` when ``node`` is not below ``root``."""
    parents: dict[int, cst.CSTNode | None] = {id(root): None}
    stack = [root]
    while stack:
        current = stack.pop()
        if current is node:
            chain: list[cst.CSTNode] = [current]
            while (parent := parents[id(chain[-1])]) is not None:
                chain.append(parent)
            return chain[::-1]
        for child in syntax_children(current):
            parents[id(child)] = current
            stack.append(child)
    return None


def _counterpart(ours: cst.CSTNode, child: cst.CSTNode, theirs: ast.AST | None) -> ast.AST | None:
    """The ``ast`` node where ``child`` stands below ``ours``, given ``theirs``, the ``ast`` node of ``ours``."""
    if isinstance(ours, cst.Call) and isinstance(theirs, ast.Call):
        return theirs.func if child is ours.func else _argument(ours, child, theirs)
    if isinstance(ours, (cst.Tuple, cst.List)) and isinstance(theirs, (ast.Tuple, ast.List)):
        index = _index([element.value for element in ours.elements], child)
        if index is None or len(ours.elements) != len(theirs.elts):
            return None
        return _unstarred(theirs.elts[index], isinstance(ours.elements[index], cst.StarredElement))
    if isinstance(ours, cst.Assign) and isinstance(theirs, ast.Assign):
        index = _index([target.target for target in ours.targets], child)
        if index is not None:
            return theirs.targets[index]
    if isinstance(ours, cst.Subscript) and isinstance(theirs, ast.Subscript) and child is not ours.value:
        return theirs.slice if _single_index(ours) is child else None
    expected, fields = _FIELDS.get(type(ours), (None, ()))
    if type(theirs) is not expected:
        return None
    return next((getattr(theirs, mine) for own, mine in fields if getattr(ours, own) is child), None)


def _argument(call: cst.Call, child: cst.CSTNode, theirs: ast.Call) -> ast.AST | None:
    """``ast`` keeps positional arguments and keywords apart, each list in source order."""
    positional = keyword = 0
    for arg in call.args:
        by_position = arg.keyword is None and arg.star != "**"
        if arg.value is child:
            if by_position:
                found = theirs.args[positional : positional + 1]
                return _unstarred(found[0], arg.star == "*") if found else None
            named = theirs.keywords[keyword : keyword + 1]
            return named[0].value if named else None
        positional, keyword = positional + by_position, keyword + (not by_position)
    return None


def _unstarred(node: ast.AST, starred: bool) -> ast.AST | None:
    if starred:
        return node.value if isinstance(node, ast.Starred) else None
    return None if isinstance(node, ast.Starred) else node


def _single_index(subscript: cst.Subscript) -> cst.BaseExpression | None:
    """The index of ``x[i]``; ``None`` for slices, several indices or a trailing comma, which ``ast`` makes a tuple."""
    if len(subscript.slice) != 1:
        return None
    element = subscript.slice[0]
    if not isinstance(element.slice, cst.Index) or element.slice.star is not None:
        return None
    if isinstance(element.comma, cst.Comma):
        return None
    return element.slice.value


def _index(items: list[cst.BaseExpression], child: cst.CSTNode) -> int | None:
    return next((index for index, item in enumerate(items) if item is child), None)
