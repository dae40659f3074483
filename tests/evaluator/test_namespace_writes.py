"""Writes the evaluator does not follow name by name, and code that expects a step to fail.

Each program runs under torch (a script) or passes under pytest (a test file).  Judged with the value a name
had before such a write (``cfg.__dict__.update(kwargs)``, ``setattr(args, "in_dim", 12)``, ``exec(config)``,
``parser.set_defaults(**loaded)``, ``dims[:1] = [12]``, a frozen dataclass's ``object.__setattr__``, an
``InitVar`` for ``__post_init__``), or a wrong shape fed on purpose inside ``pytest.raises``/``assertRaises``/
``suppress`` or an ``xfail`` row, each gave a false finding.  Where the write is followed, a wrong input is still
found.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from shapelint.lint import lint_source

torch = pytest.importorskip("torch", reason="the programs run under torch, which this run has not installed")

SCRIPTS = {
    "dict_update_kwargs": """\
import torch
import torch.nn as nn


class Config:
    in_dim = 32

    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)


cfg = Config(in_dim=12)
model = nn.Linear(cfg.in_dim, 1)
print(model(torch.randn(3, 12)).shape)
""",
    "dunder_dict_item": """\
import torch
import torch.nn as nn


class Config:
    in_dim = 32


cfg = Config()
cfg.__dict__["in_dim"] = 12
model = nn.Linear(cfg.in_dim, 1)
print(model(torch.randn(3, 12)).shape)
""",
    "exec_config": """\
import torch
import torch.nn as nn

in_dim = 32
exec("in_dim = 12")

model = nn.Linear(in_dim, 1)
print(model(torch.randn(3, 12)).shape)
""",
    "globals_update": """\
import torch
import torch.nn as nn

in_dim = 32
globals().update({"in_dim": 12})

model = nn.Linear(in_dim, 1)
print(model(torch.randn(3, 12)).shape)
""",
    "namespace_dict_update": """\
import argparse

import torch
import torch.nn as nn

parser = argparse.ArgumentParser()
parser.add_argument("--in-dim", type=int, default=32)
args = parser.parse_args()
args.__dict__.update({"in_dim": 12})

model = nn.Linear(args.in_dim, 1)
print(model(torch.randn(3, 12)).shape)
""",
    "parse_args_namespace": """\
import argparse

import torch
import torch.nn as nn

parser = argparse.ArgumentParser()
parser.add_argument("--in-dim", type=int, default=32)
args = parser.parse_args(namespace=argparse.Namespace(in_dim=12))

model = nn.Linear(args.in_dim, 1)
print(model(torch.randn(3, 12)).shape)
""",
    "set_defaults_unpack": """\
import argparse
import json

import torch
import torch.nn as nn

parser = argparse.ArgumentParser()
parser.add_argument("--in-dim", type=int, default=32)
parser.set_defaults(**json.loads('{"in_dim": 12}'))
args = parser.parse_args()

model = nn.Linear(args.in_dim, 1)
print(model(torch.randn(3, 12)).shape)
""",
    "setattr_class_unknown_key": """\
import json

import torch
import torch.nn as nn


class Config:
    in_dim = 32


for k, v in json.loads('{"in_dim": 12}').items():
    setattr(Config, k, v)
model = nn.Linear(Config().in_dim, 1)
print(model(torch.randn(3, 12)).shape)
""",
    "vars_self_update": """\
import torch
import torch.nn as nn


class Cfg:
    in_dim = 32

    def __init__(self, **kw):
        vars(self).update(kw)


model = nn.Linear(Cfg(in_dim=12).in_dim, 4)
print(model(torch.randn(3, 12)).shape)
""",
    "contextlib_suppress": """\
from contextlib import suppress

import torch
import torch.nn as nn

model = nn.Linear(20, 3)
x = torch.randn(4, 19)
with suppress(RuntimeError):
    model(x)  # probing: older checkpoints took 19 features
print(model(torch.randn(4, 20)).shape)
""",
    "list_slice_assign": """\
