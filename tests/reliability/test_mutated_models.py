"""Torch-verified models after token-level edits, one kind of edit at a time and mixed.

``tests/fix/test_fix_fuzz.py`` edits bytes of the corpus and checks that the fix
parses; this adds token-aware edits, the held-out-style models, linting itself,
re-linting the fixed output and fixing twice.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.budget import examples
from tests.reliability.fuzzing import EDITS, mutated_models, verify

pytestmark = pytest.mark.sampled

FUZZ = settings(max_examples=examples(80), deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_each_edit_keeps_both_promises(edit: str) -> None:
    @FUZZ
    @given(mutated_models((edit,)), st.booleans())
    def check(source: bytes, unsafe: bool) -> None:
        verify(source, unsafe)

    check()


@settings(FUZZ, max_examples=examples(300))
@given(mutated_models(), st.booleans())
def test_mixed_edits_keep_both_promises(source: bytes, unsafe: bool) -> None:
    verify(source, unsafe)
