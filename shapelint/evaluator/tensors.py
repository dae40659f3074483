"""Evaluating tensor expressions in ``forward``: factories, methods, functions, arithmetic.

The shape rules live in :mod:`shapelint.catalog.tensor_ops` (``tensor_rules``); this module turns call
arguments into rule inputs and rule errors into mismatches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial

import libcst as cst

from shapelint.catalog import (
    SPECTRAL,
    Problem,
    ShapeError,
    einsum_shape,
    im2col,
    layout_rules,
    loss_rules,
    stft,
    tensor_rules,
    unfold_windows,
    weighted_rules,
)
from shapelint.dims import UNKNOWN, DType, Shape, Symbol, is_int, product, same
from shapelint.evaluator import arrays, loss_calls, operators
from shapelint.evaluator.flow import Propagator
from shapelint.evaluator.values import Array, DTypeKind, ListValue, ModuleRef, Origin, Tensor

ATTRIBUTES = frozenset({"shape", "ndim", "dtype", "real", "imag", "data", *layout_rules.ATTRIBUTES})
FACTORIES = frozenset({"randn", "rand", "zeros", "ones", "empty", "full", "randint", "normal", "eye"})
_NEW_FACTORIES = frozenset({"new_zeros", "new_ones", "new_empty", "new_full"})
_LIKE = frozenset({"randn_like", "rand_like", "zeros_like", "ones_like", "empty_like", "full_like"})
_TORCH = "torch."
_BROADCASTING = frozenset(
    [
        "add", "sub", "subtract", "mul", "multiply", "div", "divide", "true_divide", "maximum", "minimum", "fmax",
        "fmin", "add_", "sub_", "mul_", "div_", "pow", "pow_", "remainder", "fmod", "floor_divide",
    ]
)
"""Functions and methods that combine two operands like the arithmetic operators do."""
_IN_PLACE = frozenset({"add_", "sub_", "mul_", "div_", "pow_"})
_WEIGHTED = {"linear": weighted_rules.linear, "embedding": weighted_rules.embedding}
"""``torch.nn.functional`` calls whose sizes come from a weight tensor, besides the convolutions."""
_COMPARISONS = frozenset({"eq", "ne", "gt", "lt", "ge", "le", "greater", "less", "greater_equal", "less_equal"})
"""Elementwise comparisons as methods and functions (``pred.eq(target)``): a bool tensor of the broadcast shape."""
_PAIRED = frozenset({"max", "min", "median", "nanmedian", "mode"})
"""Reductions that give values and their indices where a ``dim`` is given (``x.max(1)``, ``x.median(1)``)."""
_SAME_PAIRED = frozenset({"sort", "cummax", "cummin"})
"""Methods that give values and indices of the tensor's own shape."""
_MATMUL = frozenset({"matmul", "mm", "bmm", "spmm"})
_WITH_TENSOR_OPERANDS = frozenset({"masked_fill", "clamp", "clip"})
"""Methods whose result broadcasts the receiver with their tensor operands (a mask, a bound)."""
_OPERAND_KEYWORDS = ("mask", "min", "max")
_ELEMENTWISE_OPERATORS = (
    cst.Add,
    cst.Subtract,
    cst.Multiply,
    cst.Divide,
    cst.FloorDivide,
    cst.Modulo,
    cst.Power,
    cst.AddAssign,
    cst.SubtractAssign,
    cst.MultiplyAssign,
    cst.DivideAssign,
)


class ValuesIndices(tuple):
    """What ``x.max(dim)`` returns: a pair that also has ``.values`` and ``.indices``."""

    __slots__ = ()

    @property
    def values(self) -> object:
        return self[0]

    @property
    def indices(self) -> object:
        return self[1]
_FUNCTIONAL = "torch.nn.functional."
_FFT = "torch.fft."
_WINDOWS = frozenset({"hann_window", "hamming_window", "blackman_window", "bartlett_window", "kaiser_window"})


def unbind(tensor: Tensor, args: list[object], kwargs: dict[str, object]) -> object:
    """``x.unbind(dim)``: a tuple of the slices along ``dim``, when its size is known and small."""
    dim = kwargs.get("dim", args[0] if args else 0)
    index = tensor.shape.normalize_index(dim) if is_int(dim) and not tensor.shape.open else None
    size = tensor.shape.dims[index] if index is not None else UNKNOWN
    if index is None or not is_int(size) or size > operators.MAX_TENSOR_ROWS:
        return UNKNOWN
    dims = tensor.shape.dims[:index] + tensor.shape.dims[index + 1 :]
    return (Tensor(Shape(dims, dtype=tensor.shape.dtype), tensor.origin),) * size


