"""The torch-verified model corpus: where its files are and what each one expects.

A corpus file carries its verdict inline: ``# expect: SHP001`` on the line a
diagnostic must point at makes it buggy, and no such comment makes it correct.
The torch tests and the lint tests both read the files through this module, so
a file's verdict and its expected findings cannot drift apart.
"""

from __future__ import annotations

import importlib
import re
import sys
import tokenize
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

CORPUS = Path(__file__).parent / "corpus"
HELDOUT_STYLE = Path(__file__).parent / "heldout_style"
EXAMPLES = Path(__file__).parent.parent / "examples"

TORCH_ERRORS = (RuntimeError, ValueError, IndexError, TypeError, AssertionError)
"""What a buggy model's ``check()`` may raise: torch's own shape and dtype errors (MultiheadAttention asserts)."""

_EXPECT = re.compile(r"#\s*expect:\s*((?:SHP\d{3}\s*)+)$")
_DIRECTIVE = re.compile(r"#\s*shapelint:\s*input=(.*)$")


def corpus_files() -> list[Path]:
    """Every corpus model, sequential and module ones alike, in a stable order."""
    return sorted(CORPUS.rglob("*.py"))


def heldout_style_files() -> list[Path]:
    """The held-out-style models, each ``*_bug.py`` or ``*_correct.py``."""
    return sorted(path for path in HELDOUT_STYLE.glob("*.py") if not path.name.startswith(("test_", "__")))


def example_files() -> list[Path]:
    """Every example model; ``*_buggy.py`` files pair with ``*_fixed.py`` ones."""
    return sorted(EXAMPLES.glob("*.py"))


def _comments(path: Path) -> Iterator[tuple[int, str]]:
    """Real comments only, so a ``# expect:`` inside a string never counts."""
    with path.open("rb") as stream:
        for token in tokenize.tokenize(stream.readline):
            if token.type == tokenize.COMMENT:
                yield token.start[0], token.string


def expectations(path: Path) -> set[tuple[int, str]]:
    """The (line, code) pairs the linter must report for ``path``, and no others."""
    found: set[tuple[int, str]] = set()
    for line, comment in _comments(path):
        match = _EXPECT.search(comment)
        if match:
            found.update((line, code) for code in match.group(1).split())
    return found


def directives(path: Path) -> list[tuple[int, str]]:
    """The (line, text after ``input=``) of each input-shape directive in ``path``."""
    found: list[tuple[int, str]] = []
    for line, comment in _comments(path):
        match = _DIRECTIVE.search(comment)
        if match:
            found.append((line, match.group(1).strip()))
    return found


def is_buggy(path: Path) -> bool:
    """A file is buggy exactly when it expects at least one finding."""
    return bool(expectations(path))


def load_check(path: Path) -> Callable[[], None]:
    """Execute ``path`` as a fresh module (never ``__main__``) and return its ``check``."""
    module = types.ModuleType(f"shapelint_corpus_{path.parent.name}_{path.stem}")
    module.__file__ = str(path)
    with lightning_stand_in():
        exec(compile(path.read_text(encoding="utf-8"), str(path), "exec", dont_inherit=True), module.__dict__)
    return module.__dict__["check"]


@contextmanager
def lightning_stand_in() -> Iterator[None]:
    """``import pytorch_lightning as pl`` gives :mod:`tests.lightning_stand_in` while a corpus file runs, where
    Lightning is not installed."""
    # imported by name: a static import would make every test module that reads the corpus's verdicts need torch
    # (tests/conftest.py's torch-free run follows this file's imports), while only running a corpus file does
    stand_in = importlib.import_module("tests.lightning_stand_in")
    added = {"pytorch_lightning": stand_in.module("pytorch_lightning")}
    added = {name: stand_in for name, stand_in in added.items() if name not in sys.modules}
    sys.modules.update(added)
    try:
        yield
    finally:
        for name in added:
            sys.modules.pop(name, None)
