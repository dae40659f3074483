"""Paths and configurations the program never takes, found in a sweep of public repositories (pretrainedmodels'
parallel-branch Sequential, PyramidNet's channel-padding shortcut, DeepLab's MobileNetV2 residual flag, ResMLP's
renamed layers, pixel-cnn's transposed convolutions).  Each program runs under torch; each gave a false finding:

- a branch on sizes that are not known (``if out.shape[1] != x.shape[1]``, or on names bound from them) was checked
  on the path those sizes rule out;
- ``stride == 1 and inp == oup`` with the stride unknown was undecided, though ``inp != oup`` settles it;
- a Sequential subclass with a ``forward`` of its own was chained as a Sequential;
- ``add_module`` under a name already taken appended instead of replacing;
- a class the program only builds with arguments was judged on its defaults.

Where the program does take the path, a wrong size is still found.
"""

from __future__ import annotations

import pytest

from shapelint.lint import lint_source

torch = pytest.importorskip("torch", reason="the programs run under torch, which this run has not installed")

PROGRAMS = {
    "add_module_same_name": """\
import torch
from torch import nn

body = nn.Sequential()
for i in range(2):
    body.add_module('layer_%d' % i, nn.Conv1d(9, 9, 1))   # replaced just below
    body.add_module('layer_%d' % i, nn.Linear(4, 4))      # same name: replaces the Conv1d
print(body(torch.randn(2, 3, 4)).shape)
""",
    "and_unknown_false": """\
import sys
import torch
from torch import nn


class Block(nn.Module):
    def __init__(self, inp, oup, stride):
        super().__init__()
        # `stride == 1` may be unknown, but `inp == oup` is False: the `and` is falsy either way
        self.use_res_connect = stride == 1 and inp == oup
        self.conv = nn.Conv2d(inp, oup, 3, stride, 1)

    def forward(self, x):
        if self.use_res_connect:
            return x + self.conv(x)
        return self.conv(x)


if __name__ == "__main__":
    stride = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    block = Block(8, 16, stride)
    print(block(torch.randn(1, 8, 8, 8)).shape)
""",
    "sequential_subclass_forward": """\
import torch
import torch.nn as nn


class LambdaMap(nn.Sequential):
    # runs every child on the same input (a Lua ConcatTable), not as a chain

    def __init__(self, *args):
        super(LambdaMap, self).__init__(*args)

    def forward(self, input):
        return [module(input) for module in self]


class Add(nn.Module):
    def forward(self, xs):
        return xs[0] + xs[1]


net = nn.Sequential(
    nn.Conv2d(3, 64, 1),
    LambdaMap(
        nn.Conv2d(64, 256, 1),   # branch 1
        nn.Conv2d(64, 256, 1),   # branch 2: also takes the 64-channel input
    ),
    Add(),
)

print(net(torch.randn(1, 3, 8, 8)).shape)
""",
    "shape_index_open_rank": """\
import torch
from torch import nn


class Block(nn.Module):
    def __init__(self, inplanes, planes):
        super().__init__()
        self.bn = nn.BatchNorm2d(inplanes)
        self.conv = nn.Conv2d(inplanes, planes, 1)

    def forward(self, x):
        out = self.conv(self.bn(x))
        if out.shape[1] != x.shape[1]:
            pad = torch.zeros(out.shape[0], out.shape[1] - x.shape[1], out.shape[2], out.shape[3])
            out = out + torch.cat([x, pad], dim=1)
        else:
            out = out + x
        return out


block = nn.Sequential(Block(8, 12), Block(12, 16))

print(block(torch.randn(2, 8, 5, 5)).shape)
""",
    "defaults_never_built": """\
import torch
from torch import nn


class Net(nn.Module):
    def __init__(self, channels=8, groups=-1):
        super().__init__()
        self.conv = nn.Conv2d(channels, channels, 3, padding=1, groups=channels // groups)

    def forward(self, x):
        return self.conv(x)


if __name__ == "__main__":
    net = Net(8, groups=2)
""",
    "size_names_open_rank": """\
import torch
from torch import nn


class Block(nn.Module):
    # PyramidNet's shortcut: the channel counts are read into names first
    def __init__(self, inplanes, planes):
        super().__init__()
        self.bn = nn.BatchNorm2d(inplanes)
        self.conv = nn.Conv2d(inplanes, planes, 1)

    def forward(self, x):
        out = self.conv(self.bn(x))
        batch_size = out.shape[0]
        residual_channel = out.shape[1]
        shortcut_channel = x.shape[1]
        if residual_channel != shortcut_channel:
            pad = torch.zeros(batch_size, residual_channel - shortcut_channel, out.shape[2], out.shape[3])
            out += torch.cat([x, pad], dim=1)
        else:
            out += x
        return out


block = nn.Sequential(Block(8, 12), Block(12, 16))

print(block(torch.randn(2, 8, 5, 5)).shape)
""",
    "defaults_never_built_sequential": """\
import torch
from torch import nn


class Net(nn.Module):
    # DAT: its defaults give a negative group count, a Sequential that only a root run would see
    def __init__(self, channels=8, groups=-1):
        super().__init__()
        self.offset = nn.Sequential(nn.Conv2d(channels, channels, 3, padding=1, groups=channels // groups), nn.GELU())

    def forward(self, x):
        return self.offset(x)

    def extra_repr(self):
        return "offsets"


if __name__ == "__main__":
    net = Net(8, groups=2)
    print(net(torch.randn(1, 8, 5, 5)).shape)
""",
}
TAKEN = {
    "add_module_same_name": ("nn.Linear(4, 4))      # same name", "nn.Linear(5, 4))      # same name", "SHP001"),
    "and_unknown_false": ("Block(8, 16, stride)", "Block(8, 8, stride)", None),
    "defaults_never_built": ("net = Net(8, groups=2)", "net = Net(8, groups=2)\n    net(torch.randn(1, 4, 5, 5))", "SHP002"),
}
"""Variants where the program takes the path with a wrong size: what torch rejects is found (``None``: torch runs
the variant, and nothing is found).  A Sequential subclass's children reached through ``self`` (``for m in
self``, ``self[1]``) are not followed, so a wrong branch there is not found: no variant for it."""


def _run(source: str) -> None:
    exec(compile(source, "<program>", "exec", dont_inherit=True), {"__name__": "__main__"})


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_paths_the_program_never_takes_give_no_finding(name: str) -> None:
    _run(PROGRAMS[name])
    assert lint_source(PROGRAMS[name]) == []


@pytest.mark.parametrize("name", sorted(TAKEN))
def test_the_path_taken_is_still_checked(name: str) -> None:
    written, changed, code = TAKEN[name]
    assert written in PROGRAMS[name]
    source = PROGRAMS[name].replace(written, changed)
    if code is None:
        _run(source)
        assert lint_source(source) == []
        return
    with pytest.raises(RuntimeError):
        _run(source)
    assert [d.code for d in lint_source(source)] == [code]
