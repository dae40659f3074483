"""Embedding and EmbeddingBag: integer indices in, float vectors out.

EmbeddingBag's rule is for one 2-D input of equal-length bags: a 1-D input
needs ``offsets``, which a Sequential cannot pass, so torch rejects it there.
"""

from __future__ import annotations

from shapelint.catalog.base import FACTORY, LayerKind, Problem, ShapeError, require
from shapelint.catalog.entry import Entry
from shapelint.catalog.signature import Args, ArgType, Attribute, Param
from shapelint.dims import Shape, arith, product

BAG_MODES = ("sum", "mean", "max")
_TABLE = ("num_embeddings", "embedding_dim")


def _validate(args: Args) -> None:
    count = args["num_embeddings"]
    for name in ("num_embeddings", "embedding_dim"):
        require(arith(lambda v: v >= 0, args[name]), f"{name} must not be negative, got {args[name]}")
    index = args["padding_idx"]
    if index is not None:
        within = arith(lambda i, n: -n <= i < n, index, count)
        require(within, f"padding_idx {index} must be within num_embeddings {count}")


def _indices(layer: str, args: Args, shape: Shape) -> None:
    """Reject float indices, and any lookup into an empty table."""
    if shape.dtype == "float":
        raise ShapeError(f"{layer} expects integer indices, got a float tensor", Problem.DTYPE)
    lookups = arith(lambda n: n > 0, product(shape.dims))
    require(not (args["num_embeddings"] == 0 and lookups is True), f"{layer} has no rows to look up", Problem.OTHER)


def _embedding(args: Args, shape: Shape) -> Shape:
    _indices("Embedding", args, shape)
    return Shape(shape.dims + (args["embedding_dim"],), shape.open, "float")


def _bag(args: Args, shape: Shape) -> Shape:
    _indices("EmbeddingBag", args, shape)
    mode = args["mode"]
    require(mode in BAG_MODES or not isinstance(mode, str), f"mode has to be one of {BAG_MODES}, got {mode!r}")
    return Shape((shape.dim(-2), args["embedding_dim"]), dtype="float")


def _entries(args: Args) -> list[Entry]:
    return [Entry("weight", (args["num_embeddings"], args["embedding_dim"]))]


KINDS = (
    LayerKind(
        "Embedding",
        tuple(Param(name, type=ArgType.INT, attribute=Attribute.SIZE) for name in _TABLE)
        + (Param("padding_idx", None, type=ArgType.INT), Param("max_norm", None))
        + (Param("norm_type", 2.0), Param("scale_grad_by_freq", False), Param("sparse", False))
        + (Param("_weight", None), Param("_freeze", False))
        + FACTORY,
        _embedding,
        validate=_validate,
        entries=_entries,
    ),
    LayerKind(
        "EmbeddingBag",
        tuple(Param(name, attribute=Attribute.SIZE) for name in _TABLE)
        + (Param("max_norm", None), Param("norm_type", 2.0))
        + (Param("scale_grad_by_freq", False), Param("mode", "mean"), Param("sparse", False), Param("_weight", None))
        + (Param("include_last_offset", False), Param("padding_idx", None))
        + FACTORY,
        _bag,
        ranks=(2,),
        validate=_validate,
        entries=_entries,
    ),
)
