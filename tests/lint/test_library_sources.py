"""Library code linted as it is installed: what a class would do built with defaults nobody uses is not a finding."""

from __future__ import annotations

from pathlib import Path

import pytest

from shapelint.lint import lint_source


def test_torchs_own_upsample_is_not_reported_for_its_none_defaults() -> None:
    """``nn.Upsample(size=None, scale_factor=None)`` is refused by torch, but nobody builds it so; its file was the
    one finding of a fix over the whole installed torch package."""
    torch = pytest.importorskip("torch", reason="the file linted is installed torch's own, which this run lacks")
    from torch.nn.modules import upsampling

    path = Path(upsampling.__file__)
    assert lint_source(path.read_bytes(), str(path)) == []
    assert torch.nn.Upsample(scale_factor=2)(torch.zeros(1, 1, 2, 2)).shape == (1, 1, 4, 4)
    with pytest.raises(ValueError, match="either size or scale_factor should be defined"):
        torch.nn.Upsample()(torch.zeros(1, 1, 2, 2))
