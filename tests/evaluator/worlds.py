"""Programs whose conditions come from the environment (``A`` and ``B``), which the evaluator cannot know: every
name it decides must have that value in every world the unknowns allow.  Names it leaves unknown are allowed."""

from __future__ import annotations

import itertools
import os
from unittest import mock

import libcst as cst

from shapelint.dims import UNKNOWN
from shapelint.evaluator import evaluate

PRELUDE = """\
import os

a = os.environ.get("A") == "1"
b = os.environ.get("B") == "1"
"""


def decided(source: str) -> dict[str, object]:
    """The plain names the evaluator decides in ``source``."""
    return {
        key: value
        for key, value in evaluate(cst.parse_module(source)).names.items()
        if value is not UNKNOWN and isinstance(value, (int, bool, type(None)))
    }


def assert_decided_in_every_world(name: str, source: str) -> None:
    ours = decided(source)
    for world in itertools.product("01", repeat=2):
        namespace: dict[str, object] = {}
        with mock.patch.dict(os.environ, {"A": world[0], "B": world[1]}):
            exec(compile(source, name, "exec"), namespace)
        wrong = {key: (value, namespace.get(key)) for key, value in ours.items() if namespace.get(key) != value}
        assert not wrong, f"world A={world[0]} B={world[1]}: evaluator, Python: {wrong}"
