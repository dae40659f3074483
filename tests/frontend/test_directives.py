"""Input-shape directives: only real comments count, and a malformed one says what is wrong."""

from __future__ import annotations

from shapelint.dims import Shape, Symbol
from shapelint.directives import find_directives

SOURCE = '''\
import torch.nn as nn

HELP = """
# shapelint: input=(B, 1, 2, 3)
"""
model = nn.Sequential(nn.Linear(4, 5))  # shapelint: input=(B, 4)
text = "# shapelint: input=(B, 9)"
'''


def test_only_comments_are_directives() -> None:
    found = find_directives(SOURCE)
    assert list(found) == [6]
    assert found[6].shape == Shape((Symbol("B"), 4))
    assert found[6].column == SOURCE.splitlines()[5].index("#") + 1


def test_no_candidate_means_no_tokenizing() -> None:
    assert find_directives("x = 1  # shapelint: ignore\n") == {}


def test_malformed_directive_is_kept_with_its_reason() -> None:
    found = find_directives("m = 1  # shapelint: input=(B, 3, 32 32)\r\nn = 2\r\n")
    assert found[1].shape is None
    assert found[1].error is not None and "`32 32` is not an int or a name" in found[1].error


def test_dtype_is_read() -> None:
    found = find_directives("m = 1  # shapelint: input=(B, 7) dtype=long\n")
    assert found[1].shape == Shape((Symbol("B"), 7), dtype="int")
