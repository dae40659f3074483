"""Mutated models, the way files look mid-edit: fixing never raises and never produces a file that does not parse."""

from __future__ import annotations

import libcst as cst
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shapelint.fix import fix_bytes
from tests.budget import examples
from tests.corpus_files import corpus_files

pytestmark = pytest.mark.sampled

SOURCES = [path.read_bytes() for path in corpus_files()]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A corpus model with a few random edits: deletions, swapped slices, random ints, truncation."""
    source = bytearray(draw(st.sampled_from(SOURCES)))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, max(len(source) - 1, 0)))
        edit = draw(st.sampled_from(["delete", "int", "swap", "truncate"]))
        if edit == "delete":
            del source[at : at + draw(st.integers(1, 8))]
        elif edit == "int":
            source[at:at] = str(draw(st.integers(-(10**30), 10**30))).encode()
        elif edit == "swap":
            other = draw(st.integers(0, max(len(source) - 1, 0)))
            low, high = sorted((at, other))
            source[low:high] = source[low:high][::-1] if high - low < 16 else source[low:high]
        else:
            del source[at:]
    return bytes(source)


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated(), st.booleans())
def test_fixing_a_mutated_model_never_raises_and_always_parses(source: bytes, unsafe: bool) -> None:
    result = fix_bytes(source, "mutated.py", unsafe=unsafe)
    assert result.before == source
    if result.error is not None or not result.fixed:
        assert result.after == source
    else:
        cst.parse_module(result.after)
