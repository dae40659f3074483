"""Issue 15: bugs injected into classes built in several configurations are fixed so that every configuration runs.

The models of ``tests/corpus/configurations`` each build one class in two or more configurations in ``check()``
(resnet18/34/50, residual blocks at two widths, transformer blocks from two configs, MLPs from two width lists,
VGG tables, DCGAN widths, U-Net bases).  Every input size, literal or written with names, is mutated; torch
decides which mutants are bugs; ``--fix --unsafe-fixes`` repairs them, and torch runs the result again.
"""

from __future__ import annotations

import pytest

from tests.mutation.harness import FIX_TARGETS, fix_folder


@pytest.mark.exhaustive
def test_every_fix_holds_in_every_configuration_and_most_bugs_get_one() -> None:
    result = fix_folder("configurations")
    report = "\n".join(outcome.describe() for outcome in result.outcomes)
    assert len(result.outcomes) >= 40, "too few torch-failing mutants to measure"
    assert result.holding >= FIX_TARGETS[0], report
    assert result.fixed >= FIX_TARGETS[1], report
