"""Push a shape through layers and Sequentials, recording every layer that rejects it.

After a wrong input size the chain goes on as if the size had been right, so
one run finds every independent error; after any other rejection nothing
more is known and the rest of the chain goes silent.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from shapelint.catalog import Problem, ShapeError
from shapelint.dims import UNKNOWN, Shape
from shapelint.values import Layer, SequentialValue


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a shape came from: the layer call that produced it, or a directive's line."""

    label: str
    node: cst.CSTNode | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Mismatch:
    """A layer that rejects the shape arriving at it."""

    layer: Layer
    error: ShapeError
    incoming: Shape
    origin: Origin | None


@dataclass(frozen=True, slots=True)
class Flow:
    """A shape in flight and the step that last changed it."""

    shape: Shape
    origin: Origin | None


class Propagator:
    """Applies module values to shapes and collects :class:`Mismatch` records."""

    def __init__(self) -> None:
        self.mismatches: list[Mismatch] = []

    def run(self, module: object, flow: Flow) -> Flow:
        if isinstance(module, Layer):
            return self.through_layer(module, flow)
        if isinstance(module, SequentialValue):
            for _, child in module.children:
                flow = self.run(child, flow)
            return flow
        return Flow(Shape.anything(), None)

    def through_layer(self, layer: Layer, flow: Flow) -> Flow:
        try:
            shape = layer.kind.infer(layer.args, flow.shape)
        except ShapeError as error:
            self.mismatches.append(Mismatch(layer, error, flow.shape, flow.origin))
            shape = self.after_error(layer, error, flow.shape)
        if shape == flow.shape:
            return Flow(shape, flow.origin)
        return Flow(shape, Origin(layer.kind.name, layer.node))

    def after_error(self, layer: Layer, error: ShapeError, shape: Shape) -> Shape:
        """The output as if a wrong input size had been right; unknown after other errors."""
        if error.problem is not Problem.SIZE or error.argument is None or error.expected is UNKNOWN:
            return Shape.anything()
        repaired = {**layer.args, error.argument: error.expected}
        try:
            return layer.kind.infer(repaired, shape)
        except ShapeError:
            return Shape.anything()
