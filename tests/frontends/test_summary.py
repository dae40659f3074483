"""The static summary agrees with torch: per-layer output shapes (forward hooks), total parameters, and
torchinfo's totals (trainable parameters, mult-adds, input, activation and parameter sizes)."""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import astuple
from pathlib import Path

import pytest
import torch

from shapelint.dims import UNKNOWN, Shape, Symbol
from shapelint.frontends.summary import SeveralModels, Summary, SummaryError, summarize, to_json
from shapelint.table import format_table
from tests.corpus_files import corpus_files, is_buggy, lightning_stand_in

CORRECT = [path for path in corpus_files() if not is_buggy(path)]


def _load(path: Path) -> dict[str, object]:
    spec = importlib.util.spec_from_file_location(f"summary_{path.stem}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    with lightning_stand_in():
        spec.loader.exec_module(module)
    return vars(module)


def _concrete(shape: Shape) -> tuple[int, ...] | None:
    """The input with batch 2, or ``None`` when other dimensions are symbolic or unknown."""
    if shape.open or not shape.dims or any(not isinstance(d, int) for d in shape.dims[1:]):
        return None
    if not isinstance(shape.dims[0], (int, Symbol)):
        return None
    return (2 if isinstance(shape.dims[0], Symbol) else shape.dims[0], *shape.dims[1:])  # type: ignore[return-value]


def _inputs(summary: Summary, batch: int | None = None) -> list[torch.Tensor] | None:
    """A tensor per input of the summary, of its sizes (batch 2, or ``batch``); indices for an embedding."""
    shapes = (summary.input, *summary.more_inputs)
    sizes = [_concrete(shape) for shape in shapes]
    if None in sizes:
        return None
    first = summary.rows[0].kind if summary.rows else ""
    tensors = []
    for shape, size in zip(shapes, sizes):
        assert size is not None
        chosen = size if batch is None or not isinstance(shape.dims[0], Symbol) else (batch, *size[1:])
        integer = shape.dtype == "int" or (len(shapes) == 1 and first.startswith("Embedding"))
        tensors.append(torch.randint(0, 2, chosen) if integer else torch.zeros(chosen))
    return tensors


def _torch_trace(model: torch.nn.Module, inputs: list[torch.Tensor]) -> list[tuple[str, tuple[int, ...]]]:
    """Each leaf's output shape; of a recurrent layer's ``(output, state)``, the output, which the summary shows."""
    seen: list[tuple[str, tuple[int, ...]]] = []

    def record(name: str, output: object) -> None:
        output = output[0] if isinstance(output, tuple) else output
        if isinstance(output, torch.Tensor):
            seen.append((name, tuple(output.shape)))

    for name, module in model.named_modules():
        if not list(module.children()) and name:
            module.register_forward_hook(lambda m, i, o, name=name: record(name, o))
    with torch.no_grad():
        for training in (False, True):  # a layer the model runs only while training (dropout) is a row too
            model.train(training)
            try:
                model(*inputs)
            except ValueError as error:  # BatchNorm's one value per channel, refused in training only: no shape rule
                if not training or "more than 1 value per channel when training" not in str(error):
                    raise
    return seen


def _substitute(shape: Shape) -> tuple[object, ...]:
    return tuple(2 if isinstance(d, Symbol) else d for d in shape.dims)


def _summaries(path: Path) -> list[Summary]:
    """The summary of the file's model, or of each of its models when it defines several."""
    source = path.read_text(encoding="utf-8")
    try:
        return [summarize(source, path=str(path))]
    except SeveralModels as several:
        return [summarize(source, name, str(path)) for name in several.names]


@pytest.mark.parametrize("path", CORRECT, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_summary_matches_torch(path: Path) -> None:
    try:
        summaries = _summaries(path)
    except SummaryError:
        pytest.skip("the file builds its model only inside functions, so there is no module-level model to summarize")
    concrete = [summary for summary in summaries if _inputs(summary) is not None]
    if not concrete:
        pytest.skip("the declared input has symbolic sizes beyond the batch (or none), so torch has no concrete input")
    namespace = _load(path)
    for summary in concrete:
        _agrees_with_torch(summary, namespace)


def _agrees_with_torch(summary: Summary, namespace: dict[str, object]) -> None:
    model = namespace[summary.model]
    model = model() if isinstance(model, type) else model
    assert isinstance(model, torch.nn.Module)
    inputs = _inputs(summary)
    assert inputs is not None
    ours = [(row.name, _substitute(row.output)) for row in summary.rows if not row.output.open]
    comparable = [(name, shape) for name, shape in ours if UNKNOWN not in shape]
    try:
        traced = _torch_trace(model, inputs)
    except (ValueError, RuntimeError, TypeError):
        # torch refuses the class built with its defaults (nn.Upsample's size=None, scale_factor=None), which no
        # one builds: the summary of that construction must claim nothing
        assert not comparable and not summary.findings, ours
        return
    assert set(comparable) <= set(traced), f"ours {ours} vs torch {traced}"
    assert summary.total_params in (None, sum(p.numel() for p in model.parameters()))
    assert not any(row.wrong for row in summary.rows) and not summary.findings
    _agrees_with_torchinfo(summary, model)


def _agrees_with_torchinfo(summary: Summary, model: torch.nn.Module) -> None:
    """Every total the summary knows is torchinfo's, on the same model and input (batch 1 for a symbolic batch)."""
    import torchinfo

    inputs = _inputs(summary, batch=1)
    statistics = torchinfo.summary(model, input_data=inputs, verbose=0)
    overhead = sys.getsizeof(torch.zeros(0).untyped_storage()) * len(inputs or ())
    theirs = {
        "trainable": statistics.trainable_params,
        "mult_adds": statistics.total_mult_adds,
        # torchinfo's input size is sys.getsizeof of each input's storage: its data and the storage object itself
        "input_bytes": statistics.total_input - overhead,
        "activation_bytes": statistics.total_output_bytes,
        # torchinfo leaves out parameters a model registers on itself; torch counts every one
        "param_bytes": sum(p.numel() * p.element_size() for p in model.parameters()),
    }
    ours = {key: getattr(summary.totals, key) for key in theirs}
    assert {key: value for key, value in ours.items() if value is not None} == {
        key: theirs[key] for key, value in ours.items() if value is not None
    }, f"ours {ours} vs torchinfo {theirs}"


def test_summary_covers_many_models() -> None:
    """Most corpus models get a table with their parameters, and most of those torchinfo's totals too."""
    summarized = totalled = 0
    for path in CORRECT:
        try:
            summaries = _summaries(path)
        except SummaryError:
            continue
        summarized += sum(bool(summary.rows) and summary.total_params is not None for summary in summaries)
        totalled += sum(None not in astuple(summary.totals)[:5] for summary in summaries)
    assert summarized >= 150, summarized
    assert totalled >= 120, totalled


def test_table_and_json_render() -> None:
    source = "import torch.nn as nn\nmodel = nn.Sequential(  # shapelint: input=(B, 4)\n    nn.Linear(4, 8),\n)\n"
    summary = summarize(source)
    assert "0 (Linear)" in format_table(summary) and "Total params: 40" in format_table(summary)
    assert '"output_shape": [\n        "B",\n        8\n      ]' in to_json(summary)


RAISING = '''
import torch.nn as nn


class NeedsWidth(nn.Module):  # shapelint: input=(B, 4)
    def __init__(self, n=None):
        super().__init__()
        if n is None:
            raise ValueError("n is required")
        self.fc = nn.Linear(4, n)

    def forward(self, x):
        return self.fc(x)


class BatchFirst(nn.Module):  # shapelint: input=(B, 4)
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)

    def forward(self, x):
        assert x.dim() == 3, "a sequence batch"
        return self.fc(x)
'''


@pytest.mark.parametrize("name", ["NeedsWidth", "BatchFirst"])
def test_a_model_that_raises_is_summarized_as_far_as_it_runs(name: str) -> None:
    """A constructor that raises on its defaults, or a forward whose assert fails on the declared input (torch
    raises for both), gives a table of what is known, not a traceback."""
    summary = summarize(RAISING, name)
    assert format_table(summary)
    namespace: dict[str, object] = {}
    exec(RAISING, namespace)
    model = namespace[name]
    with pytest.raises((ValueError, AssertionError)):
        model()(torch.zeros(2, 4))  # type: ignore[operator]
