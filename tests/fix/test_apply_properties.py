"""Properties of fixing over every model the project has: nothing changes but the fixed expressions."""

from __future__ import annotations

import tokenize
from io import BytesIO

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.judge import CODES, Fix
from tests.budget import examples
from tests.corpus_files import corpus_files, example_files
from tests.fix.spans import apply, splice

pytestmark = pytest.mark.sampled

SOURCES = [path.read_bytes() for path in corpus_files() + example_files()] + [
    example.encode() for code in CODES.values() for example in (code.invalid, code.valid)
]


@st.composite
def sources(draw: st.DrawFn) -> bytes:
    """A project model, possibly with CRLF endings, a BOM or a latin-1 declaration."""
    source = draw(st.sampled_from(SOURCES))
    if draw(st.booleans()):
        source = source.replace(b"\n", b"\r\n")
    header = draw(st.sampled_from([b"", b"\xef\xbb\xbf", b"# -*- coding: latin-1 -*-\n"]))
    return header + source


def numbers(source: bytes) -> list[Fix]:
    """A fix slot for every number literal, located by Python's own tokenizer."""
    return [
        Fix(token.start[0], token.start[1] + 1, token.end[0], token.end[1] + 1, token.string, True)
        for token in tokenize.tokenize(BytesIO(source).readline)
        if token.type == tokenize.NUMBER
    ]


@settings(deadline=None)
@given(sources())
def test_no_fixes_is_byte_identical(source: bytes) -> None:
    assert apply(source, []) == source


@settings(max_examples=examples(60), deadline=None)
@given(st.data())
def test_only_the_fixed_spans_change(data: st.DataObject) -> None:
    source = data.draw(sources())
    slots = numbers(source)
    chosen = data.draw(st.lists(st.sampled_from(slots), unique=True, max_size=4)) if slots else []
    values = data.draw(st.lists(st.integers(0, 10**6), min_size=len(chosen), max_size=len(chosen)))
    fixes = [Fix(f.line, f.column, f.end_line, f.end_column, str(v), True) for f, v in zip(chosen, values)]
    assert apply(source, fixes) == splice(source, fixes)
