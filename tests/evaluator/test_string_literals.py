"""String literals read without compiling them keep the value Python gives them."""

from __future__ import annotations

import libcst as cst
import pytest
from hypothesis import given
from hypothesis import strategies as st

from shapelint.evaluator.expressions import string_value

pytestmark = pytest.mark.sampled

PREFIXES = ["", "r", "R", "u", "U", "b", "B", "rb", "bR", "Rb"]
QUOTES = ["'", '"', "'''", '"""']


@given(
    st.sampled_from(PREFIXES),
    st.sampled_from(QUOTES),
    st.text(alphabet=st.sampled_from(list("ab é\\n'\"\r\n\t{}")), max_size=12),
)
def test_string_value_matches_python(prefix: str, quote: str, body: str) -> None:
    source = f"{prefix}{quote}{body}{quote}"
    try:
        node = cst.parse_expression(source)
        expected = node.evaluated_value
    except (cst.ParserSyntaxError, SyntaxError, ValueError):
        return
    if not isinstance(node, cst.SimpleString):
        return
    value = string_value(node)
    assert (type(value), value) == (type(expected), expected)
