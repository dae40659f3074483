"""The ``torch.nn.functional`` twins the catalog declares agree with torch, through their kinds' rules."""

from __future__ import annotations

import ast
import inspect

import pytest
import torch
import torch.nn.functional as F
from hypothesis import assume, event, example, given, settings
from hypothesis import strategies as st

from shapelint.catalog import CATALOG, REQUIRED, Functional, LayerKind, ShapeError, functional_rule
from shapelint.dims import Shape
from tests.budget import examples
from tests.catalog.oracle import Outcome, torch_checks
from tests.catalog.pools import Case, adaptive_case, pool_case
from tests.catalog.strategies import mostly

pytestmark = pytest.mark.sampled

TWINS = [(kind, twin) for kind in CATALOG.values() for twin in kind.functionals]
Call = tuple[list[object], dict[str, object]]


def _torch_signature(name: str) -> list[tuple[str, object]]:
    """``F.<name>``'s parameters after the input: pools that may return indices are read from their plain
    variant (``F._max_pool2d``), builtins from their docstring's first line."""
    function = getattr(F, f"_{name}", None) or getattr(F, name)
    try:
        parameters = list(inspect.signature(function).parameters.values())[1:]
    except ValueError:
        header = function.__doc__.strip().splitlines()[0].split(" -> ")[0]
        arguments = ast.parse(f"def {header}: pass").body[0].args  # type: ignore[attr-defined]
        defaults = [REQUIRED] * (len(arguments.args) - len(arguments.defaults)) + arguments.defaults
        return [(a.arg, d if d is REQUIRED else ast.literal_eval(d)) for a, d in zip(arguments.args, defaults)][1:]
    return [(p.name, REQUIRED if p.default is p.empty else p.default) for p in parameters]


@pytest.mark.parametrize(("kind", "twin"), TWINS, ids=[f"{twin.name}-{kind.name}" for kind, twin in TWINS])
def test_twin_signature_matches_torch(kind: LayerKind, twin: Functional) -> None:
    assert [(p.name, p.default) for p in twin.params] == _torch_signature(twin.name)
    assert not any(p.keyword_only for p in twin.params)


@pytest.mark.parametrize(("kind", "twin"), TWINS, ids=[f"{twin.name}-{kind.name}" for kind, twin in TWINS])
def test_twin_gives_every_required_argument_of_its_kind(kind: LayerKind, twin: Functional) -> None:
    renamed = dict(twin.renamed)
    given_names = {renamed.get(p.name, p.name) for p in twin.params}
    assert {p.name for p in kind.params if p.default is REQUIRED} <= given_names


def torch_outcome(name: str, call: Call, shape: tuple[int, ...]) -> Outcome:
    """What ``F.<name>`` gives; the pooled values when indices come too."""
    args, kwargs = call
    with torch_checks():
        try:
            out = getattr(F, name)(torch.zeros(shape), *args, **kwargs)
        except (ValueError, TypeError, RuntimeError, IndexError, NotImplementedError, OverflowError):
            return ("forward", None)
    return ("ok", tuple((out[0] if isinstance(out, tuple) else out).shape))


def catalog_outcome(name: str, call: Call, shape: tuple[int, ...]) -> Outcome:
    rule = functional_rule(name)
    assert rule is not None
    try:
        out = rule(Shape(shape), *call)
    except ShapeError:
        return ("forward", None)
    assert isinstance(out, Shape) and not out.open, f"F.{name}{call} on {shape} gave {out}"
    return ("ok", out.dims)


def assert_agrees(name: str, call: Call, shape: tuple[int, ...]) -> None:
    expected, actual = torch_outcome(name, call, shape), catalog_outcome(name, call, shape)
    event(f"torch: {expected[0]}")
    assert actual == expected, f"F.{name}(x, *{call[0]}, **{call[1]}) on {shape}: torch {expected}, catalog {actual}"


def _leading(twin: Functional, named: dict[str, object]) -> int:
    """How many of ``twin``'s parameters, from the first, ``named`` gives: those may be passed by position."""
    names = [p.name for p in twin.params]
    return next((index for index, name in enumerate(names) if name not in named), len(names))


def _split(twin: Functional, named: dict[str, object], positional: int) -> Call:
    order = [p.name for p in twin.params if p.name in named]
    return [named[name] for name in order[:positional]], {name: named[name] for name in order[positional:]}


