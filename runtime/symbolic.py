"""Symbolic tensors: calling a layer on one builds it from the shape at once and records a graph node."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from shapelint.runtime.module import GraphValue, Module, located
from shapelint.runtime.ops import Add, Matmul, Scale
from shapelint.runtime.sequential import batched

from shapelint.catalog import ShapeError
from shapelint.dims import DType, Shape

_ORDER = itertools.count()


@dataclass(eq=False)
class Node:
    """One call of a module (or of an input, with no module) in the order the graph was written."""

    module: Module | None
    inputs: tuple[SymbolicTensor, ...]
    outputs: tuple[SymbolicTensor, ...] = ()
    order: int = field(default_factory=lambda: next(_ORDER))


class SymbolicTensor(GraphValue):
    """A tensor with a known shape (batch first, ``B``) and no values; ``x + y``, ``x @ y``, ``x * 0.5`` trace."""

    def __init__(self, traced: Shape, node: Node, index: int = 0, name: str | None = None) -> None:
        self.traced, self.node, self.index, self.name = traced, node, index, name

    @property
    def shape(self) -> tuple:
        """The sizes, batch first as ``B``, read as torch's ``x.shape[1]`` is."""
        return self.traced.dims

    def connect(self, module: Module, inputs: tuple[object, ...]) -> object:
        if not all(isinstance(value, SymbolicTensor) for value in inputs):
            raise TypeError(f"{module!r}: every input of a graph node must be a symbolic tensor")
        tensors = tuple(value for value in inputs if isinstance(value, SymbolicTensor))
        shapes = tuple(tensor.traced for tensor in tensors)
        try:
            outputs = module.trace(shapes)
        except ShapeError as error:
            where = module.name or type(module).__name__.lower()
            raise located(error, where, module, ", ".join(map(str, shapes))) from None
        node = Node(module, tensors)
        node.outputs = tuple(SymbolicTensor(shape, node, index) for index, shape in enumerate(outputs))
        return node.outputs if module.splits else node.outputs[0]

    def __add__(self, other: object) -> object:
        return Add()(self, other)

    def __radd__(self, other: object) -> object:
        return Add()(other, self)

    def __matmul__(self, other: object) -> object:
        return Matmul()(self, other)

    def __mul__(self, factor: float) -> object:
        return Scale(factor)(self)

    __rmul__ = __mul__

    def __repr__(self) -> str:
        return f"SymbolicTensor{self.traced}"


def Input(shape: Sequence[int], dtype: DType | None = None, name: str | None = None) -> SymbolicTensor:
    """A graph input of ``shape`` without the batch, as Keras's ``Input``; ``dtype="int"`` for indices.

    ``name`` is the argument's name in the torch ``forward`` (``x``, or ``x0``, ``x1``... by default).
    """
    node = Node(None, ())
    if name is not None and not name.isidentifier():
        raise ValueError(f"Input: name must be a Python identifier, got {name!r}")
    tensor = SymbolicTensor(batched(shape, dtype, "Input"), node, name=name)
    node.outputs = (tensor,)
    return tensor
