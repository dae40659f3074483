"""The family modules, each listing its kinds in ``KINDS``: a new family is registered here and nowhere else."""

from __future__ import annotations

from shapelint.catalog import (
    activation,
    attention,
    cells,
    conv,
    dropout,
    embedding,
    lazy,
    linear,
    norm,
    padding,
    pooling,
    recurrent,
    upsample,
)
from shapelint.catalog.base import LayerKind

FAMILIES = (
    linear,
    conv,
    pooling,
    norm,
    activation,
    dropout,
    embedding,
    upsample,
    padding,
    recurrent,
    cells,
    attention,
    lazy,
)

CATALOG: dict[str, LayerKind] = {kind.name: kind for family in FAMILIES for kind in family.KINDS}
"""Every kind by its ``torch.nn`` class name (``"Linear"``)."""
