"""Re-parsing an edited text keeps the trees of the statements the edit did not touch, and gives what a parse of
the whole text gives: the same code back, and the same findings."""

from __future__ import annotations

import random
import re
from pathlib import Path

import libcst as cst
import pytest

from shapelint.lint import check_all
from shapelint.source import PARSE_ERRORS, Reparser, parse
from tests.corpus_files import corpus_files

FILES = corpus_files()


def _edits(text: str, rng: random.Random) -> list[str]:
    """A few editor-like versions of ``text``: a number changed, a comment line added, a line removed, blank lines
    added between statements."""
    lines = text.splitlines(keepends=True)
    numbers = list(re.finditer(r"\b\d+\b", text))
    versions = []
    if numbers:
        chosen = rng.choice(numbers)
        versions.append(text[: chosen.start()] + str(int(chosen.group()) + 1) + text[chosen.end() :])
    at = rng.randrange(len(lines) + 1)
    versions.append("".join(lines[:at] + ["# a note\n"] + lines[at:]))
    if lines:
        at = rng.randrange(len(lines))
        versions.append("".join(lines[:at] + lines[at + 1 :]))
    versions.append(text.replace("\n\n\n", "\n\n\n\n", 1))
    return versions


def _findings(parsed: object, path: Path) -> list[object]:
    return [finding.diagnostic for finding in check_all(parsed, str(path)).findings]  # type: ignore[arg-type]


@pytest.mark.parametrize("path", FILES[::3], ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_each_version_parses_as_the_whole_text_does(path: Path) -> None:
    rng = random.Random(path.name)
    reparser = Reparser()
    text = path.read_text(encoding="utf-8")
    for version in [text, *_edits(text, rng), text]:
        try:
            whole = parse(version)
        except PARSE_ERRORS:
            with pytest.raises(PARSE_ERRORS):
                reparser.parse(version)
            continue
        again = reparser.parse(version)
        assert again.module.code == whole.module.code
        assert _findings(again, path) == _findings(whole, path)


def test_statements_an_edit_did_not_touch_keep_their_trees() -> None:
    text = "import torch.nn as nn\n\n\n# the stem\nstem = nn.Conv2d(3, 8, 3)\n\n\nhead = nn.Linear(8, 2)\n"
    reparser = Reparser()
    before = reparser.parse(text).module.body
    edited = text.replace("Linear(8, 2)", "Linear(8, 4)")
    after = reparser.parse(edited).module.body
    assert after[0] is before[0] and after[1] is before[1] and after[2] is not before[2]
    whole = cst.parse_module(edited).body
    assert len(after) == len(whole) and all(ours.deep_equals(theirs) for ours, theirs in zip(after, whole))
