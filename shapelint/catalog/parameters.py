"""Parameter counts by kind name, for :mod:`shapelint.summary` until it hands :func:`parameter_count` the kind."""

from __future__ import annotations

from shapelint.catalog import entries
from shapelint.catalog.families import CATALOG
from shapelint.catalog.signature import Args


def parameter_count(kind_name: str, args: Args) -> int | None:
    return entries.parameter_count(CATALOG[kind_name], args)
