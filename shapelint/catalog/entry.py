"""One state-dict entry, and the rule by which a kind lists its entries: plain types the kinds declare with."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from shapelint.catalog.signature import Args


@dataclass(frozen=True, slots=True)
class Entry:
    """One ``state_dict`` entry: a parameter (trained) or a buffer."""

    name: str
    shape: tuple[int, ...]
    trainable: bool = True

    @property
    def size(self) -> int:
        return math.prod(self.shape)


EntriesRule = Callable[[Args], list[Entry] | None]
"""A layer's state-dict entries in ``state_dict()`` order; ``None`` (or TypeError, ZeroDivisionError) while unknown."""
