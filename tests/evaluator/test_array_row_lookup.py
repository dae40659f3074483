"""``table[labels]`` with an array of ints (``np.eye(10)[labels]``, a one-hot) and ``tensor.numpy()``, against
numpy on drawn shapes: ours is numpy's shape, or unknown where numpy raises."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.dims import UNKNOWN
from tests.budget import examples
from tests.evaluator.numpy_truth import agrees, array, run

pytest.importorskip("torch", reason="the labels are made by torch, which this run has not installed")

_SHAPES = st.lists(st.integers(0, 3), max_size=3).map(tuple)


@pytest.mark.sampled
@settings(max_examples=examples(200), deadline=None)
@given(table=_SHAPES, labels=_SHAPES, kind=st.sampled_from(["float", "int"]))
def test_rows_looked_up_by_an_int_array(table: tuple[int, ...], labels: tuple[int, ...], kind: str) -> None:
    source = (
        "import torch\n"
        f"x = {array(kind, table)}\n"
        f"labels = torch.zeros({labels!r}, dtype=torch.long).numpy()\n"
        "y = x[labels]\n"
    )
    ours, real = run(source)
    if isinstance(real, Exception):
        assert ours is UNKNOWN, (source, real)
    else:
        assert agrees(ours, real), (source, ours, real.shape)


@pytest.mark.sampled
@settings(max_examples=examples(100), deadline=None)
@given(
    size=st.integers(0, 12),
    dtype=st.sampled_from(["", ", dtype=np.uint8", ", dtype=np.float32", ", np.int64", ", dtype=np.float64"]),
    rows=st.integers(0, 4),
    columns=st.sampled_from([1, 2, 4]),
)
def test_numbers_read_from_bytes(size: int, dtype: str, rows: int, columns: int) -> None:
    """``np.frombuffer(data, dtype).reshape(rows, columns)``, the sizes written out as a tutorial's MNIST reader
    does: numpy's shape where numpy reads them so (the count read is not known, so a reshape numpy refuses is not
    told apart)."""
    source = f"x = np.frombuffer(bytes({size * 8}){dtype})\ny = x.reshape({rows}, {columns})\n"
    ours, real = run(source)
    if not isinstance(real, Exception):
        assert agrees(ours, real) and ours is not UNKNOWN, (source, ours, real.shape)
