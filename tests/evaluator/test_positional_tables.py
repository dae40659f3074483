"""A positional encoding worked out in numpy, element by element, and the positions it is looked up at: the shapes
numpy and torch give them, without working out every element."""

from __future__ import annotations

import libcst as cst
import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.dims import UNKNOWN
from shapelint.evaluator import evaluate
from shapelint.evaluator.operators import QUALIFIED
from shapelint.evaluator.values import Array, Tensor
from shapelint.lint import lint_source
from tests.budget import examples

pytestmark = pytest.mark.sampled


def _names(source: str) -> dict[str, object]:
    return dict(evaluate(cst.parse_module(source)).names)


@settings(max_examples=examples(200))
@given(
    start=st.integers(-20, 20), end=st.integers(-20, 20), step=st.integers(-5, 5).filter(bool), form=st.integers(0, 2)
)
def test_arange_has_torch_shape_and_dtype(start: int, end: int, step: int, form: int) -> None:
    args = [(end,), (start, end), (start, end, step)][form]
    try:
        real = torch.arange(*args)
    except RuntimeError:  # torch refuses bounds that disagree with the step's sign
        return
    ours = _names(f"import torch\nx = torch.arange{args if len(args) > 1 else f'({end})'}\n")["x"]
    assert isinstance(ours, Tensor)
    assert ours.shape.dims == tuple(real.shape)
    assert ours.shape.dtype == "int" and real.dtype == torch.int64


@settings(max_examples=examples(200))
@given(base=st.integers(-50, 50) | st.floats(-50, 50), exponent=st.integers(-4, 4) | st.floats(-4, 4))
def test_numpy_power_on_numbers_is_numpys_or_unknown(base: float, exponent: float) -> None:
    ours = QUALIFIED["numpy.power"].call([base, exponent], {})
    with np.errstate(all="ignore"):
        try:
            real = np.power(base, exponent)
        except ValueError:
            assert ours is UNKNOWN
            return
    if ours is UNKNOWN:
        return
    assert ours == pytest.approx(float(real), nan_ok=False)


_TABLE = """\
import numpy as np
import torch

def angle(position, index):
    return position / np.power(10000, 2 * (index // 2) / {width})

table = np.array([[angle(position, index) for index in range({width})] for position in range({rows})])
table[:, 0::2] = np.sin(table[:, 0::2])
encoding = torch.FloatTensor(table)
"""


@pytest.mark.parametrize(("rows", "width"), [(6, 512), (16, 65), (3, 64), (20, 100)])
def test_a_sinusoid_table_has_numpys_shape(rows: int, width: int) -> None:
    source = _TABLE.format(rows=rows, width=width)
    real: dict[str, object] = {}
    exec(source, real)  # the table's own code, run for its shape
    names = _names(source)
    table, encoding = names["table"], names["encoding"]
    assert isinstance(table, Array) and table.shape.dims == real["table"].shape  # type: ignore[attr-defined]
    assert isinstance(encoding, Tensor) and encoding.shape.dims == tuple(real["encoding"].shape)  # type: ignore[attr-defined]


def test_elements_with_a_side_effect_are_all_worked_out() -> None:
    names = _names(
        "seen = []\n"
        "def angle(index):\n"
        "    seen.append(index)\n"
        "    return index / 3.0\n"
        "row = [angle(index) for index in range(100)]\n"
        "count = len(seen)\n"
        "last = row[-1]\n"
    )
    assert names["count"] == 100
    assert names["last"] == pytest.approx(99 / 3.0)


def test_elements_left_unworked_are_unknown_not_guessed() -> None:
    names = _names(
        "import numpy as np\n"
        "row = [index / np.power(10.0, 2) for index in range(100)]\n"
        "first, last = row[0], row[-1]\n"
        "total = sum(row)\n"
    )
    assert names["first"] == 0.0
    assert names["last"] is UNKNOWN and names["total"] is UNKNOWN


_PRETRAINED = """\
import torch
import torch.nn as nn

table = torch.randn(10, 6)
bag = nn.EmbeddingBag.from_pretrained(table, mode="sum")
embed = nn.Embedding.from_pretrained(table, freeze=False, padding_idx=0)
ids = torch.randint(0, 10, (3, 5))
nn.Linear({bag_width}, 2)(bag(ids))
nn.Linear({embed_width}, 2)(embed(ids))
"""


@pytest.mark.parametrize(("bag_width", "embed_width", "lines"), [(6, 6, []), (4, 6, [8]), (6, 5, [9])])
def test_from_pretrained_embeddings_have_the_tables_shape(bag_width: int, embed_width: int, lines: list[int]) -> None:
    source = _PRETRAINED.format(bag_width=bag_width, embed_width=embed_width)
    found = [diagnostic.line for diagnostic in lint_source(source)]
    assert found == lines
    if lines:
        with pytest.raises(RuntimeError):
            exec(source, {})  # torch refuses the same layer
    else:
        exec(source, {})
