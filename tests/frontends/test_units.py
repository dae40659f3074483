"""Suppression comments, selection, JSON values and discovery on their own."""

from __future__ import annotations

from pathlib import Path

import pytest

from shapelint.dims import UNKNOWN, Shape, Symbol
from shapelint.frontends.config import Selection
from shapelint.frontends.files import discover, might_hold_model
from shapelint.frontends.report import jsonable
from shapelint.source import Suppressions


@pytest.mark.parametrize(
    ("comment", "silenced"),
    [
        ("", False),
        ("  # noqa", True),
        ("  # NOQA", True),
        ("  # noqa: SHP001", True),
        ("  # noqa:SHP0", True),
        ("  # noqa: E501, SHP001", True),
        ("  # noqa: SHP002", False),
        ("  # noqa: E501", False),
        ("  # shapelint: ignore", True),
        ("  # shapelint: input=(B, 3)", False),
    ],
)
def test_suppression_comment(comment: str, silenced: bool) -> None:
    text = f"a = 1\nb = 2{comment}\r\nc = 3"
    assert Suppressions(text).silence(2, "SHP001") is silenced
    assert Suppressions(text).silence(3, "SHP001") is False


def test_selection_prefixes_and_ignore_wins() -> None:
    selection = Selection(select=("SHP00",), ignore=("SHP002",))
    assert [selection.wants(code) for code in ("SHP001", "SHP002", "SHP100")] == [True, False, False]


def test_jsonable_values() -> None:
    assert jsonable((Symbol("B"), 3, UNKNOWN, [True, None])) == ["B", 3, "?", [True, None]]
    assert jsonable(Shape.of(Symbol("B"), 4)) == "(B, 4)"


def test_prefilter() -> None:
    assert might_hold_model(b"import torch") and might_hold_model(b"# shapelint: input=(B,)")
    assert not might_hold_model(b"import numpy")


def test_discover_is_sorted_and_distinct(tmp_path: Path) -> None:
    for name in ("b.py", "a.py", "c.txt"):
        (tmp_path / name).write_text("")
    files, missing = discover([str(tmp_path), str(tmp_path / "a.py")])
    assert missing == []
    assert files == [str(tmp_path / "a.py"), str(tmp_path / "b.py")]