class TensorCalls:
    """Applies tensor operations, reporting certain errors to the propagator."""

    def __init__(self, propagator: Propagator) -> None:
        self.propagator = propagator
        self.resized: set[int] = set()
        """Ids of the tensors ``resize_`` and its kind changed in place: another name holding one (the caller's, when a
        helper resized its parameter) no longer knows its shape."""
        self.unknown_size_read = False
        """A size or rank asked of a tensor was not known (``out.shape[1]`` of ``(..., 16, ?, ?)``): a condition
        on it that is not decided may rule out the path it was not known to rule out."""
        self.size_names: set[tuple[int, str]] = set()
        """The names a statement bound while it read such a size (``residual_channel = out.shape[1]``), by the id
        of their scope: a condition on them is one on that size."""

    @contextmanager
    def noting_sizes(self) -> Iterator[list[bool]]:
        """Whether the block reads a size not known (the one-item list, set when it ends); what was noted before
        stays noted."""
        outer, self.unknown_size_read = self.unknown_size_read, False
        read = [False]
        try:
            yield read
        finally:
            read[0] = self.unknown_size_read
            self.unknown_size_read = outer or read[0]

    def attribute(self, tensor: Tensor, name: str, node: cst.CSTNode) -> object:
        if name == "shape":
            return self._sizes(tensor_rules.size_of(tensor.shape, []))
        if name == "dtype":
            return UNKNOWN if tensor.shape.dtype is None else DTypeKind(tensor.shape.dtype)
        if name in ("real", "imag", "data"):  # a complex tensor's parts, a real one's own values: the same shape
            return Tensor(tensor.shape, tensor.origin)
        if name in layout_rules.ATTRIBUTES:
            shape = layout_rules.ATTRIBUTES[name](tensor.shape)
            return Tensor(shape, Origin(f".{name}", node, before=tensor.shape))
        return self._sizes(UNKNOWN if tensor.shape.open else len(tensor.shape.dims))

    def _sizes(self, found: object) -> object:
        """``found``, a size query's answer, noting whether any of it is unknown."""
        if found is UNKNOWN or (isinstance(found, tuple) and UNKNOWN in found):
            self.unknown_size_read = True
        return found

    def method(
        self, tensor: Tensor, name: str, args: list[object], kwargs: dict[str, object], node: cst.CSTNode
    ) -> object:
        kwargs = _torch_names(kwargs)
        if name == "size":
            return self._sizes(tensor_rules.size_of(tensor.shape, args))
        if name == "is_floating_point" and not args:
            return UNKNOWN if tensor.shape.dtype is None else tensor.shape.dtype == "float"
        if name in ("dim", "ndimension"):
            return self._sizes(UNKNOWN if tensor.shape.open else len(tensor.shape.dims))
        if name == "numel":
            return self._sizes(UNKNOWN if tensor.shape.open else product(tensor.shape.dims))
        if name in ("chunk", "split"):
            return self.split(tensor, name, args, kwargs)
        if name == "unbind":
            return unbind(tensor, args, kwargs)
        if (paired := _paired_rule(name, args, kwargs)) is not None:
            return self.extremes(tensor, name, args, kwargs, node, paired)
        if name in _COMPARISONS and len(args) == 1 and not kwargs:
            return self.compared(tensor, args[0], node)
        if name == "where" and len(args) == 2 and not kwargs:
            return self.chosen(args[0], tensor, args[1], node)
        if name in ("view_as", "reshape_as") and len(args) == 1 and isinstance(args[0], Tensor):
            return self.viewed_as(tensor, args[0], name, node)
        if name == "type_as" and len(args) == 1 and isinstance(args[0], Tensor):
            return Tensor(tensor.shape.with_dtype(args[0].shape.dtype), tensor.origin)
        if name == "topk":
            return self.extremes(tensor, name, args, kwargs, node, tensor_rules.topk)
        if name == "unfold":
            return self.apply(unfold_windows, name, tensor, args, kwargs, node)
        if name == "stft":
            return self.spectrum(stft, name, tensor, args, kwargs, node)
        if name in _BROADCASTING and args:
            return self.broadcast(tensor, args[0], node, _divides(name, kwargs), in_place=name in _IN_PLACE)
        if name in _WITH_TENSOR_OPERANDS:
            return self.with_operands(tensor, name, args, kwargs, node)
        if name == "numpy" and not args and not kwargs:  # ``labels.numpy()``: an array of the same shape and kind
            return Array(Shape(tensor.shape.dims, tensor.shape.open, tensor.shape.dtype), Origin(".numpy()", node))
        if name == "to":
            return Tensor(tensor.shape.with_dtype(converted_dtype(tensor, args, kwargs, node)), tensor.origin)
        if name in _MATMUL and args:
            return self.matmul(tensor, args[0], node)
        if name == "expand_as" and args:
            return self.broadcast(tensor, args[0], node)
        if name == "type" and len(args) == 1 and not kwargs:
            return arrays.retyped(tensor, args[0])
        if name in ("long", "int"):
            return Tensor(tensor.shape.with_dtype("int"), tensor.origin)
        if name == "gather":
            return self.gathered(tensor, args, kwargs, node)
        if name == "index_select":
            return self.selected(tensor, args, kwargs, node)
        if name in _NEW_FACTORIES:  # ``x.new_zeros(n, k)``: the factory's shape, of ``x``'s dtype unless asked
            made = _factory(name.removeprefix("new_"), args, kwargs, node)
            dtype = arrays.asked_dtype(kwargs, tensor.shape.dtype)
            return Tensor(made.shape.with_dtype(dtype), Origin(name, node)) if isinstance(made, Tensor) else made
        if name in ("float", "double", "half"):
            return Tensor(tensor.shape.with_dtype("float"), tensor.origin)
        return self.apply(_rule(name), name, tensor, args, kwargs, node)

    def function(self, qualname: str, args: list[object], kwargs: dict[str, object], node: cst.CSTNode) -> object:
        if not qualname.startswith(_TORCH):
            return UNKNOWN
        name = qualname.rpartition(".")[2]
        namespace = qualname[: -len(name)]
        if namespace not in (_TORCH, _FUNCTIONAL, _FFT):
            return UNKNOWN
        if namespace == _TORCH:
            kwargs = _torch_names(kwargs)
        if namespace == _TORCH and name in FACTORIES:
            return _factory(name, args, kwargs, node)
        if namespace == _TORCH and name == "arange":
            return _arange(args, kwargs, node)
        if namespace == _TORCH and name in _WINDOWS:
            return _window(name, args, kwargs, node)
        if name in _LIKE and args and isinstance(args[0], Tensor):
            return Tensor(args[0].shape, Origin(f"torch.{name}", node))
        if name in ("cat", "concat", "concatenate", "stack"):
            return self.join(name, args, kwargs, node)
        if name in _BROADCASTING and len(args) > 1 and any(isinstance(arg, Tensor) for arg in args[:2]):
            return self.broadcast(args[0], args[1], node, _divides(name, kwargs))
        if name in _MATMUL and len(args) > 1:
            return self.matmul(args[0], args[1], node)
        if name == "cdist" and namespace == _TORCH and len(args) >= 2:
            return self.paired(tensor_rules.cdist, "cdist", args[0], args[1], node)
        if name in loss_rules.BY_FUNCTION and namespace == _FUNCTIONAL:
            return loss_calls.call_function(self.propagator, loss_rules.BY_FUNCTION[name], args, kwargs, node)
        if name == "scaled_dot_product_attention" and namespace == _FUNCTIONAL:
            return self.attention(args, kwargs, node)
        if name == "einsum" and namespace == _TORCH:
            return self.einsum(args, kwargs, node)
        if not args or not isinstance(args[0], Tensor):
            return UNKNOWN
        if namespace == _FFT:
            return self.spectrum(SPECTRAL.get(name), qualname, args[0], args[1:], kwargs, node)
        if name == "stft" and namespace == _TORCH:
            return self.spectrum(stft, qualname, args[0], args[1:], kwargs, node)
        if name == "unfold" and namespace == _FUNCTIONAL:
            return self.apply(im2col, "F.unfold", args[0], args[1:], kwargs, node)
        if name == "topk" and namespace == _TORCH:
            return self.extremes(args[0], name, args[1:], kwargs, node, tensor_rules.topk)
        if name in ("chunk", "split"):
            return self.split(args[0], name, args[1:], kwargs)
        if name == "unbind":
            return unbind(args[0], args[1:], kwargs)
        if (paired := _paired_rule(name, args[1:], kwargs)) is not None:
            return self.extremes(args[0], name, args[1:], kwargs, node, paired)
        if name in _COMPARISONS and len(args) == 2 and not kwargs:
            return self.compared(args[0], args[1], node)
        if name == "where" and len(args) == 3 and not kwargs:
            return self.chosen(args[0], args[1], args[2], node)
        if name in _WITH_TENSOR_OPERANDS:
            return self.with_operands(args[0], name, args[1:], kwargs, node)
        if name == "gather":
            return self.gathered(args[0], args[1:], kwargs, node)
        if name == "index_select":
            return self.selected(args[0], args[1:], kwargs, node)
        if (name in _WEIGHTED and namespace == _FUNCTIONAL) or name in weighted_rules.CONVOLUTIONS:
            return self.weighted(name, args, kwargs, node)
        if name in tensor_rules.TENSOR_VALUED:
            return Tensor(Shape.anything())
        return self.apply(_rule(name), name, args[0], args[1:], kwargs, node)

    def apply(
        self,
        rule: tensor_rules.Rule | None,
        label: str,
        tensor: Tensor,
        args: list[object],
        kwargs: dict[str, object],
        node: cst.CSTNode,
        keeps_dtype: bool = True,
    ) -> object:
        """``rule``'s result; its dtype is the tensor's where the rule names none, unless ``keeps_dtype`` is off
        (the rule's ``None`` is then a dtype not known)."""
        if rule is None:
            return UNKNOWN
        try:
            shape = rule(tensor.shape, args, kwargs)
        except ShapeError as error:
            self.propagator.reject(label, node, error, tensor)
            return Tensor(Shape.anything())
        if not isinstance(shape, Shape):
            return UNKNOWN
        origin = Origin(label, node, before=tensor.shape)
        dtype = (shape.dtype or tensor.shape.dtype) if keeps_dtype else shape.dtype
        return self.propagator.step(tensor, shape.with_dtype(dtype), origin)

    def spectrum(
        self,
        rule: tensor_rules.Rule | None,
        label: str,
        tensor: Tensor,
        args: list[object],
        kwargs: dict[str, object],
        node: cst.CSTNode,
    ) -> object:
        """A Fourier transform: its dtype is the rule's (complex ones unknown), and a tensor argument (``stft``'s
        window) reaches the rule as its shape."""
        args = [arg.shape if isinstance(arg, Tensor) else arg for arg in args]
        kwargs = {key: arg.shape if isinstance(arg, Tensor) else arg for key, arg in kwargs.items()}
        return self.apply(rule, label, tensor, args, kwargs, node, keeps_dtype=False)

    def extremes(
        self,
        tensor: Tensor,
        name: str,
        args: list[object],
        kwargs: dict[str, object],
        node: cst.CSTNode,
        rule: tensor_rules.Rule = tensor_rules.reduce,
    ) -> object:
        """``x.max(dim)``, ``x.topk(k)``: the values picked and their indices, as torch's named pair."""
        values = self.apply(rule, name, tensor, args, kwargs, node)
        if not isinstance(values, Tensor):
            return UNKNOWN
        return ValuesIndices((values, Tensor(values.shape.with_dtype("int"), values.origin)))

    def index(self, tensor: Tensor, items: list[object], node: cst.CSTNode) -> object:
        return self.apply(
            lambda shape, args, kwargs: tensor_rules.index(shape, items), "indexing", tensor, [], {}, node
        )

    def gathered(self, tensor: Tensor, args: list[object], kwargs: dict[str, object], node: cst.CSTNode) -> object:
        index = kwargs.get("index", args[1] if len(args) > 1 else None)
        shape = index.shape if isinstance(index, Tensor) else None
        return self.apply(lambda s, *_: tensor_rules.gather(s, shape), "gather", tensor, [], {}, node)

    def selected(self, tensor: Tensor, args: list[object], kwargs: dict[str, object], node: cst.CSTNode) -> object:
        dim = kwargs.get("dim", args[0] if args else None)
        index = kwargs.get("index", args[1] if len(args) > 1 else None)
        shape = index.shape if isinstance(index, Tensor) else None
        return self.apply(lambda s, *_: tensor_rules.index_select(s, dim, shape), "index_select", tensor, [], {}, node)

    def join(self, name: str, args: list[object], kwargs: dict[str, object], node: cst.CSTNode) -> object:
        parts = args[0] if args else kwargs.get("tensors")
        dim = kwargs.get("dim", args[1] if len(args) > 1 else 0)
        items = list(parts) if isinstance(parts, (tuple, list)) else operators.iterate(parts)
        tensors = [item for item in items or () if isinstance(item, Tensor)]
        if not items or len(tensors) != len(items):
            return UNKNOWN
        shapes = [item.shape for item in tensors]
        try:
            shape = tensor_rules.stack(shapes, dim) if name == "stack" else tensor_rules.concatenate(shapes, dim)
        except ShapeError as error:
            self.propagator.reject(f"torch.{name}", node, error, tensors[0])
            return Tensor(Shape.anything())
        return Tensor(shape, Origin(f"torch.{name}", node))

    def split(self, tensor: Tensor, name: str, args: list[object], kwargs: dict[str, object]) -> object:
        sizes = args[0] if args else kwargs.get("chunks", kwargs.get("split_size_or_sections", UNKNOWN))
        dim = kwargs.get("dim", args[1] if len(args) > 1 else 0)
        try:
            shapes = tensor_rules.split(tensor.shape, sizes, dim, by_count=name == "chunk")
        except ShapeError:
            return UNKNOWN
        return UNKNOWN if shapes is None else tuple(Tensor(shape, tensor.origin) for shape in shapes)

    def binary(self, operator: cst.CSTNode, left: object, right: object, node: cst.CSTNode) -> object:
        """Elementwise arithmetic with at least one tensor (``+``, ``+=``, …): broadcasting, checked where certain."""
        if isinstance(operator, cst.MatrixMultiply):
            return self.matmul(left, right, node)
        if not isinstance(operator, _ELEMENTWISE_OPERATORS):
            return UNKNOWN
        divides = isinstance(operator, (cst.Divide, cst.DivideAssign))
        return self.broadcast(left, right, node, divides, in_place=isinstance(operator, cst.BaseAugOp))

    def matmul(self, left: object, right: object, node: cst.CSTNode) -> object:
        """``a @ b`` and ``torch.matmul``/``mm``/``bmm`` on two tensors."""
        return self.paired(tensor_rules.matmul, "matrix product", left, right, node)

    def paired(
        self, rule: Callable[[Shape, Shape], Shape | None], label: str, left: object, right: object, node: cst.CSTNode
    ) -> object:
        """An operation on two tensors by ``rule`` (a matrix product, ``cdist``), reporting what it refuses."""
        if not isinstance(left, Tensor) or not isinstance(right, Tensor):
            return Tensor(Shape.anything()) if isinstance(left, Tensor) or isinstance(right, Tensor) else UNKNOWN
        try:
            shape = rule(left.shape, right.shape)
        except ShapeError as error:
            self.propagator.reject(label, node, error, left)
            return Tensor(Shape.anything())
        if shape is None:
            return Tensor(Shape.anything())
        return Tensor(shape, Origin(label, node, before=left.shape))

    def attention(self, args: list[object], kwargs: dict[str, object], node: cst.CSTNode) -> object:
        """``F.scaled_dot_product_attention(q, k, v)``: shaped as torch's reference computes it, ``softmax(q kᵀ) v``
        with the batch dimensions broadcast; grouped-query attention (``enable_gqa=True``) is not followed."""
        given = [*args, *(kwargs[name] for name in ("query", "key", "value")[len(args) :] if name in kwargs)]
        tensors = [value for value in given[:3] if isinstance(value, Tensor)]
        if len(tensors) < 3 or kwargs.get("enable_gqa", False) is not False:
            return Tensor(Shape.anything()) if tensors else UNKNOWN
        query, key, value = tensors
        if any(not t.shape.open and len(t.shape.dims) < 2 for t in tensors):
            error = ShapeError("query, key and value must be at least 2-dimensional", Problem.RANK)
            self.propagator.reject("scaled_dot_product_attention", node, error, query)
            return Tensor(Shape.anything())
        if key.shape.open:
            return Tensor(Shape.anything())
        transposed = Tensor(tensor_rules.transpose(key.shape, [-2, -1], {}), key.origin)
        scores = self.matmul(query, transposed, node)
        out = self.matmul(scores, value, node)
        if not isinstance(out, Tensor) or out.shape.open:
            return out
        return Tensor(out.shape, Origin("scaled_dot_product_attention", node, before=query.shape))

    def einsum(self, args: list[object], kwargs: dict[str, object], node: cst.CSTNode) -> object:
        """``torch.einsum("bnd,de->bne", x, w)``, its operands given one by one or as one list; an equation that is
        not a literal, or an operand not known to be a tensor, gives an unknown tensor."""
        given = args[1:]
        if len(given) == 1 and not isinstance(given[0], Tensor):
            given = list(given[0]) if isinstance(given[0], (tuple, list)) else []
        operands = [value for value in given if isinstance(value, Tensor)]
        if not args or not isinstance(args[0], str) or kwargs or not operands or len(operands) != len(given):
            return Tensor(Shape.anything())
        try:
            shape = einsum_shape(args[0], [operand.shape for operand in operands])
        except ShapeError as error:
            self.propagator.reject("torch.einsum", node, error, operands[0])
            return Tensor(Shape.anything())
        return Tensor(shape, Origin("torch.einsum", node, before=operands[0].shape))

    def broadcast(
        self, left: object, right: object, node: cst.CSTNode, divides: bool = False, in_place: bool = False
    ) -> object:
        """Two operands of which at least one is a tensor, combined elementwise (``divides``: true division, whose
        result is a float tensor whatever its operands; ``in_place``: written into a tensor ``left``)."""
        dtype = left.shape.dtype if in_place and isinstance(left, Tensor) else promoted(left, right, divides)
        if isinstance(left, Tensor) and isinstance(right, Tensor):
            rule = tensor_rules.in_place if in_place else tensor_rules.broadcast
            try:
                shape = rule(left.shape, right.shape).with_dtype(dtype)
            except ShapeError as error:
                self.propagator.reject("tensor arithmetic", node, error, left)
                return Tensor(Shape.anything())
            return Tensor(shape, left.origin if shape.dims == left.shape.dims else Origin("broadcasting", node))
        tensor = left if isinstance(left, Tensor) else right
        other = right if tensor is left else left
        if isinstance(tensor, Tensor) and isinstance(other, (int, float)):
            return Tensor(tensor.shape.with_dtype(dtype), tensor.origin)
        if (other is UNKNOWN or isinstance(other, Array)) and isinstance(tensor, Tensor):
            unknown = Tensor(Shape.anything())
            if tensor is left:
                return self.broadcast(tensor, unknown, node, in_place=in_place)
            return self.broadcast(unknown, tensor, node)
        return UNKNOWN

    def weighted(self, name: str, args: list[object], kwargs: dict[str, object], node: cst.CSTNode) -> object:
        """``F.linear(x, w, b)``, ``F.conv2d(x, w, b, stride, padding, ...)``: the sizes come from the weight's
        shape; a weight not known leaves the result unknown."""
        weight = args[1] if len(args) > 1 else kwargs.get("weight")
        if not isinstance(args[0], Tensor) or not isinstance(weight, Tensor):
            return Tensor(Shape.anything())
        options = {key: value for key, value in kwargs.items() if key != "weight"}
        if name in _WEIGHTED:
            rule = partial(_WEIGHTED[name], weight=weight.shape)
        else:
            rule = partial(weighted_rules.convolution, name, weight=weight.shape)
        return self.apply(rule, f"F.{name}", args[0], args[2:], options, node)

    def chosen(self, condition: object, left: object, right: object, node: cst.CSTNode) -> object:
        """``torch.where(cond, a, b)``: the three broadcast together, of the kind ``a`` and ``b`` promote to (the
        condition's bools take any kind)."""
        values = self.broadcast(left, right, node)
        if not isinstance(values, Tensor) or not isinstance(condition, Tensor):
            return Tensor(Shape.anything()) if isinstance(values, Tensor) else values
        return self.broadcast(condition, values, node)

    def viewed_as(self, tensor: Tensor, other: Tensor, name: str, node: cst.CSTNode) -> object:
        """``x.view_as(y)``: ``y``'s shape with ``x``'s values, where their numbers of elements may agree."""
        closed = not (tensor.shape.open or other.shape.open)
        if closed and same(product(tensor.shape.dims), product(other.shape.dims)) is False:
            return Tensor(Shape.anything())
        return Tensor(other.shape.with_dtype(tensor.shape.dtype), Origin(name, node, before=tensor.shape))

    def compared(self, left: object, right: object, node: cst.CSTNode) -> object:
        """``x > 0.5``, ``a == b``: a bool tensor of the operands' broadcast shape (bools are of the integer kind)."""
        result = self.broadcast(left, right, node)
        return Tensor(result.shape.with_dtype("int"), result.origin) if isinstance(result, Tensor) else result

    def with_operands(
        self, tensor: Tensor, name: str, args: list[object], kwargs: dict[str, object], node: cst.CSTNode
    ) -> object:
        """``x.masked_fill(mask, v)``, ``x.clamp(min=lo)``: the receiver's shape broadcast with each tensor operand
        (a mask or bound of more dimensions makes the result larger); its dtype stays."""
        operands = [*args, *(kwargs[key] for key in _OPERAND_KEYWORDS if key in kwargs)]
        result: object = tensor
        for operand in operands:
            if isinstance(operand, Tensor) and isinstance(result, Tensor):
                result = self.broadcast(result, operand, node)
        if not isinstance(result, Tensor):
            return result
        return Tensor(result.shape.with_dtype(tensor.shape.dtype), result.origin)


