"""Real-valued hyperparameters torch accepts or rejects only on the first call: NaN, infinities, signed zeros.

Values past float32's range (1e39, 1e-300) or any float's (10**400) are left out:
torch rejects them while converting to the input's dtype, which the rules
do not model, so the linter stays silent on them; the runtime refuses a
value past any float's range at construction.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.budget import examples
from tests.catalog.oracle import assert_agrees

pytestmark = pytest.mark.sampled

HOSTILE = st.sampled_from((float("nan"), float("inf"), float("-inf"), -0.0, 0.0, -1.0, 1e-30, 0.5, 1e30))
shapes = st.lists(st.integers(1, 4), min_size=1, max_size=5).map(tuple)

REALS = {
    "LeakyReLU": ("negative_slope",),
    "ELU": ("alpha",),
    "CELU": ("alpha",),
    "Hardtanh": ("min_val", "max_val"),
    "Softplus": ("beta", "threshold"),
    "Threshold": ("threshold", "value"),
    "Hardshrink": ("lambd",),
    "Softshrink": ("lambd",),
    "RReLU": ("lower", "upper"),
    "PReLU": ("init",),
    "Dropout": ("p",),
    "Dropout1d": ("p",),
    "AlphaDropout": ("p",),
    "FeatureAlphaDropout": ("p",),
    "LocalResponseNorm": ("alpha", "beta", "k"),
    "ConstantPad1d": ("value",),
}
NORMS = ("BatchNorm1d", "BatchNorm2d", "InstanceNorm1d", "LayerNorm", "RMSNorm", "GroupNorm")


def _required(name: str, shape: tuple[int, ...]) -> dict[str, object]:
    """The arguments torch requires, fitted to ``shape`` so the real under test decides."""
    channels = shape[1] if len(shape) > 1 else 1
    return {
        "Threshold": {"threshold": 0.1, "value": 0.0},
        "LocalResponseNorm": {"size": 2},
        "ConstantPad1d": {"padding": 1, "value": 0.0},
        "BatchNorm1d": {"num_features": channels},
        "BatchNorm2d": {"num_features": channels},
        "InstanceNorm1d": {"num_features": channels},
        "LayerNorm": {"normalized_shape": shape[-1]},
        "RMSNorm": {"normalized_shape": shape[-1]},
        "GroupNorm": {"num_groups": 1, "num_channels": channels},
    }.get(name, {})


@settings(max_examples=examples(600))
@given(name=st.sampled_from(sorted(REALS)), shape=shapes, data=st.data())
def test_hostile_activation_and_dropout_reals(name: str, shape: tuple[int, ...], data: st.DataObject) -> None:
    args = _required(name, shape)
    for key in REALS[name]:
        if data.draw(st.booleans(), label=f"set {key}"):
            args[key] = data.draw(HOSTILE, label=key)
    assert_agrees(name, args, shape)


@settings(max_examples=examples(400))
@given(name=st.sampled_from(NORMS), shape=shapes, eps=HOSTILE, track=st.booleans(), momentum=HOSTILE)
def test_hostile_norm_eps_and_momentum(
    name: str, shape: tuple[int, ...], eps: float, track: bool, momentum: float
) -> None:
    args = {**_required(name, shape), "eps": eps}
    if name.startswith(("Batch", "Instance")):
        args.update(track_running_stats=track, momentum=momentum)
    assert_agrees(name, args, shape)
