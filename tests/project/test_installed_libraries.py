"""An installed library of models, written as torchvision is: a package ``__init__`` that imports every one of its
modules, builders behind decorators (a registry's, a wrapper made with ``functools.wraps``), a weights enum checked
by a classmethod, and a block subclassing a ``Sequential`` subclass.  ``import visionlib`` at the top of a training
script used up the import budget before the project's model was reached; each builder was unknown.  The programs
run under torch with the library on the path; only the buggy ones raise."""

from __future__ import annotations

import os
import runpy
import sys
from pathlib import Path

import pytest

from shapelint.judge import Diagnostic
from shapelint.lint import lint_file
from shapelint.project import finder

torch = pytest.importorskip("torch", reason="the programs run under torch, which this run has not installed")

_OPS = 60
"""More modules than one file's import budget holds."""

_LIBRARY = {
    "visionlib-1.0.dist-info/METADATA": "Metadata-Version: 2.1\nName: visionlib\nVersion: 1.0\nRequires-Dist: torch\n",
    "visionlib-1.0.dist-info/top_level.txt": "visionlib\n",
    "visionlib/__init__.py": "".join(f"from visionlib import ops{i}\n" for i in range(_OPS))
    + "from visionlib import models\n",
    **{f"visionlib/ops{i}.py": f"import torch\n\n\ndef op{i}(x):\n    return x\n" for i in range(_OPS)},
    "visionlib/models/__init__.py": "from .tiny import *\n",
    "visionlib/models/_registry.py": """\
import functools

MODELS = {}


def register_model(name=None):
    def wrapper(fn):
        MODELS[name or fn.__name__] = fn
        return fn

    return wrapper


def legacy(fn):
    @functools.wraps(fn)
    def wrapped(*args, **kwargs):
        kwargs.pop("pretrained", None)
        return fn(*args, **kwargs)

    return wrapped


class Weights:
    @classmethod
    def verify(cls, obj):
        if obj is not None and not isinstance(obj, cls):
            raise TypeError("not weights")
        return obj
""",
    "visionlib/models/tiny.py": """\
import torch.nn as nn

from ._registry import Weights, legacy, register_model

__all__ = ["TinyNet", "tiny_net"]


class ConvNormActivation(nn.Sequential):
    def __init__(self, cin, cout, stride=1):
        super().__init__(nn.Conv2d(cin, cout, 3, stride, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU())


class Conv2dNormActivation(ConvNormActivation):
    def __init__(self, cin, cout, stride=1):
        super().__init__(cin, cout, stride)


class TinyNet(nn.Module):
    def __init__(self, width=16, classes=10):
        super().__init__()
        self.features = nn.Sequential(Conv2dNormActivation(3, width), Conv2dNormActivation(width, 2 * width, 2))
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(2 * width, classes)

    def forward(self, x):
        return self.fc(self.pool(self.features(x)).flatten(1))


@register_model()
@legacy
def tiny_net(*, weights=None, **kwargs):
    weights = Weights.verify(weights)
    return TinyNet(**kwargs)
""",
}

_PROJECT = {
    "setup.py": "",
    "mdl/__init__.py": "",
    "mdl/model.py": """\
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 8, 3)
        self.fc = nn.Linear({features}, 10)

    def forward(self, x):
        return self.fc(self.conv(x).mean((2, 3)))
""",
    "train.py": """\
import torch
import torch.nn as nn
import visionlib
from mdl.model import Net

Net()(torch.randn(2, 1, 28, 28))
backbone = visionlib.models.tiny_net(pretrained=False, width=8)
backbone.fc = nn.Linear({head}, 5)
backbone(torch.randn(2, {channels}, 32, 32))
""",
}


def _write(root: Path, files: dict[str, str], **values: int) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.format(**values) if values and "{" in text and name.endswith(".py") else text)


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A site directory holding the library, on the import path of torch's run and of the lint."""
    site = tmp_path / "site"
    _write(site, _LIBRARY)
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setattr(finder, "_environment", lambda: (str(site),))
    finder._torch_libraries.cache_clear()
    finder.new_run()
    yield tmp_path
    finder._torch_libraries.cache_clear()
    finder.new_run()
    for name in [name for name in sys.modules if name.split(".")[0] in ("visionlib", "mdl")]:
        del sys.modules[name]


def _project(world: Path, features: int, head: int, channels: int = 3) -> Path:
    root = world / f"project_{features}_{head}_{channels}"
    _write(root, _PROJECT, features=features, head=head, channels=channels)
    return root


def _run(root: Path) -> None:
    cwd = os.getcwd()
    sys.path.insert(0, str(root))
    try:
        os.chdir(root)
        with torch.no_grad():
            runpy.run_path(str(root / "train.py"), run_name="__main__")
    finally:
        os.chdir(cwd)
        sys.path.remove(str(root))
        for name in [name for name in sys.modules if name.split(".")[0] == "mdl"]:
            del sys.modules[name]


def _diagnostics(root: Path, name: str) -> list[Diagnostic]:
    path = root / name
    cwd = os.getcwd()
    try:
        os.chdir(root)
        return lint_file(path.read_bytes(), str(path)).diagnostics
    finally:
        os.chdir(cwd)


def _findings(root: Path, name: str) -> list[tuple[int, str]]:
    return [(d.line, d.code) for d in _diagnostics(root, name)]


def test_a_library_imported_first_leaves_the_projects_model_checked(world: Path) -> None:
    root = _project(world, features=16, head=16)
    with pytest.raises(RuntimeError):
        _run(root)
    assert _findings(root, "mdl/model.py") == [(8, "SHP001")]


def test_a_decorated_builder_of_the_library_gives_its_model(world: Path) -> None:
    root = _project(world, features=8, head=8)
    with pytest.raises(RuntimeError):
        _run(root)
    assert _findings(root, "train.py") == [(8, "SHP001")]


def test_the_correct_project_gives_no_finding(world: Path) -> None:
    root = _project(world, features=8, head=16)
    _run(root)
    assert _findings(root, "mdl/model.py") == []
    assert _findings(root, "train.py") == []


def test_an_input_the_librarys_model_rejects_is_found_at_the_call_that_feeds_it(world: Path) -> None:
    root = _project(world, features=8, head=16, channels=1)
    with pytest.raises(RuntimeError):
        _run(root)
    [finding] = _diagnostics(root, "train.py")
    assert (finding.line, finding.code, finding.fix) == (9, "SHP002", None)
    assert "Conv2d(in_channels=3) at visionlib/models/tiny.py:21 receives 1 channels" in finding.message
