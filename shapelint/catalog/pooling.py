"""MaxPool, AvgPool, AdaptiveAvgPool and AdaptiveMaxPool in 1, 2 and 3 dimensions.

Pooling layers check nothing at construction; every problem surfaces in
``forward``.  Unlike convolutions, a 1-tuple hyperparameter is spread over
all dimensions.  ``return_indices=True`` makes torch return a pair; the rule
gives the shape of the pooled values.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from shapelint.catalog.base import LayerKind, OutputRule, Problem, ShapeError, expand, require
from shapelint.catalog.signature import Args, ArgType, Functional, Param
from shapelint.catalog.windows import require_windows, window_count
from shapelint.dims import UNKNOWN, Dim, Shape, arith


def _pool_length(
    name: str, length: Dim, kernel: Any, stride: Any, padding: Any, dilation: Any, ceil_mode: Any
) -> Dim:
    require(arith(lambda k: k > 0, kernel), f"{name}: kernel_size must be positive, got {kernel}")
    require(arith(lambda s: s > 0, stride), f"{name}: stride must be positive, got {stride}")
    require(arith(lambda d: d > 0, dilation), f"{name}: dilation must be positive, got {dilation}")
    require(arith(lambda p: p >= 0, padding), f"{name}: padding must not be negative, got {padding}")
    require(
        arith(lambda p, k: 2 * p <= k, padding, kernel),
        f"{name}: padding {padding} must be at most half of kernel_size {kernel}",
    )
    return require_windows(window_count(length, kernel, stride, padding, dilation, ceil_mode), name, length)


def _pool_output(name: str, count: int) -> OutputRule:
    """The pooled shape; avg_pool3d alone also needs each unpadded size to hold the kernel."""

    def output(args: Args, shape: Shape) -> Shape:
        kernel = expand(args["kernel_size"], count, "kernel_size")
        stride = kernel if args["stride"] is None else expand(args["stride"], count, "stride")
        padding = expand(args["padding"], count, "padding")
        dilation = expand(args.get("dilation", 1), count, "dilation")
        divisor = args.get("divisor_override")
        require(divisor != 0, f"{name}: divisor_override must not be zero")
        if name == "AvgPool3d":
            for length, size in zip(shape.tail(count), kernel):
                fits = arith(lambda n, k: n >= k, length, size)
                require(fits, f"{name}: input {shape} is smaller than kernel_size", Problem.COLLAPSE)
        sizes = tuple(
            _pool_length(name, *values, args["ceil_mode"])
            for values in zip(shape.tail(count), kernel, stride, padding, dilation)
        )
        return shape.with_tail(count, sizes)

    return output


def _adaptive_sizes(name: str, output_size: Any, count: int) -> tuple[Any, ...]:
    if output_size is None:
        raise ShapeError(f"{name}: output_size must not be None", Problem.HYPERPARAMETER)
    if not isinstance(output_size, (tuple, list)):
        return (output_size,) * count
    if len(output_size) != count:
        raise ShapeError(f"{name}: output_size must have {count} elements, got {output_size!r}", Problem.HYPERPARAMETER)
    require(count > 1 or output_size[0] is not None, f"{name}: output_size must be an int")
    return tuple(output_size)


def _adaptive_output(name: str, count: int) -> OutputRule:
    """The pooled shape; an average pool to all ones is a mean over the last dimensions, of any rank."""

    def output(args: Args, shape: Shape) -> Shape:
        sizes = _adaptive_sizes(name, args["output_size"], count)
        for size in sizes:
            require(size is None or arith(lambda s: s >= 0, size), f"{name}: output_size must not be negative")
        lengths = shape.tail(count)
        resolved = tuple(n if s is None else s for n, s in zip(lengths, sizes))
        mean = name.startswith("AdaptiveAvg") and count > 1 and all(size == 1 for size in resolved)
        if not mean and shape.rank is not None and shape.rank not in (count + 1, count + 2):
            raise ShapeError(f"{name} expects a {count + 1}-D or {count + 2}-D input, got shape {shape}", Problem.RANK)
        return shape.with_tail(count, resolved)

    return output


_WINDOW = (
    Param("kernel_size", type=ArgType.SIZE),
    Param("stride", None, type=ArgType.SIZE),
    Param("padding", 0, type=ArgType.SIZE),
)
_INDICES = Param("return_indices", False, type=ArgType.BOOL)
_CEIL = Param("ceil_mode", False, type=ArgType.BOOL)
_DILATION = Param("dilation", 1, type=ArgType.SIZE)


_WINDOW_NAMES = frozenset({"kernel_size", "stride", "padding", "dilation"})


def _window_attributes(single: bool) -> Callable[[Args, str], object]:
    """``pool.stride`` as torch keeps it: as given, ``None`` being the kernel size; AvgPool1d's as 1-tuples."""

    def derived(args: Args, name: str) -> object:
        if name not in _WINDOW_NAMES or name not in args:
            return None
        value = args["kernel_size"] if name == "stride" and args[name] is None else args[name]
        if not single:
            return value
        if isinstance(value, (tuple, list)):
            return tuple(value)
        return (value,) if isinstance(value, int) and not isinstance(value, bool) else UNKNOWN

    return derived


def _max_pool(count: int) -> LayerKind:
    """``F.max_pool2d`` takes ``ceil_mode`` before ``return_indices``, MaxPool2d after."""
    name = f"MaxPool{count}d"
    return LayerKind(
        name,
        _WINDOW + (_DILATION, _INDICES, _CEIL),
        _pool_output(name, count),
        ranks=(count + 1, count + 2),
        functionals=(Functional(f"max_pool{count}d", _WINDOW + (_DILATION, _CEIL, _INDICES)),),
        derived=_window_attributes(single=False),
    )


def _avg_pool(count: int) -> LayerKind:
    name = f"AvgPool{count}d"
    divisor = (Param("divisor_override", None, type=ArgType.INT),) if count > 1 else ()
    params = _WINDOW + (_CEIL, Param("count_include_pad", True, type=ArgType.BOOL)) + divisor
    return LayerKind(
        name,
        params,
        _pool_output(name, count),
        ranks=(count + 1, count + 2),
        functionals=(Functional(f"avg_pool{count}d", params),),
        derived=_window_attributes(single=count == 1),
    )


def _adaptive(kind: str, count: int) -> LayerKind:
    name = f"Adaptive{kind}Pool{count}d"
    params = (Param("output_size"),) + ((_INDICES,) if kind == "Max" else ())
    return LayerKind(
        name,
        params,
        _adaptive_output(name, count),
        min_rank=count,
        functionals=(Functional(f"adaptive_{kind.lower()}_pool{count}d", params),),
    )


KINDS = tuple(
    kind
    for count in (1, 2, 3)
    for kind in (_max_pool(count), _avg_pool(count), _adaptive("Avg", count), _adaptive("Max", count))
)
