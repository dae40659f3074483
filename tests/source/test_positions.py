"""Our cheap positions agree with libcst's ``PositionProvider`` wherever the linter asks for one."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import libcst as cst
import pytest
from libcst.metadata import CodeRange, MetadataWrapper, PositionProvider

from shapelint.source.positions import Positions, Span
from shapelint.source.walk import children
from tests.corpus_files import corpus_files

TRICKY = '''\
"""Module docstring."""
import torch.nn as nn; import torch


@dataclass
# a comment between decorator and class
class Config:
    width: int = 16


async def run(x):
    async with lock:
        async for item in (
            stream
        ):
            pass
    if x:
        a = 1; b = (2 +
            3)
    elif x is None: c = 4; d = 5
    else:
        pass
    try:
        e = nn.Linear(  # comment
            (16 * 5 * 5), 120,
        )
    except* ValueError:
        pass
    else:
        f = """a
multi-line string"""
    finally:
        del e
    match x:
        case [1, 2]:
            g = nn.Sequential(
                nn.Linear(4, 5),
            )
        case _:
            h = 1 + \\
                2
    while x:
        break
    else:
        return [*x, (y := 3)]
'''
if sys.version_info < (3, 11):
    TRICKY = TRICKY.replace("except* ValueError", "except ValueError")  # except* is 3.11 syntax


CALLS = '''\
größe = 16; layer = nn.Linear(größe * 2, (größe + 1) * 3, *extra, bias=True, *more, **options)
a, (b, c) = f(x)[0], [g(y), *rest]
first = second = nn.Conv2d(in_channels=(3), out_channels=- 8, kernel_size=size[1,], padding=pad[i])
note: "ünï" = h(z, "ö", key=(w))
total += model(torch.zeros(2, größe))[..., 1:3].view(-1, 4).sum()
stack = (x for x in items), f(x for x in items), [*front, nn.ReLU()], {"k": v}, lambda q: q + 1
def forward(self, x):
    return self.fc((x + 1) * 2 - (self.bias or 0))
'''


def _same(span: Span, expected: CodeRange) -> bool:
    return (span.line, span.column, span.end_line, span.end_column) == (
        expected.start.line,
        expected.start.column,
        expected.end.line,
        expected.end.column,
    )


def _check(source: bytes) -> None:
    module = cst.parse_module(source)
    expected = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    positions = Positions(module, ast.parse(source), source.decode(module.encoding))
    statements = [node for node in expected if isinstance(node, (cst.BaseStatement, cst.BaseSmallStatement))]
    for statement in statements:
        assert positions.extent(statement)[0] == expected[statement].start.line, cst.Module([]).code_for_node(statement)
    lines = [node for node in statements if isinstance(node, cst.SimpleStatementLine)]
    misled = Positions(module, ast.parse(source), source.decode(module.encoding), dict.fromkeys(map(id, expected), lines[0]))
    for node, where in expected.items():
        if isinstance(node, cst.BaseExpression):
            assert _same(positions.of(node), where), cst.Module([]).code_for_node(node)
            assert _same(misled.of(node), where), "a wrong suggested statement must not change a range"
    for statement in statements:
        for node in _calls_below(statement):
            assert positions.line(node, within=statement) == expected[node].start.line


def _calls_below(root: cst.CSTNode) -> list[cst.Call]:
    stack, found = [root], []
    while stack:
        node = stack.pop()
        found += [node] if isinstance(node, cst.Call) else []
        stack.extend(children(node))
    return found


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_tricky_statements_and_expressions(newline: str) -> None:
    _check(TRICKY.replace("\n", newline).encode())


def test_calls_and_wide_characters() -> None:
    """Ranges read off the ``ast`` tree: keywords, stars, nested targets, columns after non-ASCII text."""
    _check(CALLS.encode())


@pytest.mark.parametrize("path", corpus_files()[::7], ids=lambda path: path.name)
def test_corpus_files(path: Path) -> None:
    _check(path.read_bytes())


def test_last_lines_of_statements_come_from_the_ast() -> None:
    module = cst.parse_module(TRICKY)
    positions = Positions(module, ast.parse(TRICKY))
    line = next(s for s in module.body if isinstance(s, cst.FunctionDef)).body.body[1].body.body[0]
    assert positions.extent(line) == (18, 19)


def test_without_a_tree_lines_come_from_code_generation() -> None:
    module = cst.parse_module(TRICKY)
    expected = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    positions = Positions(module)
    for node in (n for n in expected if isinstance(n, cst.SimpleStatementLine)):
        assert positions.extent(node)[0] == expected[node].start.line
