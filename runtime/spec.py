"""A tensor a runtime layer holds: the catalog's state-dict entry, with its first values and dtype."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from shapelint.catalog import Entry

Init = Callable[[np.random.Generator, tuple[int, ...], np.dtype], np.ndarray]


@dataclass(frozen=True, slots=True)
class TensorSpec:
    """A catalog state-dict entry with what only the runtime knows: its first values and dtype."""

    entry: Entry
    init: Init
    dtype: np.dtype

    @property
    def shape(self) -> tuple[int, ...]:
        return self.entry.shape

    @property
    def trainable(self) -> bool:
        return self.entry.trainable

    @property
    def size(self) -> int:
        return self.entry.size

    @property
    def nbytes(self) -> int:
        return self.size * self.dtype.itemsize