def promoted(left: object, right: object, divides: bool) -> DType | None:
    """The kind of ``left op right``'s result as torch promotes it: float when either side is a float (a Python
    float too) or the operation is true division, integer when both are; unknown when a side's kind is."""
    kinds = [_kind(value) for value in (left, right)]
    if None in kinds:
        return None
    return "float" if divides or "float" in kinds else "int"


def _kind(value: object) -> DType | None:
    if isinstance(value, Tensor):
        return value.shape.dtype
    if isinstance(value, (bool, int)):
        return "int"
    return "float" if isinstance(value, float) else None


def converted_dtype(tensor: Tensor, args: list[object], kwargs: dict[str, object], node: cst.CSTNode) -> DType | None:
    """The kind of ``tensor.to(...)``'s result: the dtype asked (``torch.long``), another tensor's, or the
    tensor's own when only a device is given.  An argument that may be a dtype (an unknown value) leaves it
    unknown, unless it is written as a device (``device``, ``args.device``, ``self.dev``)."""
    if "dtype" in kwargs:
        return _asked(kwargs["dtype"])
    written = node.args if isinstance(node, cst.Call) and all(arg.star == "" for arg in node.args) else ()
    for index, value in enumerate(args):
        if isinstance(value, Tensor):
            return value.shape.dtype
        if isinstance(value, ModuleRef):
            return _asked(value)
        if value is UNKNOWN and index < len(written) and _device_name(written[index].value):
            continue
        if value is not None and not isinstance(value, (str, bool, int)):
            return None
    return tensor.shape.dtype


