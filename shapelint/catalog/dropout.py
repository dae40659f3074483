"""Dropout, Dropout1d/2d/3d, AlphaDropout and FeatureAlphaDropout.

Only Dropout1d rejects a rank; Dropout2d and Dropout3d merely warn about an
unexpected rank, so their rules accept any input, as torch does.
"""

from __future__ import annotations

from shapelint.catalog.base import Args, LayerKind, Param, keep, require

_PARAMS = (Param("p", 0.5), Param("inplace", False))


def _probability(args: Args) -> None:
    p = args["p"]
    known = isinstance(p, (int, float)) and not isinstance(p, bool)
    require(not known or 0 <= p <= 1, f"dropout probability has to be between 0 and 1, but got {p}")


def _dropout(name: str, ranks: tuple[int, ...] | None = None) -> LayerKind:
    return LayerKind(name, _PARAMS, keep, ranks=ranks, validate=_probability)


KINDS = (
    _dropout("Dropout"),
    _dropout("Dropout1d", (2, 3)),
    _dropout("Dropout2d"),
    _dropout("Dropout3d"),
    _dropout("AlphaDropout"),
    _dropout("FeatureAlphaDropout"),
)
