"""MaxPool, AvgPool and the adaptive pools in 1-3 dimensions agree with torch."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from tests.budget import examples
from tests.catalog.oracle import assert_agrees
from tests.catalog.pools import Case, adaptive_case, pool_case

pytestmark = pytest.mark.sampled


@settings(max_examples=examples(900))
@given(case=pool_case())
def test_pool(case: Case) -> None:
    assert_agrees(*case)


@settings(max_examples=examples(400))
@given(case=adaptive_case())
def test_adaptive_pool(case: Case) -> None:
    assert_agrees(*case)