def _asked(value: object) -> DType | None:
    return arrays.asked_dtype({"dtype": value}, None)


_DEVICE_NAMES = frozenset({"device", "dev", "cuda", "gpu", "cpu"})


def _device_name(node: cst.BaseExpression) -> bool:
    """An argument written as a device: a name or attribute called ``device``, ``dev``, ``*_device``..."""
    name = node.value if isinstance(node, cst.Name) else node.attr.value if isinstance(node, cst.Attribute) else ""
    return name.lower() in _DEVICE_NAMES or name.lower().endswith("device")


def _paired_rule(name: str, args: list[object], kwargs: dict[str, object]) -> tensor_rules.Rule | None:
    """The shape rule of a call that gives values and their indices (its arguments after the tensor), or ``None``
    for any other call (``x.max()`` without a ``dim`` is one value)."""
    if name in _SAME_PAIRED:
        return tensor_rules.unchanged
    return tensor_rules.reduce if name in _PAIRED and (args or "dim" in kwargs) else None


def _rule(name: str) -> tensor_rules.Rule | None:
    """The shape rule of the tensor method or ``torch`` function ``name``."""
    return tensor_rules.functional(name) or layout_rules.RULES.get(name)


def _divides(name: str, kwargs: dict[str, object]) -> bool:
    """``torch.div(a, b)`` without a rounding mode, ``true_divide``: true division."""
    return name in ("div", "divide", "true_divide", "div_") and kwargs.get("rounding_mode") is None


