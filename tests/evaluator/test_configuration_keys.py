"""Two models built at the same places with the same arguments are one configuration; any difference in what they
hold makes two, and a value the key cannot describe is never taken for another.  The root runs skip a copy of a
configuration they ran (each block of a ResNet holds the same shortcut), so a key too coarse would hide a bug."""

from __future__ import annotations

import libcst as cst
import pytest
import torch

from shapelint.dims import UNKNOWN
from shapelint.evaluator import evaluate
from shapelint.evaluator.signatures import Configurations
from shapelint.lint import lint_source

SOURCE = """
import torch
import torch.nn as nn


class Block(nn.Module):
    def __init__(self, channels, width):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(channels, width, 3, padding=1), nn.BatchNorm2d(width))
        self.scale = 2


def block(channels, width):
    return Block(channels, width)


a, b, c = block(16, 32), block(16, 32), block(16, 64)
d = block(16, 32)
d.extra = torch.zeros(3)
e = block(16, 32)
e.act = lambda t: t
"""


def test_equal_arguments_all_the_way_down_give_one_key() -> None:
    names = evaluate(cst.parse_module(SOURCE)).names
    keys = Configurations()
    assert keys.of(names["a"]) is not None
    assert keys.of(names["a"]) == keys.of(names["b"])
    assert keys.of(names["a"]) != keys.of(names["c"])
    assert keys.of(names["d"]) not in (None, keys.of(names["a"]))  # a tensor more: its shape is in the key
    assert keys.of(names["e"]) is None  # a function the key cannot describe


def test_a_bug_in_one_of_many_copies_is_still_found() -> None:
    """Eight blocks share the place their Sequential is built at; only the last is built with a wrong width."""
    source = """
import torch.nn as nn

def stage(widths):
    return [nn.Sequential(nn.Conv2d(w, w, 3), nn.BatchNorm2d(w if i < 7 else w + 1)) for i, w in enumerate(widths)]

blocks = stage([8] * 8)
"""
    codes = [diagnostic.code for diagnostic in lint_source(source, "stage.py")]
    assert codes == ["SHP003"], codes
    built: dict[str, object] = {}
    exec(source, built)
    blocks = built["blocks"]
    assert isinstance(blocks, list)
    with torch.no_grad():
        for block in blocks[:7]:
            block(torch.randn(1, 8, 9, 9))
        with pytest.raises(RuntimeError):
            blocks[7](torch.randn(1, 8, 9, 9))


RUNS = """
import torch
import torch.nn as nn


class Remembers(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 6)
        self.seen = None

    def forward(self, x):
        self.seen = x.shape[1]
        return self.fc(x)


class Plain(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 6)

    def forward(self, x):
        return torch.relu(self.fc(x))


first, second = Remembers(), Remembers()
y1, y2 = first(torch.zeros(2, 4)), second(torch.zeros(2, 4))
seen = second.seen
p1, p2 = Plain()(torch.zeros(3, 4)), Plain()(torch.zeros(3, 4))
rows, width = p2.shape
"""


def test_a_second_run_of_the_same_configuration_gives_what_python_gives() -> None:
    """The second model of a configuration may take the first one's result only when the run changed nothing in
    place: ``second.seen`` is what its own run set."""
    ours = evaluate(cst.parse_module(RUNS)).names
    theirs: dict[str, object] = {}
    exec(RUNS, theirs)
    assert (ours["seen"], ours["rows"], ours["width"]) == (theirs["seen"], theirs["rows"], theirs["width"]) == (4, 3, 6)


GLOBAL_FLAG = """
import torch
import torch.nn as nn

settings = {"wide": True}


class Switch(nn.Module):
    def __init__(self):
        super().__init__()
        self.wide = nn.Linear(4, 8)
        self.narrow = nn.Linear(4, 2)

    def forward(self, x):
        return self.wide(x) if settings["wide"] else self.narrow(x)


def make(width):
    class Viewed(nn.Module):
        def forward(self, x):
            return x.view(-1, width)

    return Viewed()


first = Switch()(torch.zeros(3, 4))
settings["wide"] = False
second = Switch()(torch.zeros(3, 4))
_, wide = first.shape
_, narrow = second.shape
_, by_two = make(2)(torch.zeros(3, 4)).shape
_, by_four = make(4)(torch.zeros(3, 4)).shape
"""


def test_a_run_that_reads_more_than_its_key_is_run_again() -> None:
    """A forward that reads a global a script changes between two runs, and two classes written at one place that
    close over different widths, each give what Python gives."""
    ours = evaluate(cst.parse_module(GLOBAL_FLAG)).names
    theirs: dict[str, object] = {}
    exec(GLOBAL_FLAG, theirs)
    names = ("wide", "narrow", "by_two", "by_four")
    assert [theirs[name] for name in names] == [8, 2, 2, 4]
    assert all(ours[name] in (theirs[name], UNKNOWN) for name in names), [ours[name] for name in names]
