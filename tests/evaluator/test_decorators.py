"""Decorated functions and classes: ``@torch.no_grad()`` on an evaluation function, a registry's decorator, a
wrapper that forwards its arguments (dropping a legacy keyword from ``**kwargs`` first), a classmethod called on
its class.  Each decorated function was unknown, so the model it built or fed went unchecked.  The programs run
under torch; only the buggy ones raise."""

from __future__ import annotations

import pytest

from shapelint.lint import lint_source

torch = pytest.importorskip("torch", reason="the programs run under torch, which this run has not installed")

_PROGRAM = """\
import functools

import torch
import torch.nn as nn

MODELS = {}


def register(name):
    def add(cls):
        MODELS[name] = cls
        return cls

    return add


def legacy(builder):
    @functools.wraps(builder)
    def wrapped(*args, **kwargs):
        kwargs.pop("pretrained", None)
        kwargs.setdefault("classes", 10)
        return builder(*args, **kwargs)

    return wrapped


@register("mlp")
class MLP(nn.Module):
    def __init__(self, hidden, classes):
        super().__init__()
        self.body = nn.Linear(784, hidden)
        self.head = nn.Linear({head}, classes)

    def forward(self, x):
        return self.head(torch.relu(self.body(x.flatten(1))))

    @classmethod
    def small(cls, classes=10):
        return cls(64, classes)


@legacy
def mlp(*, hidden=128, **kwargs):
    return MODELS["mlp"](hidden, **kwargs)


@torch.no_grad()
def evaluate(model):
    return model(torch.randn(4, 1, 28, 28)).argmax(1)


evaluate(mlp(pretrained=True, hidden={hidden}))
evaluate(MLP.small())
"""


def _run(source: str) -> None:
    exec(compile(source, "<program>", "exec", dont_inherit=True), {"__name__": "__main__"})


def test_decorated_builders_and_evaluations_are_followed() -> None:
    correct = _PROGRAM.replace("{head}", "hidden").replace("{hidden}", "64")
    _run(correct)
    assert lint_source(correct) == []


@pytest.mark.parametrize("hidden", [32, 128])
def test_a_wrong_size_behind_decorators_is_found(hidden: int) -> None:
    buggy = _PROGRAM.replace("{head}", "64").replace("{hidden}", str(hidden))
    with pytest.raises(RuntimeError):
        _run(buggy)
    assert [(d.line, d.code) for d in lint_source(buggy)] == [(32, "SHP001")]


def test_a_decorator_nobody_can_follow_leaves_the_function_unknown() -> None:
    source = """\
import torch
import torch.nn as nn
from somewhere import magic


@magic
def build():
    return nn.Linear(4, 2)


build()(torch.randn(3, 5))
"""
    assert lint_source(source) == []


def test_dict_changes_on_known_keys_keep_the_other_items() -> None:
    source = """\
import torch
import torch.nn as nn

config = {"width": 8, "depth": 2, "legacy": True}
config.pop("legacy")
config.update(classes=3)
config.setdefault("width", 99)
assert sorted(config) == ["classes", "depth", "width"]
fc = nn.Linear(config["width"], config["classes"])
out = fc(torch.randn(2, 9))
"""
    with pytest.raises(RuntimeError):
        _run(source)
    assert [(d.line, d.code) for d in lint_source(source)] == [(9, "SHP001")]