_NUMPY_NAMES = {"axis": "dim", "keepdims": "keepdim"}
"""Names torch's argument parser takes for numpy's sake, in every tensor method and ``torch.*`` function (not in
``torch.nn.functional``'s Python functions): ``x.sum(1, keepdims=True)``, ``x.mean(axis=2)``."""


def _torch_names(kwargs: dict[str, object]) -> dict[str, object]:
    if not any(name in kwargs for name in _NUMPY_NAMES):
        return kwargs
    renamed = dict(kwargs)
    for numpy_name, torch_name in _NUMPY_NAMES.items():
        if numpy_name in renamed and torch_name not in renamed:
            renamed[torch_name] = renamed.pop(numpy_name)
    return renamed


def _factory(name: str, args: list[object], kwargs: dict[str, object], node: cst.CSTNode) -> object:
    """``torch.randn(2, 3, 32, 32)`` and friends: a tensor of exactly that shape.  Sizes given one per argument or
    in a sequence of known length are one dimension each, even where unknown (``torch.zeros((2, n, 100))``)."""
    size: object
    if name == "eye":
        size = (args[0], args[1] if len(args) > 1 else args[0]) if args else None
        dtype: DType | None = "float"
    elif name == "randint":
        size = kwargs.get("size", args[-1] if args else None)
        dtype = "int"
    elif name == "full":
        size = kwargs.get("size", args[0] if args else None)
        dtype = _filled_dtype(args[1] if len(args) > 1 else kwargs.get("fill_value"))
    elif name == "normal":
        size = kwargs.get("size", args[2] if len(args) > 2 else None)
        dtype = "float"
    else:
        alone = args[0] if len(args) == 1 else None
        if alone is UNKNOWN:  # ``torch.zeros(shape)``: one size, or a whole sequence of them
            return UNKNOWN
        size = kwargs.get("size", alone if isinstance(alone, (tuple, list, ListValue)) else tuple(args))
        dtype = "float"
    if isinstance(size, ListValue) and size.items is not None:
        size = size.items
    if not isinstance(size, (tuple, list)):
        return UNKNOWN
    dims = [d for d in size if is_int(d) or isinstance(d, Symbol) or d is UNKNOWN]
    if len(dims) != len(size):
        return UNKNOWN
    return Tensor(Shape(tuple(dims), dtype=arrays.asked_dtype(kwargs, dtype)), Origin(f"torch.{name}", node))


