"""The editor's shapes on every correct corpus model are torch's: each line's hint is a shape torch gave there.

torch runs the file as Python does (its example calls) and its model on the declared input (batch 2 for a
symbolic batch, as the summary's test does), with a forward hook on every layer, which gives each layer's output by
the line that built it, and a line tracer, which gives what each statement bound.  A hint on a line where torch
built a layer or bound a tensor must be one of the shapes torch gave there; a line torch never reached is not
judged.  Over the corpus, most hints must be judged, so that the test cannot pass by judging nothing.
"""

from __future__ import annotations

import contextlib
import importlib.util
import sys
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from shapelint.dims import Shape, Symbol
from shapelint.frontends.shapes import analyse
from shapelint.frontends.summary import SeveralModels, SummaryError, summarize
from tests.corpus_files import corpus_files, is_buggy, lightning_stand_in

torch = pytest.importorskip("torch", reason="the corpus models run under torch, which this run has not installed")

from tests.torch_run import bound_shapes, calls_ending  # noqa: E402  (needs torch)

CORRECT = [path for path in corpus_files() if not is_buggy(path)]
BATCH = 2


@contextmanager
def _layer_outputs(path: Path, found: dict[int, set[tuple[int, ...]]]) -> Iterator[None]:
    """While the block runs, each layer built by ``path``'s code records its outputs by the line that built it."""
    built: dict[int, int] = {}
    original = torch.nn.Module.__init__

    def init(self: torch.nn.Module, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)
        frame = sys._getframe(1)
        while frame is not None and frame.f_code.co_filename != str(path):
            frame = frame.f_back  # type: ignore[assignment]
        if frame is not None:
            built[id(self)] = frame.f_lineno

    def hook(layer: torch.nn.Module, inputs: object, output: object) -> None:
        output = output[0] if isinstance(output, tuple) else output
        if isinstance(output, torch.Tensor) and id(layer) in built and not list(layer.children()):
            found[built[id(layer)]].add(tuple(output.shape))

    torch.nn.Module.__init__ = init  # type: ignore[method-assign]
    handle = torch.nn.modules.module.register_module_forward_hook(hook)
    try:
        yield
    finally:
        torch.nn.Module.__init__ = original  # type: ignore[method-assign]
        handle.remove()


def _torch_lines(path: Path) -> tuple[dict[int, set[tuple[int, ...]]], dict[int, set[tuple[int, ...]]]]:
    """What torch gave on each line of ``path``: layers by the line that built them, statements by their last line."""
    layers: dict[int, set[tuple[int, ...]]] = defaultdict(set)
    statements: dict[tuple[str, int, str], set[tuple[int, ...]]] = defaultdict(set)
    spec = importlib.util.spec_from_file_location(f"hints_{path.stem}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    with torch.no_grad(), _layer_outputs(path, layers), bound_shapes(str(path), statements), lightning_stand_in():
        spec.loader.exec_module(module)
        for model, inputs in _declared_runs(path, vars(module)):
            with contextlib.suppress(ValueError, RuntimeError, TypeError):
                model(*inputs)  # a class torch refuses built with its defaults (Upsample with no size) tells nothing
    return layers, {line: shapes for (_, line, _), shapes in statements.items()}


def _declared_runs(path: Path, namespace: dict[str, object]) -> Iterator[tuple[torch.nn.Module, list[object]]]:
    """Each module-level model of the file with its declared input at batch 2, where every size is known."""
    source = path.read_text(encoding="utf-8")
    try:
        summaries = [summarize(source, path=str(path))]
    except SeveralModels as several:
        summaries = [summarize(source, name, str(path)) for name in several.names]
    except SummaryError:
        return
    for summary in summaries:
        shapes = (summary.input, *summary.more_inputs)
        if any(shape.open or not all(isinstance(d, (int, Symbol)) for d in shape.dims) for shape in shapes):
            continue
        if any(isinstance(d, Symbol) for shape in shapes for d in shape.dims[1:]):
            continue
        model = namespace.get(summary.model)
        try:
            model = model() if isinstance(model, type) else model
        except TypeError:
            continue
        if isinstance(model, torch.nn.Module):
            embedding = bool(summary.rows) and summary.rows[0].kind.startswith("Embedding")
            yield model, [_tensor(shape, embedding and len(shapes) == 1) for shape in shapes]


def _tensor(shape: Shape, indices: bool) -> object:
    sizes = tuple(BATCH if isinstance(d, Symbol) else d for d in shape.dims)
    return torch.randint(0, 2, sizes) if indices or shape.dtype == "int" else torch.zeros(sizes)


def _agrees(hint: Shape, real: tuple[int, ...]) -> bool:
    """Every size torch's, a symbol only for the batch size of a run on a symbolic batch."""
    dims = hint.dims
    return len(dims) == len(real) and all(d == s or (isinstance(d, Symbol) and s == BATCH) for d, s in zip(dims, real))


def _judge(path: Path) -> tuple[int, int]:
    """How many of the file's hints torch judged, and how many it showed; fails on a hint torch contradicts."""
    source = path.read_text(encoding="utf-8")
    shapes = analyse(source, str(path)).shapes
    layers, statements = _torch_lines(path)
    starts = calls_ending(source)
    judged = 0
    for line, shape in sorted(shapes.items()):
        real = set(statements.get(line, ())).union(*(layers.get(start, set()) for start in starts.get(line, ())))
        if real:
            judged += 1
            message = f"{path.name}:{line}: hint {shape.after}, torch {sorted(real)}"
            assert any(_agrees(shape.after, r) for r in real), message
    return judged, len(shapes)


PARTS = 4
"""The corpus in parts, run side by side; each part must have most of its hints judged."""


@pytest.mark.parametrize("part", range(PARTS))
def test_every_hint_is_a_shape_torch_gave_on_its_line(part: int) -> None:
    counts = [_judge(path) for path in CORRECT[part::PARTS]]
    judged, shown = sum(j for j, _ in counts), sum(s for _, s in counts)
    assert shown >= 100 and judged >= 0.7 * shown, f"{judged} of {shown} hints judged by torch"
