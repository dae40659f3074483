"""Symbolic tensors: calling a layer on one builds it from the shape at once and records a graph node."""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from shapelint.runtime.module import GraphValue, Module, located
from shapelint.runtime.nest import Template, fill, flatten
from shapelint.runtime.ops import Add, Matmul, Scale
from shapelint.runtime.sequential import batched

from shapelint.catalog import ShapeError
from shapelint.dims import DType, Shape

_ORDER = itertools.count()
FLAGS = (bool, int, float, str, type(None))


@dataclass(eq=False)
class Node:
    """One call of a module (or of an input, with no module) in the order the graph was written.

    ``inputs`` and ``outputs`` are flat; ``arguments`` (one template per positional argument) and ``results``
    say how ``forward`` nests them, and ``keywords`` holds the constants it was called with (flags, masks).
    """

    module: Module | None
    inputs: tuple[SymbolicTensor, ...]
    outputs: tuple[SymbolicTensor, ...] = ()
    arguments: tuple[Template, ...] = ()
    keywords: dict[str, object] = field(default_factory=dict)
    results: Template = 0
    order: int = field(default_factory=lambda: next(_ORDER))

    def call(self, values: Sequence[object]) -> list[object]:
        """Run the module on ``values`` (one per input, nested as written) and give one value per output."""
        assert self.module is not None
        arguments = [fill(template, values) for template in self.arguments]
        leaves: list[object] = []
        flatten(self.module(*arguments, **self.keywords), leaves)
        return leaves


class SymbolicTensor(GraphValue):
    """A tensor with a known shape (batch first, ``B``) and no values; ``x + y``, ``x @ y``, ``x * 0.5`` trace."""

    def __init__(self, traced: Shape, node: Node, index: int = 0, name: str | None = None) -> None:
        self.traced, self.node, self.index, self.name = traced, node, index, name

    @property
    def shape(self) -> tuple:
        """The sizes, batch first as ``B``, read as torch's ``x.shape[1]`` is."""
        return self.traced.dims

    def connect(self, module: Module, inputs: tuple[object, ...], keywords: Mapping[str, object]) -> object:
        """A node for ``module(*inputs, **keywords)``: tensors (tuples of them too) positional, constants (flags,
        masks) as keywords."""
        leaves: list[object] = []
        arguments = tuple(flatten(value, leaves) for value in inputs)
        tensors = tuple(leaf for leaf in leaves if isinstance(leaf, SymbolicTensor))
        if len(tensors) != len(leaves):
            raise TypeError(f"{module!r}: every input of a graph node must be a symbolic tensor")
        constants = _constants(module, keywords)
        shapes = tuple(tensor.traced for tensor in tensors)
        try:
            traced = module.trace(shapes, constants)
        except ShapeError as error:
            where = module.name or type(module).__name__.lower()
            raise located(error, where, module, ", ".join(map(str, shapes))) from None
        outputs: list[Shape] = []
        node = Node(module, tensors, arguments=arguments, keywords=constants, results=flatten(traced, outputs))
        node.outputs = tuple(SymbolicTensor(shape, node, index) for index, shape in enumerate(outputs))
        return fill(node.results, node.outputs)

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


def _constants(module: Module, keywords: Mapping[str, object]) -> dict[str, object]:
    """Keywords are constants the node keeps (arrays copied): flags, and masks as arrays; tensors go positionally."""
    constants: dict[str, object] = {}
    for name, value in keywords.items():
        if not isinstance(value, (*FLAGS, np.ndarray)):
            kind = type(value).__name__
            raise TypeError(f"{module!r}: a graph call takes flags and array keywords; {name} is a {kind}")
        constants[name] = value.copy() if isinstance(value, np.ndarray) else value
    return constants


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
