"""The linter reads shapelint.runtime models too; the runtime's own construction is the verdict."""

from __future__ import annotations

import pytest

from shapelint.catalog import ShapeError
from shapelint.fix import fix_source
from shapelint.lint import lint_source

BUGGY = '''\
from shapelint.runtime import Conv2d, Flatten, Linear, MaxPool2d, ReLU, Sequential

model = Sequential(
    Conv2d(6, kernel_size=5),
    ReLU(),
    MaxPool2d(2),
    Flatten(),
    Linear(120, in_features=16 * 5 * 5),
    Linear(10),
    input_shape=(1, 28, 28),
)
'''
CORRECT = BUGGY.replace("16 * 5 * 5", "6 * 12 * 12")
IMPLICIT = BUGGY.replace(", in_features=16 * 5 * 5", "")


def _builds(source: str) -> bool:
    try:
        exec(compile(source, "<runtime model>", "exec"), {})
    except ShapeError:
        return False
    return True


@pytest.mark.parametrize("source", [CORRECT, IMPLICIT])
def test_consistent_runtime_models_build_and_lint_clean(source: str) -> None:
    assert _builds(source)
    assert lint_source(source) == []


def test_wrong_explicit_size_fails_at_construction_and_is_reported() -> None:
    assert not _builds(BUGGY)
    [diagnostic] = lint_source(BUGGY)
    assert (diagnostic.line, diagnostic.code, diagnostic.expected, diagnostic.found) == (8, "SHP001", 864, 400)


def test_fix_repairs_the_runtime_model() -> None:
    fixed = fix_source(BUGGY)
    assert "Linear(120, in_features=6 * 12 * 12)" in fixed  # the flattened factors, as the author wrote a product
    assert _builds(fixed)


@pytest.mark.parametrize(("in_features", "runs"), [(16 * 5 * 5, False), (6 * 12 * 12, True)])
def test_torch_agrees_with_the_verdicts(in_features: int, runs: bool) -> None:
    """The torch twin of the runtime model: the buggy size fails and the corrected one runs."""
    import torch
    from torch import nn

    twin = nn.Sequential(
        nn.Conv2d(1, 6, kernel_size=5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
        nn.Linear(in_features, 120), nn.Linear(120, 10),
    )
    try:
        with torch.no_grad():
            twin(torch.zeros(2, 1, 28, 28))
    except RuntimeError:
        assert not runs
    else:
        assert runs


def test_keywords_that_change_no_shape_leave_the_model_checked() -> None:
    """``rng=``, ``dtype=`` and ``input_dtype=`` of a runtime Sequential: the model is read as before."""
    source = BUGGY.replace("input_shape=(1, 28, 28),", "input_shape=(1, 28, 28), rng=0, dtype='float64', input_dtype='float',")
    assert not _builds(source)
    [diagnostic] = lint_source(source)
    assert (diagnostic.line, diagnostic.code, diagnostic.expected, diagnostic.found) == (8, "SHP001", 864, 400)
