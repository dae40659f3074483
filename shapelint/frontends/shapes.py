"""What the editor shows for one text: the findings, and the exact shape given on each line, from one analysis.

A line gets a shape where a layer built on it, or a statement on it that binds a tensor of a new shape
(``x = self.pool(x)``, ``return self.fc(x)``), gives one.  A line reached more than once (two configurations, an
example call with another batch) shows a shape only when every run agrees; an unknown size anywhere shows nothing.
A hint is never a guess.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import libcst as cst

from shapelint.dims import Shape, Symbol, is_known
from shapelint.judge import Diagnostic

if TYPE_CHECKING:
    from shapelint.evaluator import Origin, Tensor, Trace
    from shapelint.lint import Checked
    from shapelint.source import Reparser


@dataclass(frozen=True, slots=True)
class LineShape:
    """The shape given on ``line`` (1-based); what reached it, where every run agrees on an exact one; and where
    the input of the model runs that reached it came from, where they agree."""

    line: int
    after: Shape
    before: Shape | None = None
    source: str | None = None


class Analysis:
    """One text analysed once: its findings (before the project's selection), why part of it went unchecked, and,
    worked out on first use (diagnostics need none of it), the exact shapes by line."""

    def __init__(
        self,
        diagnostics: tuple[Diagnostic, ...] = (),
        incomplete: str | None = None,
        lines: Callable[[], dict[int, LineShape]] | None = None,
    ) -> None:
        self.diagnostics, self.incomplete, self._lines = diagnostics, incomplete, lines

    @functools.cached_property
    def shapes(self) -> Mapping[int, LineShape]:
        return self._lines() if self._lines is not None else {}


def analyse(text: str, path: str, reparser: Reparser | None = None) -> Analysis:
    """The findings and shapes of ``text`` as the file at ``path``; a text that does not parse has neither.
    ``reparser`` keeps what it parsed of the file's earlier texts."""
    from shapelint.evaluator import Trace
    from shapelint.lint import PARSE_ERRORS, check_source

    trace = Trace(program_only=True)
    try:
        checked = check_source(text, path, trace=trace, reparser=reparser)
    except PARSE_ERRORS:
        return Analysis()
    if checked is None:
        return Analysis()
    diagnostics = tuple(finding.diagnostic for finding in checked.findings)
    return Analysis(diagnostics, checked.incomplete, functools.partial(_line_shapes, checked, trace))


Run = tuple[Shape | None, Shape | None]
"""What one run of a line gave: the shape that reached it and the shape it gave."""


def _line_shapes(checked: Checked, trace: Trace) -> dict[int, LineShape]:
    from shapelint.evaluator import Tensor

    layers, statements = _Lines(checked, trace), _Lines(checked, trace)
    for layer, result in trace.layers:
        tensor = result if isinstance(result, Tensor) else None
        layers.add(layer.node, _before(layer, tensor), tensor.shape if tensor is not None else None)
    for statement, tensor, before in trace.statements:
        statements.add(statement, before, tensor.shape)
    return {**layers.exact(), **statements.exact()}


class _Lines:
    """The runs of each line of the file itself (not of the modules it imports), and the inputs they came from."""

    def __init__(self, checked: Checked, trace: Trace) -> None:
        self.checked, self.trace = checked, trace
        self.runs: dict[int, set[Run]] = {}
        self.sources: dict[int, set[str | None]] = {}
        self.described: dict[Origin | None, str | None] = {}

    def add(self, node: cst.CSTNode, before: Shape | None, after: Shape | None) -> None:
        positions = self.checked.sources.positions
        if self.checked.evaluation.imported_from(node) is not None or not positions.holds(node):
            return
        line = positions.extent(node)[1] if isinstance(node, cst.BaseSmallStatement) else positions.of(node).end_line
        self.runs.setdefault(line, set()).add((before, after))
        described = self.sources.setdefault(line, set())
        described.update(self._describe(origin) for origin in set(self.trace.inputs.get(id(node), [None])))

    def exact(self) -> dict[int, LineShape]:
        """The lines whose runs all gave one exact shape."""
        found = {}
        for line, applications in self.runs.items():
            agreed = _agreed(applications)
            if agreed is not None:
                sources = self.sources.get(line, set())
                source = next(iter(sources)) if len(sources) == 1 else None
                found[line] = LineShape(line, agreed[1], agreed[0], source)
        return found

    def _describe(self, origin: Origin | None) -> str | None:
        if origin not in self.described:
            self.described[origin] = self._description(origin)
        return self.described[origin]

    def _description(self, origin: Origin | None) -> str | None:
        """``the input (1, 28, 28) declared at line 3``, ``torch.randn at train.py:40``."""
        if origin is None:
            return None
        if origin.node is None:
            return f"{origin.label} at line {origin.line}" if origin.line is not None else origin.label
        imported = self.checked.evaluation.imported_from(origin.node)
        if imported is None and not self.checked.sources.positions.holds(origin.node):
            return origin.label
        if imported is None:
            return f"{origin.label} at line {self.checked.sources.positions.of(origin.node).line}"
        from shapelint.source import Positions

        where = os.path.relpath(imported.path)
        return f"{origin.label} at {where}:{Positions(imported.module).of(origin.node).line}"


def _agreed(applications: Iterable[Run]) -> tuple[Shape | None, Shape] | None:
    """The one exact shape every run gave, with the one exact shape that reached it (``None`` if they differ).

    Runs that differ only where a declared input's symbol (the batch ``B``) met a size agree on the symbolic shape:
    ``(B, 16, 5, 5)`` from a directive and ``(2, 16, 5, 5)`` from an example call are one shape, ``B`` being 2 there.
    """
    runs = list(applications)
    after = _general([after for _, after in runs])
    if after is None:
        return None
    befores = [before for before, _ in runs]
    return (None if None in befores else _general(befores)), after


def _general(shapes: list[Shape | None]) -> Shape | None:
    """The exact shape of which every shape is an instance, itself among them; ``None`` if there is none."""
    if any(shape is None or not _exact(shape) for shape in shapes):
        return None
    distinct = set(shapes)
    symbolic = [shape for shape in distinct if shape is not None and any(isinstance(d, Symbol) for d in shape.dims)]
    candidates = distinct if len(distinct) == 1 else symbolic
    for general in candidates:
        if general is not None and all(_instance(shape, general) for shape in distinct if shape is not None):
            return general
    return None


def _instance(shape: Shape, general: Shape) -> bool:
    """Whether ``shape`` is ``general`` with each of its symbols given one size throughout."""
    if len(shape.dims) != len(general.dims):
        return False
    bound: dict[Symbol, object] = {}
    for size, pattern in zip(shape.dims, general.dims):
        if isinstance(pattern, Symbol):
            if bound.setdefault(pattern, size) != size:
                return False
        elif size != pattern:
            return False
    return True


def _before(layer: object, tensor: Tensor | None) -> Shape | None:
    """The shape that reached the layer: a step that keeps the shape keeps the origin of the step before it, so
    only a layer that is its result's producer changed it."""
    if tensor is None:
        return None
    origin = tensor.origin
    if origin is not None and origin.producer is layer:
        return origin.before
    return tensor.shape


def _exact(shape: Shape) -> bool:
    return not shape.open and is_known(shape.dims)
