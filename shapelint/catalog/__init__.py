"""The one catalog of layer kinds that the linter and the runtime library share.

``CATALOG`` maps a ``torch.nn`` class name (``"Linear"``) to its
:class:`LayerKind`.  Nothing here imports numpy or torch.
"""

from __future__ import annotations

from collections.abc import Iterable

from shapelint.catalog import losses as loss_rules
from shapelint.catalog import tensor_layout as layout_rules
from shapelint.catalog import tensor_ops as tensor_rules
from shapelint.catalog import weighted as weighted_rules
from shapelint.catalog.argtypes import is_size, lacks, unchecked
from shapelint.catalog.base import Family, LayerKind, Problem, ShapeError, expand, tuple_refusal
from shapelint.catalog.einsum import einsum_shape
from shapelint.catalog.entries import mult_adds, parameter_count, state_entries
from shapelint.catalog.entry import Entry
from shapelint.catalog.families import CATALOG
from shapelint.catalog.functional import FunctionalRule, functional_rule
from shapelint.catalog.inferred import TorchStyleCall, bind_inferred, inferred_argument, placeholder, runtime_positional
from shapelint.catalog.losses import LossKind
from shapelint.catalog.padding import side_pairs
from shapelint.catalog.patches import im2col, unfold_windows
from shapelint.catalog.signature import REQUIRED, Args, ArgType, Attribute, Functional, Param
from shapelint.catalog.spectral import SPECTRAL, stft
from shapelint.dims import Shape


def lookup(name: str) -> LayerKind | None:
    """The kind called ``name`` in ``torch.nn``, or ``None`` when it is not catalogued."""
    return CATALOG.get(name)


def propagate(layers: Iterable[tuple[LayerKind, Args]], shape: Shape) -> Shape:
    """Run a chain of layers, as ``nn.Sequential`` does, including nested chains."""
    for kind, args in layers:
        shape = kind.infer(args, shape)
    return shape


__all__ = [
    "CATALOG",
    "REQUIRED",
    "SPECTRAL",
    "ArgType",
    "Args",
    "Attribute",
    "Entry",
    "Family",
    "Functional",
    "FunctionalRule",
    "LayerKind",
    "LossKind",
    "Param",
    "Problem",
    "ShapeError",
    "TorchStyleCall",
    "bind_inferred",
    "einsum_shape",
    "expand",
    "functional_rule",
    "im2col",
    "inferred_argument",
    "is_size",
    "lacks",
    "layout_rules",
    "lookup",
    "loss_rules",
    "mult_adds",
    "parameter_count",
    "placeholder",
    "propagate",
    "runtime_positional",
    "side_pairs",
    "state_entries",
    "stft",
    "tensor_rules",
    "tuple_refusal",
    "unchecked",
    "unfold_windows",
    "weighted_rules",
]
