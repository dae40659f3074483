"""The suite's one conftest: hypothesis profiles, and the torch-free run on Pythons torch has no wheel for here.

Profiles (``HYPOTHESIS_PROFILE``): ``dev`` explores with fresh random examples
(the default, where new disagreements with torch are found); ``ci`` draws the
same examples every run, so a landing is decided by the code, not by the draw.
Tests marked ``exhaustive`` run only when ``-m`` selects them; tests marked
``sampled`` draw a fifth of their cases unless ``-m`` names ``exhaustive``
(CI runs ``pytest -m "exhaustive or sampled"`` after the default run).

``SHAPELINT_WITHOUT_TORCH=1`` leaves out every test module that imports torch,
directly or through a helper in ``tests/``; CI sets it for the other ends of
the supported Python range, where it installs shapelint without torch.
"""

from __future__ import annotations

import ast
import os
import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import settings

from tests import budget


def pytest_configure(config: pytest.Config) -> None:
    budget.FULL = re.search(r"(?<!not )\bexhaustive\b", config.option.markexpr or "") is not None
    default = budget.examples(100)
    settings.register_profile("dev", database=None, deadline=None, max_examples=default)
    settings.register_profile("ci", database=None, deadline=None, derandomize=True, max_examples=default)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


TESTS = Path(__file__).parent
collect_ignore_glob = ["projects/*"]
"""The multi-file projects are data: their own unit tests are what the linter reads, not tests of shapelint."""
TORCH_LIBRARIES = frozenset({"torch", "torchvision", "einops"})


@cache
def _needs_torch(path: Path) -> bool:
    """Whether importing ``path`` imports torch, itself or through a helper module of the test suite."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        for name in names:
            if name.split(".")[0] in TORCH_LIBRARIES:
                return True
            helper = TESTS.parent.joinpath(*name.split(".")).with_suffix(".py")
            if name.startswith("tests.") and helper.is_file() and helper != path and _needs_torch(helper):
                return True
    return False


def pytest_ignore_collect(collection_path: Path) -> bool | None:
    if os.environ.get("SHAPELINT_WITHOUT_TORCH") != "1" or collection_path.suffix != ".py":
        return None
    return True if collection_path.name.startswith("test_") and _needs_torch(collection_path) else None


def pytest_report_header(config: pytest.Config) -> str | None:
    if os.environ.get("SHAPELINT_WITHOUT_TORCH") == "1":
        return "SHAPELINT_WITHOUT_TORCH=1: test modules that import torch are left out"
    return None


@pytest.fixture(autouse=True)
def _own_result_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test has a result cache of its own: a result kept by one test (perhaps under a patched budget) must
    not answer another's run; runs within a test share it, as a user's runs do."""
    monkeypatch.setenv("SHAPELINT_CACHE_DIR", str(tmp_path_factory.mktemp("cache") / ".shapelint_cache"))
