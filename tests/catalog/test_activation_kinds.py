"""Every activation and dropout layer agrees with torch, bad settings included."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.budget import examples
from tests.catalog.oracle import assert_agrees
from tests.catalog.strategies import mostly

pytestmark = pytest.mark.sampled

shapes = st.lists(st.integers(1, 4), min_size=0, max_size=5).map(tuple)
reals = st.sampled_from((-1.0, 0.0, 0.1, 0.5, 1.0, 2.0))

SETTINGS: dict[str, dict[str, st.SearchStrategy]] = {
    "ReLU": {}, "ReLU6": {}, "SELU": {}, "SiLU": {}, "Mish": {}, "Hardswish": {}, "Hardsigmoid": {},
    "Tanh": {}, "Sigmoid": {}, "Softsign": {}, "Tanhshrink": {}, "LogSigmoid": {}, "Softmax2d": {},
    "LeakyReLU": {"negative_slope": reals},
    "ELU": {"alpha": reals},
    "CELU": {"alpha": reals},
    "GELU": {"approximate": st.sampled_from(("none", "tanh", "exact"))},
    "Hardtanh": {"min_val": reals, "max_val": reals},
    "Softplus": {"beta": reals, "threshold": reals},
    "Threshold": {"threshold": reals, "value": reals},
    "Hardshrink": {"lambd": reals},
    "Softshrink": {"lambd": reals},
    "RReLU": {"lower": reals, "upper": reals},
    "GLU": {"dim": st.integers(-4, 3)},
    "Softmax": {"dim": st.one_of(st.none(), st.integers(-4, 3))},
    "LogSoftmax": {"dim": st.one_of(st.none(), st.integers(-4, 3))},
    "Softmin": {"dim": st.one_of(st.none(), st.integers(-4, 3))},
}
DROPOUTS = ("Dropout", "Dropout1d", "Dropout2d", "Dropout3d", "AlphaDropout", "FeatureAlphaDropout")


@settings(max_examples=examples(800))
@given(name=st.sampled_from(sorted(SETTINGS)), shape=shapes, data=st.data())
def test_activation(name: str, shape: tuple[int, ...], data: st.DataObject) -> None:
    args = {key: data.draw(values, label=key) for key, values in SETTINGS[name].items()}
    assert_agrees(name, args, shape)


@settings(max_examples=examples(300))
@given(shape=shapes, data=st.data())
def test_prelu(shape: tuple[int, ...], data: st.DataObject) -> None:
    channel = st.just(shape[1]) if len(shape) > 1 else st.integers(1, 4)
    count = data.draw(mostly(st.one_of(st.just(1), channel), st.integers(0, 5), odds=4))
    assert_agrees("PReLU", {"num_parameters": count}, shape)


@settings(max_examples=examples(300))
@given(
    name=st.sampled_from(DROPOUTS),
    shape=shapes,
    p=mostly(st.sampled_from((0.0, 0.3, 1.0)), st.sampled_from((-0.1, 1.5))),
)
def test_dropout(name: str, shape: tuple[int, ...], p: float) -> None:
    assert_agrees(name, {"p": p}, shape)
