"""Sequentials that repeat one another, run on an unknown input: one run stands for its copies when it found nothing.

A helper that builds ``nn.Sequential(conv, act)`` for each of 16 residual blocks gives 16 Sequentials with the same
layers; each is run on an unknown input, since no other model holds it as a child.  Whatever is skipped, the
evaluation must be the one every copy's own run gives: the same mismatches, requirements and checked layers.
"""

from __future__ import annotations

import libcst as cst
import pytest

from shapelint.evaluator import Evaluation, evaluate, evaluation, flow
from shapelint.evaluator.values import Layer, SequentialValue
from shapelint.lint import lint_source

HEADER = "import torch.nn as nn\n\n"

SILENT = """
def block(c):
    return nn.Sequential(nn.Conv2d(c, c, 3, padding=1), nn.ReLU())

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.blocks = [block(64) for _ in range(16)]
        self.head = block(64)

net = Net()
"""

BROKEN = """
def block():
    return nn.Sequential(nn.Linear(10, 20), nn.Linear(30, 5))

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = block()
        self.b = block()
        self.c = block()
net = Net()
"""

TYPED = """
def block(bias):
    return nn.Sequential(nn.Linear(4, 4, bias=bias), nn.Linear(4, 2))

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = block(True)
        self.b = block(1)
        self.c = block(1.0)
net = Net()
"""

REQUIRING = """
def block(n):
    return nn.Sequential(nn.Linear(4, n), nn.Linear(n, 2))

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = block(8)
        self.b = block(8)
        self.c = block(3)
net = Net()
"""

PROGRAMS = [SILENT, BROKEN, TYPED, REQUIRING]


def _summary(result: Evaluation, layers: list[Layer]) -> tuple[object, ...]:
    mismatches = [(m.label, id(m.node), str(m.error.message)) for m in result.mismatches]
    requirements = {key: [r.needed for r in found] for key, found in result.requirements.items()}
    return mismatches, requirements, [layer.valid for layer in layers]


def _evaluated(module: cst.Module) -> tuple[object, ...]:
    result = evaluate(module)
    layers = [
        child for sequential, _ in result.sequentials for _, child in sequential.children if isinstance(child, Layer)
    ]
    return _summary(result, layers)


@pytest.mark.parametrize("program", PROGRAMS)
def test_skipping_repeats_changes_nothing(program: str, monkeypatch: pytest.MonkeyPatch) -> None:
    module = cst.parse_module(HEADER + program)
    skipping = _evaluated(module)
    monkeypatch.setattr(evaluation, "unknown_input_key", lambda sequential: None)
    assert _evaluated(module) == skipping


@pytest.mark.parametrize("program", PROGRAMS)
def test_findings_are_those_of_every_copy_run(program: str, monkeypatch: pytest.MonkeyPatch) -> None:
    found = lint_source(HEADER + program)
    monkeypatch.setattr(evaluation, "unknown_input_key", lambda sequential: None)
    assert lint_source(HEADER + program) == found


def test_a_silent_block_runs_once(monkeypatch: pytest.MonkeyPatch) -> None:
    runs: list[SequentialValue] = []
    original = flow.Propagator.run

    def counted(self: flow.Propagator, module: object, given: flow.Flow) -> object:
        if isinstance(module, SequentialValue) and self.configuration is None:
            runs.append(module)
        return original(self, module, given)

    monkeypatch.setattr(flow.Propagator, "run", counted)
    evaluate(cst.parse_module(HEADER + SILENT))
    assert len({id(run) for run in runs}) == 1


def test_a_block_that_found_something_runs_for_each_copy() -> None:
    result = evaluate(cst.parse_module(HEADER + BROKEN))
    assert len(result.mismatches) == 3


def test_true_one_and_one_point_zero_are_different_arguments() -> None:
    keys = {
        flow.unknown_input_key(sequential) for sequential, _ in evaluate(cst.parse_module(HEADER + TYPED)).sequentials
    }
    assert len(keys) == 3 and None not in keys
