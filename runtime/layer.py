"""A layer built from hyperparameters alone; the catalog supplies its input size and shape rule."""

from __future__ import annotations

import copy
import math
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, cast

import numpy as np

if TYPE_CHECKING:
    from numpy.typing import DTypeLike
from shapelint.runtime import nest, torch_source
from shapelint.runtime.hyperparameters import check_types, is_size
from shapelint.runtime.module import Module
from shapelint.runtime.spec import Init, TensorSpec

from shapelint.catalog import (
    CATALOG,
    LayerKind,
    Problem,
    ShapeError,
    bind_inferred,
    inferred_argument,
    placeholder,
    state_entries,
)
from shapelint.dims import UNKNOWN, Shape, Symbol, is_int, is_known

MAX_TENSOR_BYTES = 1 << 40


def kind_named(name: str) -> LayerKind:
    kind = CATALOG.get(name)
    if kind is None:
        raise NotImplementedError(f"the shape catalog has no layer kind {name!r}; the runtime cannot build it")
    return kind


def plain(value: object) -> object:
    """numpy integers (sizes computed with numpy) as the Python ints the catalog understands."""
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, tuple):
        return tuple(plain(item) for item in value)
    return value


def _gib(nbytes: int) -> str:
    """Integer division: a size past float range must still print."""
    return f"{nbytes // 2**30:,} GiB"


