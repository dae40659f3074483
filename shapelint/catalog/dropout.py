"""Dropout, Dropout1d/2d/3d, AlphaDropout and FeatureAlphaDropout.

Only Dropout1d rejects a rank; Dropout2d and Dropout3d merely warn about an
unexpected rank, so their rules accept any input, as torch does.
"""

from __future__ import annotations

import math

from shapelint.catalog.base import LayerKind, keep, require
from shapelint.catalog.signature import Args, ArgType, Param
from shapelint.dims import Shape

_PARAMS = (Param("p", 0.5, type=ArgType.REAL), Param("inplace", False, type=ArgType.BOOL))


def _known(p: object) -> bool:
    return isinstance(p, (int, float)) and not isinstance(p, bool)


def _probability(args: Args) -> None:
    """The constructor's ``p < 0 or p > 1`` test, which a NaN passes."""
    p = args["p"]
    require(not (_known(p) and (p < 0 or p > 1)), f"dropout probability has to be between 0 and 1, but got {p}")


def _output(args: Args, shape: Shape) -> Shape:
    """The kernel rejects a NaN ``p`` on the first call, even in eval mode."""
    p = args["p"]
    require(not (_known(p) and math.isnan(p)), f"dropout probability has to be between 0 and 1, but got {p}")
    return keep(args, shape)


def _dropout(name: str, ranks: tuple[int, ...] | None = None) -> LayerKind:
    return LayerKind(name, _PARAMS, _output, ranks=ranks, validate=_probability)


KINDS = (
    _dropout("Dropout"),
    _dropout("Dropout1d", (2, 3)),
    _dropout("Dropout2d"),
    _dropout("Dropout3d"),
    _dropout("AlphaDropout"),
    _dropout("FeatureAlphaDropout"),
)
