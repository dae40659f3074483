"""What every runtime module shares: build from a shape, run on arrays, expose tensors by key.

A module is *built* once the shape reaching it is known.  Building runs only
the catalog's shape rules and records each tensor's shape; the random values
are drawn on first use from a seed taken at build time, so building a large
model is cheap and its weights do not depend on the order they are touched in.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, ClassVar, TypeVar

import numpy as np
from shapelint.runtime import torch_source
from shapelint.runtime.spec import TensorSpec
from shapelint.runtime.state import load

from shapelint.catalog import LayerKind, Problem, ShapeError
from shapelint.dims import Shape, Symbol

BATCH = Symbol("B")
Named = TypeVar("Named", bound="Module")


class GraphValue:
    """A tensor of a graph under construction: calling a module on one adds a node instead of computing."""

    def connect(self, module: Module, inputs: tuple[object, ...], keywords: Mapping[str, object]) -> object:
        raise NotImplementedError


class Module:
    """The interface shared by layers and containers."""

    built_input: Shape | None = None
    built_output: Shape | None = None
    is_container: ClassVar[bool] = False
    """A container's ``layers`` are its children, each a row of its summary."""
    layers: Sequence[Module] = ()
    name: str | None = None
    """The attribute name a graph model gives this module (its state_dict prefix); chosen by the model when unset."""

    def build(self, shape: Shape, rng: np.random.Generator, dtype: np.dtype) -> Shape:
        """Fix every size from ``shape`` (batch first) and return the output shape."""
        raise NotImplementedError

    def run(self, x: np.ndarray, *inputs: object, **keywords: object) -> Any:
        """The forward pass of a built module on ``x`` and, for layers that take them, further inputs and keywords
        (Bilinear's second input, an RNN's initial state, attention masks), as torch's ``forward`` takes them."""
        raise NotImplementedError

    @property
    def returns_state(self) -> LayerKind | None:
        """The recurrent kind whose ``(output, state)`` tuple this built module returns, or ``None``."""
        return None

    @property
    def passes_tuple(self) -> bool:
        """Hands a tuple on as it is (Identity), where every other module refuses one."""
        return False

    def named_specs(self, prefix: str = "") -> Iterator[tuple[str, TensorSpec]]:
        """Every tensor's state_dict key and spec, in PyTorch's order."""
        raise NotImplementedError

    def tensor_at(self, key: str) -> np.ndarray:
        """The (materialised) value stored under a state_dict key relative to this module; a container's is its
        child's."""
        module, rest = self._child(key)
        return module.tensor_at(rest)

    def assign(self, key: str, value: np.ndarray) -> None:
        """Store a loaded value under a relative state_dict key; a container hands it to its child."""
        module, rest = self._child(key)
        module.assign(rest, value)

    def _child(self, key: str) -> tuple[Module, str]:
        """The child a relative key starts with, and the rest of the key: containers say how they name children."""
        raise NotImplementedError(f"{type(self).__name__} holds no modules")

    def __call__(self, x: object, *inputs: object, **keywords: object) -> Any:
        """Run on a batch-first array, building from its shape first if needed (like LazyLinear).

        The shape rules read the first input only, so it alone builds the module; the others are checked when run.
        On a graph's symbolic tensor, build from its shape and return the symbolic output instead: further
        symbolic tensors (a tuple of them for an initial state) and keyword flags are checked by the catalog, and
        keyword arrays (masks) are kept as constants.
        """
        if isinstance(x, GraphValue):
            return x.connect(self, (x, *inputs), keywords)
        array = as_array(x, type(self).__name__)
        if not self.built:
            self.build_for(array)
        return self.run(array, *inputs, **keywords)

    def trace(self, shapes: tuple[Shape, ...], keywords: Mapping[str, object]) -> object:
        """The output shape for symbolic inputs, or a tuple of them nested as ``forward`` returns them (``None``
        where torch gives None): the first call builds, a later one (shared weights) checks."""
        if len(shapes) != 1 or keywords:
            raise TypeError(f"{type(self).__name__} takes one tensor and no keywords in a graph, got {len(shapes)}")
        output = self.reapply(shapes[0]) if self.built else self.build_alone(shapes[0])
        if self.returns_state is not None:
            kind = self.returns_state.name
            raise TypeError(f"{type(self).__name__} returns {kind}'s (output, state): call the {kind} in the graph")
        return output

    def reapply(self, shape: Shape) -> Shape:
        """The output shape of this built module for another input, as a shared layer sees it."""
        raise NotImplementedError

    def reseed(self, rng: np.random.Generator) -> None:
        """Draw new initial weights from ``rng``: a graph model seeds its layers once they are all built."""
        for layer in self.layers:
            layer.reseed(rng)

    def named(self: Named, name: str) -> Named:
        """Give the attribute name this module takes in a graph model and its torch twin (``conv1``)."""
        if not name.isidentifier():
            raise ValueError(f"{type(self).__name__}: a module name must be a Python identifier, got {name!r}")
        self.name = name
        return self

    def build_for(self, x: np.ndarray) -> None:
        """The lazy build: sizes from ``x`` without its batch dimension."""
        self.build_alone(Shape((BATCH,) + x.shape[1:]))

    def build_alone(self, shape: Shape) -> Shape:
        """Build outside a container: with the module's own generator and dtype where it has them."""
        return self.build(shape, np.random.default_rng(), np.dtype(np.float32))

    @property
    def built(self) -> bool:
        return self.built_output is not None

    @property
    def input_shape(self) -> tuple:
        """The input shape without the batch dimension, as in Keras."""
        return without_batch(self._require_built().built_input)

    @property
    def output_shape(self) -> tuple:
        """The output shape without the batch dimension, as in Keras."""
        return without_batch(self._require_built().built_output)

    def _require_built(self) -> Module:
        if not self.built:
            raise RuntimeError(
                f"{type(self).__name__} is not built yet: pass input_shape=... or call it on an input once"
            )
        return self

    def state_dict(self) -> dict[str, np.ndarray]:
        """PyTorch-compatible keys and layouts; materialises the weights."""
        self._require_built()
        return {key: self.tensor_at(key) for key, _ in self.named_specs()}

    def load_state_dict(self, state: Mapping[str, object]) -> None:
        """Load PyTorch-keyed arrays; all or nothing, naming every bad key and shape."""
        load(self._require_built(), state)

    def torch_expression(self) -> str:
        """The ``torch.nn`` constructor call of this built module, every size explicit."""
        raise NotImplementedError(f"{type(self).__name__} has no torch module of its own")

    def to_source(self) -> str:
        """PyTorch code defining ``model``, this module with every size explicit, with a directive for shapelint."""
        shape = self._require_built().built_input
        assert shape is not None
        return torch_source.program(self.torch_expression(), [shape])

    def to_torch(self) -> Any:
        """A plain ``torch.nn`` model (``to_source()`` run) holding this module's weights, in eval mode.

        torch is imported by this call only; the sizes are written out, so no Lazy module and no dry run.
        """
        return torch_source.instantiate(self.to_source(), self.state_dict())

    def num_parameters(self, trainable: bool = True) -> int:
        """How many scalars the model holds in parameters (``trainable``) or buffers."""
        if not self.built:
            return 0
        return sum(spec.size for _, spec in self.named_specs() if spec.trainable is trainable)


