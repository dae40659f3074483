"""Conv and ConvTranspose in 1-3 dimensions agree with torch, including their lazy twins.

Input channels are positive: a zero-channel input is an empty tensor, whose
output torch shapes by other rules than a layer's.  A padding tuple longer
than the spatial rank with a non-zero padding mode makes ``F.pad`` pad the
channels; the catalog answers unknown sizes there, so it is not generated.
"""

from __future__ import annotations

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.budget import examples
from tests.catalog.oracle import assert_agrees, catalog_outcome, torch_outcome
from tests.catalog.strategies import mostly, per_dim, spatial_shape

pytestmark = pytest.mark.sampled

Case = tuple[str, dict[str, object], tuple[int, ...]]
counts = st.sampled_from((1, 2, 3))


@st.composite
def conv_case(draw: st.DrawFn, transposed: bool) -> Case:
    count = draw(counts)
    groups = draw(mostly(st.sampled_from((1, 1, 2, 3)), st.integers(-1, 0)))
    multiple = mostly(st.integers(1, 3).map(lambda k: k * max(groups, 1)), st.integers(1, 5))
    args: dict[str, object] = {
        "in_channels": draw(multiple),
        "out_channels": draw(mostly(multiple, st.just(0))),
        "kernel_size": draw(per_dim(count, mostly(st.integers(1, 4), st.integers(-1, 0)))),
        "stride": draw(per_dim(count, mostly(st.integers(1, 3), st.integers(-1, 0)))),
        "dilation": draw(per_dim(count, mostly(st.integers(1, 2), st.integers(-1, 0)))),
        "groups": groups,
    }
    padding = mostly(st.integers(0, 3), st.integers(-2, -1))
    if transposed:
        args["padding"] = draw(mostly(per_dim(count, padding), st.just("same")))
        args["output_padding"] = draw(per_dim(count, mostly(st.integers(0, 2), st.just(-1))))
        args["padding_mode"] = draw(mostly(st.just("zeros"), st.just("reflect")))
    else:
        strings = st.sampled_from(("same", "same", "valid", "full"))
        args["padding"] = draw(st.one_of(per_dim(count, padding), per_dim(count, padding), strings))
        modes = st.sampled_from(("zeros", "zeros", "zeros", "reflect", "replicate", "circular"))
        args["padding_mode"] = draw(mostly(modes, st.just("mirror")))
        padding = args["padding"]
        if args["padding_mode"] != "zeros" and isinstance(padding, tuple) and len(padding) > count:
            args["padding"] = padding[:count]
    name = f"{'ConvTranspose' if transposed else 'Conv'}{count}d"
    shape = draw(spatial_shape(count, mostly(st.just(args["in_channels"]), st.integers(1, 6), odds=8)))
    return name, args, shape


@settings(max_examples=examples(600))
@given(case=conv_case(transposed=False))
def test_conv(case: Case) -> None:
    assert_agrees(*case)


@settings(max_examples=examples(400))
@given(case=conv_case(transposed=True))
def test_conv_transpose(case: Case) -> None:
    assert_agrees(*case)


@settings(max_examples=examples(250))
@given(case=st.one_of(conv_case(transposed=False), conv_case(transposed=True)))
def test_lazy_conv(case: Case) -> None:
    name, args, shape = case
    args = {key: value for key, value in args.items() if key != "in_channels"}
    assert_agrees(f"Lazy{name}", args, shape)


@pytest.mark.parametrize("mode", ["zeros", "reflect", "replicate", "circular"])
@pytest.mark.parametrize(("name", "kernel", "shape"), [("Conv2d", (1, 2), (1, 1, 2)), ("Conv3d", (2, 3, 2), (1, 1, 3, 4, 3))])
def test_same_padding_with_a_short_dilation_tuple(mode: str, name: str, kernel: tuple[int, ...], shape: tuple[int, ...]) -> None:
    """Found by hypothesis: torch's non-zero modes leave the dimensions past ``len(dilation)`` unpadded."""
    args = {"in_channels": 1, "out_channels": 1, "kernel_size": kernel, "padding": "same", "padding_mode": mode}
    args["dilation"] = (1,)
    assert catalog_outcome(name, args, shape, "float") == torch_outcome(name, args, shape, torch.float32)
