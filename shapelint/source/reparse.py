"""Parsing a text that an editor changed a little: the top-level statements whose text did not change keep the
trees they were parsed into, and libcst parses only the statements the edit touched.

libcst's parse is most of an editor's wait on a large file.  The text is cut after each top-level statement (CPython's
tree gives where each ends), each piece, with the blank and comment lines before its statement, is parsed as a module
of its own, and the pieces' statements make the module; comment lines that open a later piece become its first
statement's leading lines, as a parse of the whole text makes them.  Whatever the pieces cannot represent the way a
whole parse would (a piece that is not whole statements, indentation that differs between pieces) is parsed whole.
"""

from __future__ import annotations

import ast
import itertools
import re

import libcst as cst

from shapelint.source.parsing import Parsed, parse, syntax_tree

_LINE_END = re.compile(r"\r\n|\r|\n")
_INDENTED = re.compile(r"(?:\r\n|\r|\n)[ \t]+\S")


Statements = list[cst.SimpleStatementLine | cst.BaseCompoundStatement]


class Reparser:
    """Parses one document again and again, keeping the statements of its last parse by their piece of text."""

    def __init__(self) -> None:
        self._kept: dict[tuple[bool, str], tuple[cst.Module, Statements]] = {}

    def parse(self, text: str, tree: ast.Module | None = None) -> Parsed:
        """Both trees of ``text``, as :func:`shapelint.source.parse` gives them (``tree``: its ``syntax_tree``, when
        the caller has it already).  Raises one of its errors."""
        tree = tree if tree is not None else syntax_tree(text)
        pieces = _pieces(text, tree) if tree is not None else None
        if tree is None or not pieces:
            return parse(text, tree=tree)
        kept = {(index == 0, piece): self._piece(index == 0, piece) for index, piece in enumerate(pieces)}
        self._kept = kept
        modules = [module for module, _ in kept.values()]
        indents = {module.default_indent for (_, piece), (module, _) in kept.items() if _INDENTED.search(piece)}
        if len(indents) > 1 or any(module.footer for module in modules[:-1]):
            return parse(text, tree=tree)
        whole = cst.Module(
            body=[statement for _, statements in kept.values() for statement in statements],
            header=modules[0].header,
            footer=modules[-1].footer,
            encoding=modules[0].encoding,
            default_indent=next(iter(indents), modules[0].default_indent),
            default_newline=modules[0].default_newline,
            has_trailing_newline=modules[-1].has_trailing_newline,
        )
        return Parsed(whole, tree, text)

    def _piece(self, first: bool, piece: str) -> tuple[cst.Module, Statements]:
        kept = self._kept.get((first, piece))
        if kept is not None:
            return kept
        module = cst.parse_module(piece)
        return module, list(module.body) if first else _with_header(module)


def _pieces(text: str, tree: ast.Module) -> list[str] | None:
    """``text`` cut after each top-level statement's last line (statements that share a line stay together); the
    last piece runs to the end.  ``None`` for a text without statements."""
    if not tree.body:
        return None
    starts = [0] + [match.end() for match in _LINE_END.finditer(text)]
    ends = [
        (statement.end_lineno or statement.lineno, after.lineno) for statement, after in itertools.pairwise(tree.body)
    ]
    offsets = [starts[end] for end, next_line in ends if next_line > end and end < len(starts)]
    bounds = [0, *offsets, len(text)]
    return [text[begin:end] for begin, end in itertools.pairwise(bounds)]


def _with_header(module: cst.Module) -> Statements:
    """The piece's statements, its opening comment and blank lines given to the first, as a whole parse does."""
    body = list(module.body)
    if module.header and body:
        first = body[0]
        body[0] = first.with_changes(leading_lines=(*module.header, *first.leading_lines))
    return body
