"""Sequential: a chain whose shapes are propagated at construction, as Keras does with input_shape."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
from shapelint.runtime import torch_source
from shapelint.runtime.layer import Layer, plain
from shapelint.runtime.module import BATCH, Module, located
from shapelint.runtime.spec import TensorSpec
from shapelint.runtime.summary import render

from shapelint.catalog import LayerKind, ShapeError, tuple_refusal
from shapelint.dims import DType, Shape, is_int


class Sequential(Module):
    """``Sequential(*layers, input_shape=(1, 28, 28))``: built now; without ``input_shape``, on first call.

    ``rng`` is a ``numpy.random.Generator`` or a seed; ``dtype`` is the default
    parameter dtype (float32, as in PyTorch).
    """

    is_container = True

    def __init__(
        self,
        *layers: Module,
        input_shape: Sequence[int] | None = None,
        input_dtype: DType | None = None,
        rng: np.random.Generator | int | None = None,
        dtype: npt.DTypeLike = np.float32,
    ) -> None:
        for index, layer in enumerate(layers):
            if not isinstance(layer, Module):
                raise TypeError(f"Sequential: layer {index} must be a runtime layer, got {layer!r}")
        self.layers = list(layers)
        self.rng = np.random.default_rng(rng)
        self.dtype = np.dtype(dtype)
        self.input_dtype = input_dtype
        self.producer: LayerKind | None = None
        if input_shape is not None:
            self.build(batched(input_shape, input_dtype, "Sequential"), self.rng, self.dtype)

    def build_for(self, x: np.ndarray) -> None:
        self.build_alone(Shape((BATCH,) + x.shape[1:], dtype=self.input_dtype))

    def build_alone(self, shape: Shape) -> Shape:
        return self.build(shape, self.rng, self.dtype)

    def build(self, shape: Shape, rng: np.random.Generator, dtype: np.dtype) -> Shape:
        """After a recurrent layer only a layer that passes tuples on (Identity) may come, as in torch."""
        self.built_input, self.producer = shape, None
        for index, layer in enumerate(self.layers):
            try:
                receiver = _receiver(layer)
                if self.producer is not None and receiver is not None and not receiver.passes_tuple:
                    raise tuple_refusal(receiver.kind, self.producer)
                shape = layer.build(shape, rng, dtype)
            except ShapeError as error:
                self.built_input = None
                raise located(error, index, layer, shape) from None
            self.producer = self.producer or layer.returns_state
        self.built_output = shape
        return shape

    def reapply(self, shape: Shape) -> Shape:
        for index, layer in enumerate(self.layers):
            try:
                shape = layer.reapply(shape)
            except ShapeError as error:
                raise located(error, index, layer, shape) from None
        return shape

    @property
    def returns_state(self) -> LayerKind | None:
        return self.producer

    def run(self, x: np.ndarray, *inputs: object, **keywords: object) -> Any:
        """One input, as torch's Sequential; a recurrent layer's ``(output, state)`` is handed on as built."""
        if inputs or keywords:
            raise TypeError(f"Sequential takes one input array, got {1 + len(inputs)} and keywords {sorted(keywords)}")
        result: Any = x
        for index, layer in enumerate(self.layers):
            if isinstance(result, tuple):
                continue
            try:
                result = layer.run(result)
            except ShapeError as error:
                raise located(error, index, layer, Shape(result.shape), "was set at build") from None
        return result

    def named_specs(self, prefix: str = "") -> Iterator[tuple[str, TensorSpec]]:
        for index, layer in enumerate(self.layers):
            yield from layer.named_specs(f"{prefix}{index}.")

    def _child(self, key: str) -> tuple[Module, str]:
        index, _, rest = key.partition(".")
        return self.layers[int(index)], rest


    def __len__(self) -> int:
        return len(self.layers)

    def __getitem__(self, index: int) -> Module:
        return self.layers[index]

    def __iter__(self) -> Iterator[Module]:
        return iter(self.layers)

    def torch_expression(self) -> str:
        layers = "".join(torch_source.indent(layer.torch_expression()) + ",\n" for layer in self.layers)
        return f"nn.Sequential(\n{layers})"

    def summary(self) -> str:
        """A torchinfo-like table: each layer's output shape and parameter count, with totals."""
        return render(self._require_built())

    def __repr__(self) -> str:
        lines = [f"  ({index}): " + repr(layer).replace("\n", "\n  ") for index, layer in enumerate(self.layers)]
        if self.built_input is not None:
            lines.insert(0, f"  input_shape={self.input_shape}")
        return "Sequential(\n" + "\n".join(lines) + "\n)" if lines else "Sequential()"


def batched(input_shape: Sequence[int], dtype: DType | None, owner: str) -> Shape:
    """The batch-first shape for a Keras-style ``input_shape``, after checking it."""
    dims = plain(tuple(input_shape)) if isinstance(input_shape, (tuple, list)) else None
    if not isinstance(dims, tuple) or not all(is_int(dim) and dim > 0 for dim in dims):
        raise ValueError(
            f"{owner}: input_shape must be a tuple of positive ints without the batch, got {input_shape!r}"
        )
    return Shape((BATCH,) + dims, dtype=dtype)


def _receiver(module: Module) -> Layer | None:
    """The layer that first receives what reaches ``module``; ``None`` for an empty Sequential."""
    while not isinstance(module, Layer):
        if not module.layers:
            return None
        module = module.layers[0]
    return module