def without_batch(shape: Shape | None) -> tuple:
    assert shape is not None
    dims = shape.dims
    return dims[1:] if dims and dims[0] == BATCH else dims


def as_array(x: object, owner: str) -> np.ndarray:
    """A numeric ndarray, or a plain :class:`TypeError` naming the module."""
    array = np.asarray(x)
    if array.dtype.kind not in "fiu":
        raise TypeError(f"{owner} expects a numeric array, got dtype {array.dtype}")
    return array


class LayerError(ShapeError):
    """A :class:`ShapeError` that knows which layer of a (possibly nested) Sequential raised it."""

    def __init__(self, index: str, layer: str, detail: str, cause: ShapeError) -> None:
        super().__init__(
            f"layer {index} {layer}: {detail}",
            cause.problem,
            argument=cause.argument,
            expected=cause.expected,
            found=cause.found,
        )
        self.index, self.layer, self.detail = index, layer, detail


def located(
    error: ShapeError, index: int | str, module: Module, shape: object, source: str = "was given"
) -> LayerError:
    """``error`` naming the layer's index path (or graph name) and repr, and the shape reaching it."""
    if isinstance(error, LayerError):
        return LayerError(f"{index}.{error.index}", error.layer, error.detail, error)
    if error.problem is Problem.SIZE:
        detail = (
            f"{error.argument}={error.found!r} {source}, but the incoming shape {shape} "
            f"needs {error.argument}={error.expected!r}"
        )
    else:
        detail = error.message
    return LayerError(str(index), repr(module), detail, error)
