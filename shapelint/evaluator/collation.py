"""A loader's ``collate_fn`` of the project's own: torch hands it the list of a batch's samples, and the loop gets
what it returns.

The function runs once, when the loader is built, on a :class:`~shapelint.evaluator.data_pipeline.SampleList`: ``B``
samples of one shape.  What collate functions do with it is followed: ``zip(*batch)``, a comprehension over it,
``len(batch)``, ``sorted(batch, ...)``, and ``torch.stack``/``torch.cat``/``torch.tensor``/``pad_sequence``/
``default_collate`` of such lists; anything else leaves the batch unknown.
"""

from __future__ import annotations

import operator

import libcst as cst

from shapelint.dims import UNKNOWN, DType, Shape, arith
from shapelint.evaluator import data_pipeline
from shapelint.evaluator.data_pipeline import BATCH, Collated, SampleList
from shapelint.evaluator.functions import call_hook
from shapelint.evaluator.machine import Machine
from shapelint.evaluator.values import Function, Origin, Tensor

_TORCH = ("torch.", "torch.utils.data.", "torch.utils.data.dataloader.", "torch.utils.data._utils.collate.")
_STACK = frozenset({"torch.stack"})
_CAT = frozenset({"torch.cat", "torch.concat", "torch.concatenate"})
_NUMBERS: dict[str, DType | None] = {
    "torch.tensor": None, "torch.as_tensor": None, "torch.LongTensor": "int", "torch.FloatTensor": "float",
}  # fmt: skip
"""Tensors made from a list of numbers, with the kind each makes (``None``: the numbers')."""
_PAD = frozenset({"torch.nn.utils.rnn.pad_sequence"})
_DEFAULT = frozenset(f"{prefix}default_collate" for prefix in _TORCH[1:])


def collate_argument(m: Machine, args: list[object], kwargs: dict[str, object]) -> dict[str, object]:
    """A ``DataLoader``'s keywords with a ``collate_fn`` of the project's replaced by what it makes of the dataset's
    samples (unknown where it raises, or the dataset's samples are not known)."""
    collate, dataset = kwargs.get("collate_fn"), args[0] if args else kwargs.get("dataset")
    if not isinstance(collate, Function):
        return kwargs
    sample = data_pipeline.raw_sample(dataset)
    batch: object = UNKNOWN
    if sample is not UNKNOWN:
        origin = getattr(dataset, "origin", None) or Origin("the dataset", collate.node)
        samples = SampleList(sample, BATCH, Origin(f"{collate.node.name.value} of {origin.label}", collate.node))
        batch = call_hook(m, collate, [samples], {})
    return {**kwargs, "collate_fn": Collated(batch)}


def transposed(samples: SampleList) -> object:
    """``zip(*batch)``: one list per field of the samples (``images, captions = zip(*batch)``)."""
    fields = samples.sample
    if not isinstance(fields, tuple):
        return UNKNOWN
    return tuple(SampleList(field, samples.size, samples.origin) for field in fields)


def call(qualname: str, args: list[object], kwargs: dict[str, object], node: cst.Call) -> object:
    """A torch function given a list of samples; ``None`` when the call is not one."""
    given = args[0] if args else kwargs.get("tensors", kwargs.get("data", kwargs.get("sequences")))
    if not isinstance(given, SampleList):
        return None
    origin = Origin(qualname.rsplit(".", 1)[-1], node)
    dim = args[1] if len(args) > 1 else kwargs.get("dim", 0)
    if qualname in _STACK:
        return _stacked(given, dim, origin)
    if qualname in _CAT:
        return _joined(given, dim, origin)
    if qualname in _NUMBERS and len(args) == 1:
        return _numbers(given, _NUMBERS[qualname], kwargs, origin)
    if qualname in _PAD:
        return _padded(given, kwargs.get("batch_first", args[1] if len(args) > 1 else False), origin)
    if qualname in _DEFAULT and len(args) == 1 and not kwargs:
        return data_pipeline.collate(given.sample, given.origin)
    return UNKNOWN


def _item_shape(samples: SampleList) -> Shape | None:
    sample = samples.sample
    return sample.shape if isinstance(sample, Tensor) and not sample.shape.open else None


def _stacked(samples: SampleList, dim: object, origin: Origin) -> object:
    shape = _item_shape(samples)
    rank = None if shape is None else len(shape.dims) + 1
    if shape is None or not isinstance(dim, int) or not -rank <= dim < rank:  # type: ignore[operator]
        return UNKNOWN
    at = dim % rank  # type: ignore[operator]
    return Tensor(Shape((*shape.dims[:at], samples.size, *shape.dims[at:]), dtype=shape.dtype), origin)


def _joined(samples: SampleList, dim: object, origin: Origin) -> object:
    shape = _item_shape(samples)
    if shape is None or not shape.dims or not isinstance(dim, int) or not -len(shape.dims) <= dim < len(shape.dims):
        return UNKNOWN
    at = dim % len(shape.dims)
    dims = list(shape.dims)
    dims[at] = arith(operator.mul, dims[at], samples.size)
    return Tensor(Shape(tuple(dims), dtype=shape.dtype), origin)


def _numbers(samples: SampleList, kind: DType | None, kwargs: dict[str, object], origin: Origin) -> object:
    """``torch.tensor(labels)`` of a list of ints or floats: one per sample."""
    number = samples.sample
    if kwargs.keys() - {"dtype", "device", "requires_grad"} or type(number) not in (int, float):
        return UNKNOWN
    own: DType = "int" if type(number) is int else "float"
    dtype = None if "dtype" in kwargs else (kind or own)
    return Tensor(Shape((samples.size,), dtype=dtype), origin)


def _padded(samples: SampleList, batch_first: object, origin: Origin) -> object:
    """``pad_sequence(captions, batch_first=True)``: the samples' lengths differ, so the padded one is unknown."""
    shape = _item_shape(samples)
    if shape is None or not shape.dims or not isinstance(batch_first, bool):
        return UNKNOWN
    front = (samples.size, UNKNOWN) if batch_first else (UNKNOWN, samples.size)
    return Tensor(Shape((*front, *shape.dims[1:]), dtype=shape.dtype), origin)
