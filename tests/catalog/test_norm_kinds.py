"""Batch, instance (and their lazy twins), layer, RMS, group and local response norms agree with torch."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.budget import examples
from tests.catalog.oracle import assert_agrees
from tests.catalog.strategies import mostly

pytestmark = pytest.mark.sampled

Case = tuple[str, dict[str, object], tuple[int, ...]]
shapes = st.lists(st.integers(1, 4), min_size=0, max_size=6).map(tuple)
flags = st.booleans()


def _channels_like(shape: tuple[int, ...], index: int) -> st.SearchStrategy[int]:
    """Mostly the input's size at ``index`` so that most cases run."""
    exact = st.just(shape[index]) if -len(shape) <= index < len(shape) else st.integers(1, 4)
    return mostly(exact, st.integers(-1, 5), odds=4)


@st.composite
def batch_or_instance(draw: st.DrawFn) -> Case:
    kind, count = draw(st.sampled_from(("Batch", "Instance"))), draw(st.sampled_from((1, 2, 3)))
    shape = draw(shapes)
    index = 1 if kind == "Batch" else -(count + 1)
    args = {
        "num_features": draw(_channels_like(shape, index)),
        "affine": draw(flags),
        "track_running_stats": draw(flags),
    }
    return f"{kind}Norm{count}d", args, shape


@settings(max_examples=examples(600))
@given(case=batch_or_instance())
def test_batch_and_instance_norm(case: Case) -> None:
    assert_agrees(*case)


@settings(max_examples=examples(400))
@given(case=batch_or_instance(), eps=mostly(st.just(1e-5), st.sampled_from((0.0, -1e-3, 1.0))))
def test_batch_and_instance_norm_in_training(case: Case, eps: float) -> None:
    """Training mode adds BatchNorm's refusal of one value per channel (a batch of one vector or 1x1 map)."""
    name, args, shape = case
    assert_agrees(name, {**args, "eps": eps}, shape, training=True)


@settings(max_examples=examples(300))
@given(case=batch_or_instance(), defaults=st.booleans(), training=st.booleans())
def test_lazy_norm(case: Case, defaults: bool, training: bool) -> None:
    name, args, shape = case
    args = {} if defaults else {key: value for key, value in args.items() if key != "num_features"}
    assert_agrees(f"Lazy{name}", args, shape, training=training)


@settings(max_examples=examples(400))
@given(
    name=st.sampled_from(("LayerNorm", "RMSNorm")),
    shape=shapes,
    count=st.integers(0, 3),
    form=st.sampled_from(("int", "tuple", "list")),
    affine=flags,
    data=st.data(),
)
def test_layer_norm(
    name: str, shape: tuple[int, ...], count: int, form: str, affine: bool, data: st.DataObject
) -> None:
    tail = tuple(shape[len(shape) - count :]) if count <= len(shape) else (2,) * count
    sizes = tuple(data.draw(mostly(st.just(size), st.integers(-1, 5), odds=6)) for size in tail)
    normalized: object = {"int": sizes[0] if sizes else 3, "tuple": sizes, "list": list(sizes)}[form]
    assert_agrees(name, {"normalized_shape": normalized, "elementwise_affine": affine}, shape)


@settings(max_examples=examples(400))
@given(shape=shapes, groups=st.integers(1, 4), affine=flags, data=st.data())
def test_group_norm(shape: tuple[int, ...], groups: int, affine: bool, data: st.DataObject) -> None:
    channels = data.draw(_channels_like(shape, 1))
    assert_agrees("GroupNorm", {"num_groups": groups, "num_channels": channels, "affine": affine}, shape)


@settings(max_examples=examples(150))
@given(shape=shapes, size=st.integers(-1, 5))
def test_local_response_norm(shape: tuple[int, ...], size: int) -> None:
    assert_agrees("LocalResponseNorm", {"size": size}, shape)