def _arange(args: list[object], kwargs: dict[str, object], node: cst.CSTNode) -> object:
    """``torch.arange(12)``, ``torch.arange(1, 13)``, ``torch.arange(0, 12, 2)`` on integers: a 1-D tensor of as
    many steps, of integers unless a float ``dtype`` is asked (token positions, ``torch.arange(x.size(1))``)."""
    if len(args) > 3:
        return UNKNOWN
    given = dict(zip(("end",) if len(args) == 1 else ("start", "end", "step"), args))
    for name in ("start", "end", "step"):
        if name in kwargs:
            if name in given:
                return UNKNOWN
            given[name] = kwargs[name]
    start, end, step = given.get("start", 0), given.get("end"), given.get("step", 1)
    dtype = arrays.asked_dtype(kwargs, "int")
    origin = Origin("torch.arange", node)
    if isinstance(end, Symbol) and start == 0 and step == 1:
        return Tensor(Shape((end,), dtype=dtype), origin)
    if not all(type(value) is int for value in (start, end, step)) or step == 0:
        return UNKNOWN
    length = max(0, -((start - end) // step))  # type: ignore[operator]
    return Tensor(Shape((length,), dtype=dtype), origin)


def _window(name: str, args: list[object], kwargs: dict[str, object], node: cst.CSTNode) -> object:
    """``torch.hann_window(400)`` and its kin: a 1-D float tensor of that many entries."""
    length = kwargs.get("window_length", args[0] if args else None)
    if not is_int(length) or length < 0:
        return UNKNOWN
    return Tensor(Shape((length,), dtype=arrays.asked_dtype(kwargs, "float")), Origin(f"torch.{name}", node))


def _filled_dtype(fill: object) -> DType | None:
    """``torch.full``'s dtype follows its fill value (integers give int64, floats the default float), as
    torch has done since 1.8; a bool or an unknown fill gives a dtype this cannot name."""
    if isinstance(fill, bool) or not isinstance(fill, (int, float)):
        return None
    return "int" if isinstance(fill, int) else "float"
