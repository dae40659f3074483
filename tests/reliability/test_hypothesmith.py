"""Generated programs: linting raises only documented parse errors and ``--fix`` output always parses."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.reliability.fuzzing import generated_models, generated_programs, verify

FUZZ = settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(generated_programs(), st.booleans())
def test_generated_programs_keep_both_promises(source: bytes, unsafe: bool) -> None:
    verify(source, unsafe)


@settings(FUZZ, max_examples=300)
@given(generated_models(), st.booleans())
def test_layers_with_generated_arguments_keep_both_promises(source: bytes, unsafe: bool) -> None:
    verify(source, unsafe)
