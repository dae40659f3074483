"""Models changed after they were built: a layer's attribute set afterwards (SSD's backbone sets
``conv4_block1.conv1.stride = (1, 1)``), and a method nobody calls that replaces layers (BlazeFace builds either its
front or its back layers).  Each was a false finding from a public repository; each program runs under torch, and
the twin with a real bug is still found."""

from __future__ import annotations

import pytest

from shapelint.lint import lint_source

torch = pytest.importorskip("torch", reason="the programs run under torch, which this run has not installed")

_STRIDE = """\
import torch
from torch import nn


class Backbone(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(3, 8, 3, stride=2, padding=1), nn.ReLU())
        self.body[0].stride = (1, 1)
        self.head = nn.Conv2d({channels}, 8, kernel_size=2)

    def forward(self, x):
        return self.head(self.body(x))


model = Backbone()
out = model(torch.zeros(1, 3, 2, 2))
"""


def _run(source: str) -> None:
    with torch.no_grad():
        exec(compile(source, "<program>", "exec", dont_inherit=True), {"__name__": "__main__"})


def test_a_stride_set_after_construction_is_no_longer_the_one_written() -> None:
    correct = _STRIDE.replace("{channels}", "8")
    _run(correct)
    assert lint_source(correct) == []


def test_the_layers_sizes_are_still_checked() -> None:
    buggy = _STRIDE.replace("{channels}", "16")
    with pytest.raises(RuntimeError):
        _run(buggy)
    assert [(d.line, d.code) for d in lint_source(buggy)] == [(10, "SHP002")]


_TWO_MODELS = """\
import torch
from torch import nn


class BlazeFace(nn.Module):
    def __init__(self, back_model=False):
        super().__init__()
        self.back_model = back_model
        self._define_layers()

    def _define_back_model_layers(self):
        self.backbone = nn.Conv2d(3, 96, 1)
        self.head = nn.Conv2d(96, 2, 1)

    def _define_front_model_layers(self):
        self.backbone1 = nn.Conv2d(3, 88, 1)
        self.head = nn.Conv2d({front}, 2, 1)

    def _define_layers(self):
        if self.back_model:
            self._define_back_model_layers()
        else:
            self._define_front_model_layers()

    def forward(self, x):
        if self.back_model:
            x = self.backbone(x)
        else:
            x = self.backbone1(x)
        return self.head(x)
"""


def test_a_method_nobody_calls_does_not_change_the_model_another_runs_on() -> None:
    correct = _TWO_MODELS.replace("{front}", "88")
    for back in (False, True):
        _run(correct + f"\nBlazeFace(back_model={back})(torch.randn(1, 3, 8, 8))\n")
    assert lint_source(correct) == []


def test_the_default_model_is_still_checked() -> None:
    buggy = _TWO_MODELS.replace("{front}", "80")
    with pytest.raises(RuntimeError):
        _run(buggy + "\nBlazeFace()(torch.randn(1, 3, 8, 8))\n")
    assert [(d.line, d.code) for d in lint_source(buggy)] == [(17, "SHP002")]


_SET_BY_FORWARD = """\
import torch
from torch import nn


class GatedAttention(nn.Module):
    def __init__(self, dim=8):
        super().__init__()
        self.qk = nn.Linear(dim, dim)
        self.rel_indices = torch.zeros(1, 1, 1, 3)

    def forward(self, x):
        B, N, C = x.shape
        if self.rel_indices.shape[1] != N:
            self.rel_indices = torch.zeros(1, N, N, 3)
        return self.qk(x)

    def attention_map(self, x):
        return self.rel_indices.squeeze()[:, :, -1] * self.qk(x).mean()
"""


def test_a_method_nobody_calls_runs_on_the_model_forward_left() -> None:
    """ConViT's ``get_attention_map`` reads ``rel_indices``, which ``forward`` sets for the input's patches: run on
    a fresh model with an unknown input, the placeholder's shape gave a false finding."""
    _run(_SET_BY_FORWARD + "\nmodel = GatedAttention()\nmodel(torch.randn(2, 5, 8))\nmodel.attention_map(torch.randn(2, 5, 8))\n")
    assert lint_source(_SET_BY_FORWARD) == []