@st.composite
def split_call(draw: st.DrawFn, twin: Functional, named: dict[str, object]) -> Call:
    """The arguments in ``twin``'s order, a leading run of them positional and the rest by keyword."""
    return _split(twin, named, draw(st.integers(0, _leading(twin, named))))


def _twin(kind_name: str) -> Functional:
    (twin,) = CATALOG[kind_name].functionals
    return twin


MODES = ("constant", "reflect", "replicate", "circular")
amounts = mostly(st.integers(0, 4), st.integers(-4, -1), odds=3)


@settings(max_examples=examples(1200))
@given(
    mode=st.sampled_from(MODES),
    pad=st.integers(0, 4).flatmap(lambda pairs: st.lists(amounts, min_size=2 * pairs, max_size=2 * pairs)).map(tuple),
    shape=st.lists(st.integers(1, 5), min_size=0, max_size=6).map(tuple),
    explicit_mode=st.booleans(),
    value=st.sampled_from((None, 1.5)),
    positional=st.integers(0, 3),
)
@example(mode="constant", pad=(-2, -2), shape=(3, 4), explicit_mode=False, value=None, positional=1)
@example(mode="circular", pad=(0, 0, 2, -1), shape=(1, 2, 1), explicit_mode=True, value=None, positional=1)
@example(mode="circular", pad=(-1, 3), shape=(1, 1, 3), explicit_mode=True, value=None, positional=1)
def test_pad(
    mode: str, pad: tuple[int, ...], shape: tuple[int, ...], explicit_mode: bool, value: float | None, positional: int
) -> None:
    """Every mode, cropping and growing; the examples: a size-4 dimension ``(-2, -2)`` crops to 0, and circular
    crops and growths that wrap the input onto itself.

    Constant padding takes any number of pairs, the other modes one to three.
    """
    assume(mode == "constant" or 1 <= len(pad) // 2 <= 3)
    named: dict[str, object] = {"pad": pad}
    if mode != "constant" or explicit_mode:
        named["mode"] = mode
    if mode == "constant" and value is not None:
        named["value"] = value
    twin = _twin("ConstantPad1d")
    assert_agrees("pad", _split(twin, named, min(positional, _leading(twin, named))), shape)


def test_pad_crops_a_size_4_dimension_to_0_as_torch_does() -> None:
    call: Call = ([(-2, -2)], {})
    assert catalog_outcome("pad", call, (3, 4)) == ("ok", (3, 0)) == torch_outcome("pad", call, (3, 4))


@pytest.mark.parametrize(
    "call",
    [
        ([2], {}),
        ([(1, 1)], {"mode": "wrap"}),
        ([(1, 1)], {"mode": "reflect", "value": 1.0}),
        ([(1, 1)], {"pad": (1, 1)}),
        ([(1, 1, 1, 1, 1, 1, 1, 1)], {"mode": "reflect"}),
    ],
    ids=["int-pad", "unknown-mode", "value-in-reflect-mode", "pad-twice", "four-pairs-reflect"],
)
def test_pad_calls_no_kind_takes_are_unknown_and_torch_refuses_them(call: Call) -> None:
    """An int is no padding layer's int here: torch's ``F.pad`` wants a sequence."""
    rule = functional_rule("pad")
    assert rule is not None and rule(Shape((2, 3, 4)), *call).open
    assert torch_outcome("pad", call, (2, 3, 4)) == ("forward", None)


def _functional_case(case: Case) -> tuple[Functional, dict[str, object], tuple[int, ...]]:
    kind_name, args, shape = case
    return _twin(kind_name), args, shape


@settings(max_examples=examples(900))
@given(case=pool_case().map(_functional_case), data=st.data())
def test_pool(case: tuple[Functional, dict[str, object], tuple[int, ...]], data: st.DataObject) -> None:
    twin, args, shape = case
    assert_agrees(twin.name, data.draw(split_call(twin, args)), shape)


@settings(max_examples=examples(400))
@given(case=adaptive_case().map(_functional_case), data=st.data())
def test_adaptive_pool(case: tuple[Functional, dict[str, object], tuple[int, ...]], data: st.DataObject) -> None:
    twin, args, shape = case
    assert_agrees(twin.name, data.draw(split_call(twin, args)), shape)


INTERPOLATION_MODES = ("nearest", "nearest-exact", "area", "linear", "bilinear", "bicubic", "trilinear")
scales = st.sampled_from((0, 0.0, 0.3, 0.34, 0.5, 1, 1.5, 1.7, 2, 2.5, 3))
"""Zero included: ``F.interpolate`` computes with it where ``nn.Upsample``'s constructor drops it."""


def _per_dim(values: st.SearchStrategy, count: int) -> st.SearchStrategy:
    return mostly(st.one_of(values, st.tuples(*[values] * count)), st.lists(values, min_size=1, max_size=4).map(tuple))


@settings(max_examples=examples(700))
@given(
    name=st.sampled_from(("interpolate", "upsample")),
    shape=st.lists(st.integers(1, 6), min_size=1, max_size=5).map(tuple),
    data=st.data(),
)
def test_interpolate(name: str, shape: tuple[int, ...], data: st.DataObject) -> None:
    count = max(len(shape) - 2, 1)
    named: dict[str, object] = {"mode": data.draw(mostly(st.sampled_from(INTERPOLATION_MODES), st.just("cubic")))}
    if data.draw(st.booleans(), label="use_size"):
        named["size"] = data.draw(_per_dim(mostly(st.integers(1, 7), st.just(0)), count))
    else:
        named["scale_factor"] = data.draw(_per_dim(scales, count))
    named["align_corners"] = data.draw(st.sampled_from((None, None, True, False)))
    if name == "interpolate":
        named["recompute_scale_factor"] = data.draw(st.sampled_from((None, True, False)))
    (twin,) = [twin for twin in CATALOG["Upsample"].functionals if twin.name == name]
    assert_agrees(name, data.draw(split_call(twin, named)), shape)


def test_interpolate_area_with_a_zero_scale_gives_size_0_as_torch_does() -> None:
    """``nn.Upsample(scale_factor=0)`` is refused (its constructor drops the scale); the function is not."""
    call: Call = ([], {"scale_factor": 0.0, "mode": "area"})
    shape = (1, 2, 8)
    assert catalog_outcome("interpolate", call, shape) == ("ok", (1, 2, 0)) == torch_outcome("interpolate", call, shape)
    nearest: Call = ([], {"scale_factor": 0.0, "mode": "nearest"})
    assert catalog_outcome("interpolate", nearest, shape) == ("forward", None) == torch_outcome("interpolate", nearest, shape)


@settings(max_examples=examples(400))
@given(
    kind_name=st.sampled_from(("LayerNorm", "RMSNorm")),
    shape=st.lists(st.integers(1, 5), min_size=1, max_size=4).map(tuple),
    data=st.data(),
)
def test_norm_functions(kind_name: str, shape: tuple[int, ...], data: st.DataObject) -> None:
    """``F.layer_norm``/``F.rms_norm``: the normalized shape is mostly a suffix of the input's, sometimes any."""
    suffix = st.integers(1, len(shape)).map(lambda count: shape[-count:])
    normalized = data.draw(mostly(suffix, st.lists(st.integers(1, 5), min_size=1, max_size=5).map(tuple), odds=3))
    as_int = len(normalized) == 1 and data.draw(st.booleans(), label="as_int")
    named: dict[str, object] = {"normalized_shape": normalized[0] if as_int else normalized}
    if data.draw(st.booleans(), label="eps"):
        named["eps"] = 1e-3
    twin = _twin(kind_name)
    assert_agrees(twin.name, data.draw(split_call(twin, named)), shape)


@settings(max_examples=examples(300))
@given(
    name=st.sampled_from(["pixel_shuffle", "pixel_unshuffle"]),
    factor=st.integers(1, 3),
    shape=st.lists(st.integers(1, 9), min_size=2, max_size=5).map(tuple),
    positional=st.booleans(),
)
def test_pixel_shuffles(name: str, factor: int, shape: tuple[int, ...], positional: bool) -> None:
    """Channels traded for space and back, with ranks and sizes that do and do not divide."""
    keyword = "upscale_factor" if name == "pixel_shuffle" else "downscale_factor"
    call: Call = ([factor], {}) if positional else ([], {keyword: factor})
    assert_agrees(name, call, shape)
