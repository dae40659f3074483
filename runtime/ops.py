"""Graph nodes without weights: add, concatenate, split, reshape, permute, matmul, scale.

Each node's shape rule is the catalog's (:mod:`shapelint.catalog.tensor_ops`), the one the linter applies to
``x + y``, ``torch.cat`` or ``x.permute`` in a ``forward``; each also knows the torch expression it stands for.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import ClassVar

import numpy as np
from shapelint.runtime.module import BATCH, GraphValue, Module, as_array
from shapelint.runtime.spec import TensorSpec

from shapelint.catalog import Problem, ShapeError, tensor_rules
from shapelint.dims import Shape, is_int

__all__ = ["Add", "Cat", "Chunk", "Matmul", "Permute", "Reshape", "Scale", "Split", "Transpose"]


class Op(Module):
    """A node that computes from its inputs alone; on arrays it computes at once, on symbolic tensors it traces."""

    arity: ClassVar[int | None] = 1
    """How many inputs it takes; ``None`` for any number from one."""
    splits: ClassVar[bool] = False
    """Returns a tuple of tensors (``torch.split``)."""

    def __call__(self, *inputs: object) -> object:  # type: ignore[override]
        self._check_arity(len(inputs))
        graph = next((value for value in inputs if isinstance(value, GraphValue)), None)
        if graph is not None:
            return graph.connect(self, inputs, {})
        arrays = tuple(as_array(value, type(self).__name__) for value in inputs)
        outputs = self.evaluate(arrays)
        return outputs if self.splits else outputs[0]

    def _check_arity(self, count: int) -> None:
        if (self.arity is None and count < 1) or (self.arity is not None and count != self.arity):
            raise TypeError(f"{self!r} takes {self.arity or 'one or more'} inputs, got {count}")

    def trace(self, shapes: tuple[Shape, ...], keywords: Mapping[str, object]) -> object:
        self._check_arity(len(shapes))
        outputs = self.shapes(shapes)
        for shape in outputs:
            if shape.open or not all(is_int(dim) or dim == BATCH for dim in shape.dims):
                raise ShapeError(f"{self!r} cannot compute its output shape from {', '.join(map(str, shapes))}")
        self.built_input, self.built_output = shapes[0], outputs[0]
        return outputs if self.splits else outputs[0]

    def shapes(self, inputs: tuple[Shape, ...]) -> tuple[Shape, ...]:
        """The catalog's rule: the output shapes for these inputs, or :class:`ShapeError`."""
        raise NotImplementedError

    def evaluate(self, inputs: tuple[np.ndarray, ...]) -> tuple[np.ndarray, ...]:
        """The arithmetic on arrays: one array per output."""
        raise NotImplementedError

    def torch_code(self, names: Sequence[str]) -> str:
        """The torch expression computing this node from the variables ``names``."""
        raise NotImplementedError

    def named_specs(self, prefix: str = "") -> Iterator[tuple[str, TensorSpec]]:
        return iter(())

    def reseed(self, rng: np.random.Generator) -> None:
        pass

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(self.shown())})"

    def shown(self) -> list[str]:
        return []


class Add(Op):
    """``a + b + ...`` with broadcasting: a residual connection."""

    arity = None

    def shapes(self, inputs: tuple[Shape, ...]) -> tuple[Shape, ...]:
        shape = inputs[0]
        for other in inputs[1:]:
            shape = tensor_rules.broadcast(shape, other)
        return (shape,)

    def evaluate(self, inputs: tuple[np.ndarray, ...]) -> tuple[np.ndarray, ...]:
        total = inputs[0]
        for other in inputs[1:]:
            total = total + other
        return (total,)

    def torch_code(self, names: Sequence[str]) -> str:
        return " + ".join(names)


class Scale(Op):
    """``x * factor``, as attention scales its scores by ``1 / sqrt(head_dim)``."""

    def __init__(self, factor: float) -> None:
        if not isinstance(factor, (int, float)) or isinstance(factor, bool):
            raise TypeError(f"Scale: factor must be a real number, got {factor!r}")
        self.factor = float(factor)

    def shapes(self, inputs: tuple[Shape, ...]) -> tuple[Shape, ...]:
        return inputs

    def evaluate(self, inputs: tuple[np.ndarray, ...]) -> tuple[np.ndarray, ...]:
        return (inputs[0] * np.asarray(self.factor, inputs[0].dtype),)

    def torch_code(self, names: Sequence[str]) -> str:
        return f"{names[0]} * {self.factor!r}"

    def shown(self) -> list[str]:
        return [repr(self.factor)]


class Matmul(Op):
    """``a @ b`` (``torch.matmul``) for operands of rank 1 or more."""

    arity = 2

    def shapes(self, inputs: tuple[Shape, ...]) -> tuple[Shape, ...]:
        shape = tensor_rules.matmul(*inputs)
        if shape is None:
            raise ShapeError(f"Matmul takes operands of rank 1 or more, got {inputs[0]} and {inputs[1]}", Problem.RANK)
        return (shape,)

    def evaluate(self, inputs: tuple[np.ndarray, ...]) -> tuple[np.ndarray, ...]:
        return (np.matmul(*inputs),)

    def torch_code(self, names: Sequence[str]) -> str:
        return f"{names[0]} @ {names[1]}"


