"""Upsample and its fixed-mode variants, PixelShuffle, PixelUnshuffle and ChannelShuffle agree with torch."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.budget import examples
from tests.catalog.oracle import assert_agrees
from tests.catalog.strategies import mostly

pytestmark = pytest.mark.sampled

shapes = st.lists(st.integers(1, 4), min_size=1, max_size=6).map(tuple)
image_shapes = mostly(st.lists(st.integers(1, 6), min_size=3, max_size=5).map(tuple), shapes, odds=6)
scales = st.sampled_from((0, 0.3, 0.34, 0.5, 1, 1.5, 1.7, 2, 2.5, 3))
MODES = ("nearest", "nearest-exact", "area", "linear", "bilinear", "bicubic", "trilinear")


def _per_dim(values: st.SearchStrategy, count: int) -> st.SearchStrategy:
    return mostly(st.one_of(values, st.tuples(*[values] * count)), st.lists(values, min_size=1, max_size=4).map(tuple))


@settings(max_examples=examples(700))
@given(shape=image_shapes, data=st.data())
def test_upsample(shape: tuple[int, ...], data: st.DataObject) -> None:
    count = max(len(shape) - 2, 1)
    use_size = data.draw(st.booleans(), label="use_size")
    args: dict[str, object] = {
        "size": data.draw(_per_dim(mostly(st.integers(1, 7), st.just(0)), count)) if use_size else None,
        "scale_factor": None if use_size else data.draw(_per_dim(scales, count)),
        "mode": data.draw(mostly(st.sampled_from(MODES), st.just("cubic"))),
        "align_corners": data.draw(st.sampled_from((None, None, True, False))),
    }
    if data.draw(mostly(st.just(False), st.just(True)), label="both"):
        args["size"], args["scale_factor"] = data.draw(st.sampled_from(((None, None), (3, 2.0))))
    if args["mode"] != "area":
        args["recompute_scale_factor"] = data.draw(st.sampled_from((None, True, False)))
    assert_agrees("Upsample", args, shape)


HOSTILE_SCALES = (
    float("nan"), float("inf"), float("-inf"), 1e300, -1e300, 1e19, 10**400, -0.01, 1e-300, "x", [2.0], 1j, True
)


@settings(max_examples=examples(300))
@given(
    shape=image_shapes,
    scale=st.sampled_from(HOSTILE_SCALES),
    mode=st.sampled_from(MODES),
    recompute=st.sampled_from((None, True)),
    per_dim=st.booleans(),
)
def test_upsample_with_a_non_finite_or_huge_scale(
    shape: tuple[int, ...], scale: object, mode: str, recompute: bool | None, per_dim: bool
) -> None:
    """Beyond int64 is an error for every input length; 1e18 would only exhaust memory, which is no shape rule."""
    count = max(len(shape) - 2, 1)
    scale_factor = (2.0,) * (count - 1) + (scale,) if per_dim else scale
    args = {"scale_factor": scale_factor, "mode": mode}
    if mode != "area":
        args["recompute_scale_factor"] = recompute
    assert_agrees("Upsample", args, shape)


@settings(max_examples=examples(300))
@given(name=st.sampled_from(("UpsamplingNearest2d", "UpsamplingBilinear2d")), shape=image_shapes, data=st.data())
def test_fixed_mode_upsampling(name: str, shape: tuple[int, ...], data: st.DataObject) -> None:
    if data.draw(st.booleans(), label="use_size"):
        args = {"size": data.draw(_per_dim(st.integers(1, 7), 2))}
    else:
        args = {"scale_factor": data.draw(_per_dim(scales, 2))}
    assert_agrees(name, args, shape)


@settings(max_examples=examples(300))
@given(shape=shapes, factor=mostly(st.integers(1, 3), st.integers(-1, 0)))
def test_pixel_shuffle(shape: tuple[int, ...], factor: int) -> None:
    assert_agrees("PixelShuffle", {"upscale_factor": factor}, shape)


@settings(max_examples=examples(300))
@given(shape=shapes, factor=mostly(st.integers(1, 3), st.integers(-1, 0)))
def test_pixel_unshuffle(shape: tuple[int, ...], factor: int) -> None:
    assert_agrees("PixelUnshuffle", {"downscale_factor": factor}, shape)


@settings(max_examples=examples(200))
@given(shape=shapes, groups=mostly(st.integers(1, 4), st.integers(-1, 0)))
def test_channel_shuffle(shape: tuple[int, ...], groups: int) -> None:
    assert_agrees("ChannelShuffle", {"groups": groups}, shape)
