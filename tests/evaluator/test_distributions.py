"""torch.distributions as the evaluator follows them, against torch on drawn parameter shapes: what a sample, a
log-probability, an entropy and a mean are shaped like, and which parameters torch refuses."""

from __future__ import annotations

import libcst as cst
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.dims import UNKNOWN, Shape
from shapelint.evaluator import distributions
from shapelint.evaluator.values import Tensor
from tests.budget import examples

pytestmark = pytest.mark.sampled

shapes = st.lists(st.integers(1, 3), max_size=3).map(tuple)
NODE = cst.parse_expression("Normal(mu, std)")


def _ours(name: str, params: list[tuple[int, ...] | float], **kwargs: object) -> object:
    values = [value if isinstance(value, float) else Tensor(Shape(value)) for value in params]
    return distributions.build(f"torch.distributions.{name}", values, dict(kwargs), NODE)  # type: ignore[arg-type]


def _theirs(name: str, params: list[tuple[int, ...] | float], **kwargs: object) -> object:
    values = [value if isinstance(value, float) else torch.rand(value) + 0.5 for value in params]
    try:
        return getattr(torch.distributions, name)(*values, **kwargs)
    except (ValueError, RuntimeError):
        return None


def _compare(ours: object, theirs: object, draw: tuple[int, ...], value: tuple[int, ...]) -> None:
    if theirs is None:
        assert ours is UNKNOWN
        return
    assert isinstance(ours, distributions.Distribution)
    sample = theirs.sample(draw)  # type: ignore[attr-defined]
    assert distributions.method(ours, "sample", [draw], {}).shape.dims == tuple(sample.shape)  # type: ignore[union-attr]
    assert distributions.attribute(ours, "mean").shape.dims == tuple(theirs.mean.shape)  # type: ignore[attr-defined]
    entropy = distributions.method(ours, "entropy", [], {})
    assert entropy.shape.dims == tuple(theirs.entropy().shape)  # type: ignore[attr-defined,union-attr]
    probed = torch.zeros(value + tuple(theirs.event_shape))  # type: ignore[attr-defined]
    try:
        expected = tuple(theirs.log_prob(probed).shape)  # type: ignore[attr-defined]
    except (ValueError, RuntimeError):
        expected = None
    log_prob = distributions.method(ours, "log_prob", [Tensor(Shape(tuple(probed.shape)))], {})
    assert (log_prob.shape.dims if isinstance(log_prob, Tensor) else None) == expected or expected is None


@settings(max_examples=examples(200), deadline=None)
@given(
    name=st.sampled_from(("Normal", "Laplace", "Uniform", "Gamma")),
    first=shapes,
    second=st.one_of(shapes, st.just(2.0)),
    draw=shapes,
    value=shapes,
)
def test_two_parameter_distributions(
    name: str, first: tuple[int, ...], second: tuple[int, ...] | float, draw: tuple[int, ...], value: tuple[int, ...]
) -> None:
    params: list[tuple[int, ...] | float] = [first, second]
    if name == "Uniform" and isinstance(second, float):
        params = [first, 5.0]
    _compare(_ours(name, params), _theirs(name, params, validate_args=False), draw, value)


@settings(max_examples=examples(200), deadline=None)
@given(
    name=st.sampled_from(("Bernoulli", "Categorical")),
    shape=shapes,
    keyword=st.sampled_from(("probs", "logits")),
    draw=shapes,
    value=shapes,
    independent=st.integers(0, 2),
)
def test_probability_distributions(
    name: str, shape: tuple[int, ...], keyword: str, draw: tuple[int, ...], value: tuple[int, ...], independent: int
) -> None:
    ours = distributions.build(f"torch.distributions.{name}", [], {keyword: Tensor(Shape(shape))}, NODE)
    try:
        theirs: object = getattr(torch.distributions, name)(**{keyword: torch.rand(shape) * 0.8 + 0.1})
    except (ValueError, RuntimeError):
        theirs = None
    if theirs is not None and ours is not UNKNOWN:
        try:
            theirs = torch.distributions.Independent(theirs, independent)  # type: ignore[arg-type]
        except (ValueError, RuntimeError):
            theirs = None
        ours = distributions.build("torch.distributions.Independent", [ours, independent], {}, NODE)
    _compare(ours, theirs, draw, value)
