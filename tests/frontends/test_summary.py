"""The static summary agrees with torch: per-layer output shapes (forward hooks) and total parameters."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import torch

from shapelint.dims import UNKNOWN, Shape, Symbol
from shapelint.frontends.summary import SeveralModels, Summary, SummaryError, format_table, summarize, to_json
from tests.corpus_files import corpus_files, is_buggy

CORRECT = [path for path in corpus_files() if not is_buggy(path)]


def _load(path: Path) -> dict[str, object]:
    spec = importlib.util.spec_from_file_location(f"summary_{path.stem}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return vars(module)


def _concrete(shape: Shape) -> tuple[int, ...] | None:
    """The input with batch 2, or ``None`` when other dimensions are symbolic or unknown."""
    if shape.open or not shape.dims or any(not isinstance(d, int) for d in shape.dims[1:]):
        return None
    return (2 if isinstance(shape.dims[0], Symbol) else shape.dims[0], *shape.dims[1:])  # type: ignore[return-value]


def _torch_trace(model: torch.nn.Module, size: tuple[int, ...], dtype: str | None) -> list[tuple[str, tuple[int, ...]]]:
    """Each leaf's output shape; of a recurrent layer's ``(output, state)``, the output, which the summary shows."""
    seen: list[tuple[str, tuple[int, ...]]] = []

    def record(name: str, output: object) -> None:
        output = output[0] if isinstance(output, tuple) else output
        if isinstance(output, torch.Tensor):
            seen.append((name, tuple(output.shape)))

    for name, module in model.named_modules():
        if not list(module.children()) and name:
            module.register_forward_hook(lambda m, i, o, name=name: record(name, o))
    x = torch.randint(0, 2, size) if dtype == "int" else torch.zeros(size)
    model.eval()
    with torch.no_grad():
        model(x)
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
    except SummaryError as error:
        if "inputs; the summary shows models of one input" in str(error):
            pytest.skip("the model takes several inputs, which the summary does not show")
        pytest.skip("the file builds its model only inside functions, so there is no module-level model to summarize")
    concrete = [(summary, size) for summary in summaries if (size := _concrete(summary.input)) is not None]
    if not concrete:
        pytest.skip("the declared input has symbolic sizes beyond the batch (or none), so torch has no concrete input")
    namespace = _load(path)
    for summary, size in concrete:
        _agrees_with_torch(summary, size, namespace)


def _agrees_with_torch(summary: Summary, size: tuple[int, ...], namespace: dict[str, object]) -> None:
    model = namespace[summary.model]
    model = model() if isinstance(model, type) else model
    assert isinstance(model, torch.nn.Module)
    integer = summary.input.dtype == "int" or (summary.rows and summary.rows[0].kind.startswith("Embedding"))
    traced = _torch_trace(model, size, "int" if integer else None)
    ours = [(row.name, _substitute(row.output)) for row in summary.rows if not row.output.open]
    comparable = [(name, shape) for name, shape in ours if UNKNOWN not in shape]
    assert set(comparable) <= set(traced), f"ours {ours} vs torch {traced}"
    assert summary.total_params in (None, sum(p.numel() for p in model.parameters()))
    assert not any(row.wrong for row in summary.rows) and not summary.findings


def test_summary_covers_many_models() -> None:
    summarized = 0
    for path in CORRECT:
        try:
            summaries = _summaries(path)
        except SummaryError:
            continue
        summarized += sum(bool(summary.rows) and summary.total_params is not None for summary in summaries)
    assert summarized >= 60


def test_table_and_json_render() -> None:
    source = "import torch.nn as nn\nmodel = nn.Sequential(  # shapelint: input=(B, 4)\n    nn.Linear(4, 8),\n)\n"
    summary = summarize(source)
    assert "0 (Linear)" in format_table(summary) and "Total params: 40" in format_table(summary)
    assert '"output_shape": [\n        "B",\n        8\n      ]' in to_json(summary)
