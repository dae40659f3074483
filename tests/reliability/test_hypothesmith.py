"""Generated programs: linting raises only documented parse errors and ``--fix`` output always parses."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.budget import examples
from tests.reliability.fuzzing import generated_models, generated_programs, verify

pytestmark = pytest.mark.sampled

FUZZ = settings(max_examples=examples(60), deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(generated_programs(), st.booleans())
def test_generated_programs_keep_both_promises(source: bytes, unsafe: bool) -> None:
    verify(source, unsafe)


@settings(FUZZ, max_examples=examples(300))
@given(generated_models(), st.booleans())
def test_layers_with_generated_arguments_keep_both_promises(source: bytes, unsafe: bool) -> None:
    verify(source, unsafe)