class Layer(Module):
    """A catalog layer kind with numpy tensors and a forward pass.

    Subclasses declare how their tensors are first drawn (:meth:`initial`)
    and their arithmetic (:meth:`forward`); the hyperparameters' types and
    the tensors' names and shapes are the catalog's.
    """

    kind_name: ClassVar[str | None] = None
    accepts: ClassVar[str] = "f"
    tensor_dtypes: ClassVar[Mapping[str, np.dtype]] = {}

    def __init__(self, *args: object, **kwargs: object) -> None:
        self.kind = kind_named(self.kind_name or type(self).__name__)
        self.placeholder = placeholder(self.kind)
        named = {name: plain(value) for name, value in kwargs.items()}
        self.given = bind_inferred(self.kind, [plain(value) for value in args], named)
        self._check_types(self.given)
        try:
            self.kind.check_hyperparameters(self.given)
        except ShapeError as error:
            raise ShapeError(f"{self.kind.name}: {error.message}", error.problem) from None
        self.args: dict[str, object] = self.given
        self.specs: dict[str, TensorSpec] = {}
        self.values: dict[str, np.ndarray] = {}
        self.seed = 0
        self.dtype: np.dtype = np.dtype(np.float32)
        self._seen: dict[tuple, tuple[int, ...]] = {}

    def _check_types(self, args: Mapping[str, object]) -> None:
        check_types(self.kind, args, self.placeholder)
        device = args.get("device")
        if device not in (None, "cpu"):
            raise ValueError(f"{self.kind.name}: the runtime runs on the CPU only, got device={device!r}")

    def build(self, shape: Shape, rng: np.random.Generator, dtype: np.dtype) -> Shape:
        args = self._complete(shape)
        output = self.kind.infer(args, shape)
        self.args = args
        requested = cast("DTypeLike", args.get("dtype"))  # the catalog checked it is a dtype, or None
        self.dtype = np.dtype(requested) if requested is not None else dtype
        self.specs = self._specs()
        self._check_sizes()
        self._check_output(output)
        self._seen = {}
        self.reseed(rng)
        self.built_input, self.built_output = shape, output
        return output

    def reapply(self, shape: Shape) -> Shape:
        output = self.kind.infer(self.args, shape, checked=True)
        self._check_output(output)
        return output

    def trace(self, shapes: tuple[Shape, ...], keywords: Mapping[str, object]) -> object:
        """Built from the first input, then the whole call as the catalog sees it: every input and flag.

        A call on one tensor that returns one needs the build alone, whose shape is also right where the kind's
        rule knows nothing by itself (TransformerEncoder's comes from its layers).
        """
        first = self.reapply(shapes[0]) if self.built else self.build_alone(shapes[0])
        if len(shapes) == 1 and not keywords and self.kind.state is None and self.kind.rule_inputs == 1:
            return first
        result = self.kind.forward(self.args, shapes, keywords)
        leaves: list[Shape] = []
        nest.flatten(result, leaves)
        for shape in leaves:
            self._check_output(shape)
        return result

    def reseed(self, rng: np.random.Generator) -> None:
        self.values = {}
        self.seed = int(rng.integers(1 << 62))

    def _complete(self, shape: Shape) -> dict[str, object]:
        """The hyperparameters with the input-size argument filled from ``shape``.

        An UNKNOWN expectation for a known shape means the size constrains
        nothing (``InstanceNorm1d()`` without affine or running statistics).
        """
        name = inferred_argument(self.kind)
        if name is None or self.given[name] is not self.placeholder:
            return self.given
        expected = self.kind.expected_input_size(self.given, shape)
        if expected is UNKNOWN:
            return self.given
        if not is_known(expected) or not is_size(expected):
            raise ShapeError(f"{self.kind.name} cannot take {name} from an input of shape {shape}")
        return {**self.given, name: expected}

    def _specs(self) -> dict[str, TensorSpec]:
        """The catalog's state-dict entries, in PyTorch's order, each with its initial values and dtype."""
        entries = state_entries(self.kind, self.args)
        if entries is None:
            raise ShapeError(f"{self.kind.name}: the sizes of its tensors are not known", Problem.HYPERPARAMETER)
        shapes, dtypes = {e.name: e.shape for e in entries}, self.tensor_dtypes
        return {e.name: TensorSpec(e, self.initial(e.name, shapes), dtypes.get(e.name, self.dtype)) for e in entries}

    def initial(self, name: str, shapes: Mapping[str, tuple[int, ...]]) -> Init:
        """How the tensor ``name`` is first drawn; ``shapes`` holds every tensor shape of this layer."""
        raise NotImplementedError(f"{type(self).__name__} has no initial values for {name!r}")

    def _check_output(self, output: Shape) -> None:
        """An output the runtime can hold: every size computed, one sample within :data:`MAX_TENSOR_BYTES`."""
        known = [dim for dim in output.dims if not isinstance(dim, Symbol)]
        sizes = [dim for dim in known if is_int(dim) and isinstance(dim, int)]
        if output.open or len(sizes) != len(known):
            raise ShapeError(f"cannot compute the output shape from these hyperparameters, got {output}")
        nbytes = math.prod(sizes) * self.dtype.itemsize
        if nbytes > MAX_TENSOR_BYTES:
            raise ShapeError(f"an output of shape {output} would need {_gib(nbytes)} a sample", Problem.HYPERPARAMETER)

    def _check_sizes(self) -> None:
        for name, spec in self.specs.items():
            if spec.nbytes > MAX_TENSOR_BYTES:
                raise ShapeError(f"{name} of shape {spec.shape} would need {_gib(spec.nbytes)}", Problem.HYPERPARAMETER)

    @property
    def returns_state(self) -> LayerKind | None:
        return self.kind if self.kind.state is not None else None

    @property
    def passes_tuple(self) -> bool:
        return self.kind.accepts_tuple

    def arg(self, name: str) -> Any:
        """A hyperparameter, already validated by the catalog and :meth:`_check_types`."""
        return self.args[name]

    def forward(self, x: np.ndarray, out: tuple[int, ...]) -> np.ndarray:
        """The arithmetic; ``out`` is the output shape the catalog gives for ``x``."""
        raise NotImplementedError

    def run(self, x: np.ndarray, *inputs: object, **keywords: object) -> Any:
        out = self._output_for(x)
        if self.accepts == "f":
            x = x.astype(self.dtype, copy=False)
        return self.call(x, out, inputs, keywords)

    def call(self, x: np.ndarray, out: tuple[int, ...], inputs: tuple[object, ...], keywords: dict[str, object]) -> Any:
        """A forward taking more than one input or keywords; one input here, as most torch layers take.

        An empty output needs no arithmetic, which numpy cannot do on empty batches anyway.
        """
        if inputs or keywords:
            raise TypeError(f"{self!r} takes one input array, got {1 + len(inputs)} and keywords {sorted(keywords)}")
        if math.prod(out) == 0:
            return np.zeros(out, self.dtype if self.accepts != "any" else x.dtype)
        return self.forward(x, out)

    def _output_for(self, x: np.ndarray) -> tuple[int, ...]:
        """Check ``x`` with the catalog's rule (cached per shape) and give the output shape."""
        key = (x.shape, x.dtype.kind)
        if key not in self._seen:
            integer = x.dtype.kind in "iu"
            if self.accepts == "f" and integer:
                raise TypeError(f"{self!r} expects a floating-point input, got {x.dtype}")
            if self.accepts == "i" and not integer:
                raise TypeError(f"{self!r} expects integer indices, got {x.dtype}")
            shape = Shape(x.shape, dtype="int" if integer else "float")
            self._seen[key] = tuple(self.kind.infer(self.args, shape).dims)  # type: ignore[arg-type]
        return self._seen[key]

    def __getattr__(self, name: str) -> np.ndarray:
        specs = self.__dict__.get("specs", {})
        if name in specs:
            return self.tensor_at(name)
        raise AttributeError(f"{type(self).__name__} has no attribute {name!r}")

    def tensor_at(self, key: str) -> np.ndarray:
        if key not in self.values:
            self._materialise()
        return self.values[key]

    def _materialise(self) -> None:
        """Draw every missing tensor from this layer's own seeded generator."""
        rng = np.random.default_rng(self.seed)
        for name, spec in self.specs.items():
            try:
                value = spec.init(rng, spec.shape, spec.dtype)
            except (MemoryError, ValueError) as error:
                raise MemoryError(f"{self!r}: cannot allocate {name} of shape {spec.shape} ({error})") from None
            self.values.setdefault(name, value)

    def assign(self, key: str, value: np.ndarray) -> None:
        self.values[key] = value

    def clone(self) -> Layer:
        """A copy holding tensors of its own: the same values, and the same seed for those not drawn yet.

        ``copy.deepcopy`` would copy the placeholder of an unbuilt layer's input size, which then reads as given.
        """
        twin = copy.copy(self)
        twin.values, twin._seen = dict(self.values), dict(self._seen)
        return twin

    def named_specs(self, prefix: str = "") -> Iterator[tuple[str, TensorSpec]]:
        for name, spec in self.specs.items():
            yield prefix + name, spec

    def torch_expression(self) -> str:
        self._require_built()
        return torch_source.constructor(self.kind, self.args, self.dtype, self.placeholder)

    def __repr__(self) -> str:
        shown = []
        for param in self.kind.params:
            value = self.args[param.name]
            if value is self.placeholder:
                continue
            if param.name == self.kind.input_arg or value != param.default:
                shown.append(f"{param.name}={value!r}")
        return f"{type(self).__name__}({', '.join(shown)})"