class Cat(Op):
    """``torch.cat(tensors, dim)``: a U-Net skip, a DenseNet concatenation."""

    arity = None

    def __init__(self, dim: int = 0) -> None:
        self.dim = _dim(dim, "Cat")

    def shapes(self, inputs: tuple[Shape, ...]) -> tuple[Shape, ...]:
        return (tensor_rules.concatenate(inputs, self.dim),)

    def evaluate(self, inputs: tuple[np.ndarray, ...]) -> tuple[np.ndarray, ...]:
        return (np.concatenate(inputs, axis=self.dim),)

    def torch_code(self, names: Sequence[str]) -> str:
        return f"torch.cat([{', '.join(names)}], dim={self.dim})"

    def shown(self) -> list[str]:
        return [f"dim={self.dim}"]


class _Split(Op):
    """The pieces' sizes come from the catalog's rule, also on the arrays' real shapes."""

    splits = True
    by_count: ClassVar[bool] = False
    function: ClassVar[str] = ""

    def __init__(self, sizes: int | Sequence[int], dim: int = 0) -> None:
        self.sizes = tuple(sizes) if isinstance(sizes, (tuple, list)) else sizes
        self.dim = _dim(dim, type(self).__name__)

    def shapes(self, inputs: tuple[Shape, ...]) -> tuple[Shape, ...]:
        pieces = tensor_rules.split(inputs[0], self.sizes, self.dim, by_count=self.by_count)
        if not pieces:
            raise ShapeError(f"{self!r} cannot split {inputs[0]}: its sizes must be positive ints", Problem.OTHER)
        return tuple(pieces)

    def evaluate(self, inputs: tuple[np.ndarray, ...]) -> tuple[np.ndarray, ...]:
        x = inputs[0]
        pieces = self.shapes((Shape(x.shape),))
        ends = np.cumsum([piece.dims[self.dim] for piece in pieces])[:-1]
        return tuple(np.split(x, ends, axis=self.dim))

    def torch_code(self, names: Sequence[str]) -> str:
        return f"torch.{self.function}({names[0]}, {self.sizes!r}, dim={self.dim})"

    def shown(self) -> list[str]:
        return [repr(self.sizes), f"dim={self.dim}"]


class Split(_Split):
    """``torch.split(x, split_size_or_sections, dim)``: pieces of one size, or of the listed sizes."""

    function = "split"


class Chunk(_Split):
    """``torch.chunk(x, chunks, dim)``: as many pieces as asked for, the last one possibly smaller."""

    by_count = True
    function = "chunk"


class Reshape(Op):
    """``x.reshape(x.shape[0], *sizes)``: sizes after the batch, as Keras's Reshape and ``input_shape`` take them."""

    def __init__(self, *sizes: int) -> None:
        if not sizes or not all(is_int(size) for size in sizes):
            raise TypeError(f"Reshape: sizes must be ints after the batch (one may be -1), got {sizes!r}")
        self.sizes = sizes

    def shapes(self, inputs: tuple[Shape, ...]) -> tuple[Shape, ...]:
        shape = inputs[0]
        return (tensor_rules.reshape(shape, [shape.dims[0], *self.sizes], {}),)

    def evaluate(self, inputs: tuple[np.ndarray, ...]) -> tuple[np.ndarray, ...]:
        x = inputs[0]
        return (x.reshape(x.shape[0], *self.sizes),)

    def torch_code(self, names: Sequence[str]) -> str:
        return f"{names[0]}.reshape({names[0]}.shape[0], {', '.join(map(str, self.sizes))})"

    def shown(self) -> list[str]:
        return [str(size) for size in self.sizes]


class Permute(Op):
    """``x.permute(*dims)``, batch included as torch counts it."""

    def __init__(self, *dims: int) -> None:
        self.dims = tuple(_dim(dim, "Permute") for dim in dims)

    def shapes(self, inputs: tuple[Shape, ...]) -> tuple[Shape, ...]:
        return (tensor_rules.permute(inputs[0], list(self.dims), {}),)

    def evaluate(self, inputs: tuple[np.ndarray, ...]) -> tuple[np.ndarray, ...]:
        return (np.transpose(inputs[0], self.dims),)

    def torch_code(self, names: Sequence[str]) -> str:
        return f"{names[0]}.permute({', '.join(map(str, self.dims))})"

    def shown(self) -> list[str]:
        return [str(dim) for dim in self.dims]


class Transpose(Op):
    """``x.transpose(dim0, dim1)``, batch included as torch counts it."""

    def __init__(self, dim0: int, dim1: int) -> None:
        self.dim0, self.dim1 = _dim(dim0, "Transpose"), _dim(dim1, "Transpose")

    def shapes(self, inputs: tuple[Shape, ...]) -> tuple[Shape, ...]:
        return (tensor_rules.transpose(inputs[0], [self.dim0, self.dim1], {}),)

    def evaluate(self, inputs: tuple[np.ndarray, ...]) -> tuple[np.ndarray, ...]:
        return (np.swapaxes(inputs[0], self.dim0, self.dim1),)

    def torch_code(self, names: Sequence[str]) -> str:
        return f"{names[0]}.transpose({self.dim0}, {self.dim1})"

    def shown(self) -> list[str]:
        return [str(self.dim0), str(self.dim1)]


def _dim(value: object, owner: str) -> int:
    if not is_int(value):
        raise TypeError(f"{owner}: a dimension must be an int, got {value!r}")
    return value
