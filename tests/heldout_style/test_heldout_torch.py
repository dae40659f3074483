"""Ground truth for the held-out-style models: torch decides which ones are buggy."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
import torch

from tests.corpus_files import TORCH_ERRORS, expectations, heldout_style_files, is_buggy
from tests.mutation.harness import load_module

FILES = heldout_style_files()


def test_suite_is_broad() -> None:
    buggy = sum(is_buggy(path) for path in FILES)
    assert len(FILES) >= 30 and 10 <= buggy <= len(FILES) - 10, (len(FILES), buggy)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_verdict_matches_torch(path: Path) -> None:
    assert path.stem.endswith(("_bug", "_correct")) and is_buggy(path) == path.stem.endswith("_bug")
    assert all(code.startswith("SHP0") for _, code in expectations(path))
    check = load_module(path.read_text(encoding="utf-8"), str(path))["check"]
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")
        if is_buggy(path):
            with pytest.raises(TORCH_ERRORS):
                check()  # type: ignore[operator]
        else:
            check()  # type: ignore[operator]