import torch
import torch.nn as nn

dims = [32, 64]
dims[:1] = [12]
model = nn.Linear(dims[0], dims[1])
print(model(torch.randn(3, 12)).shape)
""",
    "setattr_namespace": """\
import argparse

import torch
import torch.nn as nn

parser = argparse.ArgumentParser()
parser.add_argument("--in-dim", type=int, default=32)
args = parser.parse_args()
setattr(args, "in_dim", 12)

model = nn.Linear(args.in_dim, 1)
print(model(torch.randn(3, 12)).shape)
""",
    "frozen_object_setattr": """\
from dataclasses import dataclass

import torch
import torch.nn as nn


@dataclass(frozen=True)
class Cfg:
    size: int = 28
    in_dim: int = 0

    def __post_init__(self):
        object.__setattr__(self, "in_dim", self.size * self.size)


model = nn.Linear(Cfg().in_dim, 10)
print(model(torch.randn(2, 784)).shape)
""",
    "dataclass_initvar_post_init": """\
from dataclasses import InitVar, dataclass

import torch
import torch.nn as nn


@dataclass
class Cfg:
    in_dim: int = 32
    scale: InitVar[int] = 1

    def __post_init__(self, scale):
        self.in_dim = self.in_dim // scale


model = nn.Linear(Cfg(in_dim=36, scale=3).in_dim, 4)
print(model(torch.randn(3, 12)).shape)
""",
}
TESTS = {
    "pytest_raises": """\
import pytest
import torch
import torch.nn as nn


def test_wrong_feature_count_raises():
    model = nn.Linear(20, 3)
    with pytest.raises(RuntimeError):
        model(torch.randn(4, 19))
""",
    "pytest_xfail_param": """\
import pytest
import torch
import torch.nn as nn


@pytest.mark.parametrize("n", [20, pytest.param(21, marks=pytest.mark.xfail(raises=RuntimeError, strict=True))])
def test_sizes(n):
    nn.Linear(20, 3)(torch.randn(2, n))
""",
    "unittest_assertraises": """\
import unittest

import torch
import torch.nn as nn


class TestShapes(unittest.TestCase):
    def test_bad_shape(self):
        model = nn.Linear(8, 3)
        with self.assertRaises(RuntimeError):
            model(torch.randn(2, 9))


if __name__ == "__main__":
    unittest.main()
""",
}
FOLLOWED = {
    "list_slice_assign": ("torch.randn(3, 12)", "torch.randn(3, 13)"),
    "setattr_namespace": ("torch.randn(3, 12)", "torch.randn(3, 13)"),
    "frozen_object_setattr": ("torch.randn(2, 784)", "torch.randn(2, 785)"),
    "dataclass_initvar_post_init": ("torch.randn(3, 12)", "torch.randn(3, 13)"),
}
"""Writes that are followed: the value written is known, so a wrong input after them is found."""


def _run(source: str) -> None:
    exec(compile(source, "<program>", "exec", dont_inherit=True), {"__name__": "__main__"})


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_scripts_torch_runs_give_no_finding(name: str) -> None:
    _run(SCRIPTS[name])
    assert lint_source(SCRIPTS[name]) == []


@pytest.mark.parametrize("name", sorted(TESTS))
def test_tests_expecting_a_failure_give_no_finding(name: str, tmp_path: Path) -> None:
    tests = tmp_path / "test_shapes.py"
    tests.write_text(TESTS[name], encoding="utf-8")
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-c", "/dev/null", str(tests)]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:]
    assert lint_source(TESTS[name], str(tests)) == []


@pytest.mark.parametrize("name", sorted(FOLLOWED))
def test_a_wrong_input_after_a_followed_write_is_found(name: str) -> None:
    right, wrong = FOLLOWED[name]
    source = SCRIPTS[name].replace(right, wrong)
    with pytest.raises(RuntimeError):
        _run(source)
    assert [d.code for d in lint_source(source)] == ["SHP001"]
