"""The layer attributes each kind declares: torch keeps each as the constructor argument of the same name."""

from __future__ import annotations

import warnings

import pytest
import torch

from shapelint.catalog import CATALOG, state_entries
from shapelint.dims import UNKNOWN
from tests.catalog.constructions import required_arguments

SIZE_ATTRIBUTES = frozenset(
    ["in_features", "out_features", "in1_features", "in2_features", "in_channels", "out_channels", "num_features", "num_channels", "num_groups", "num_embeddings", "embedding_dim", "groups", "upscale_factor", "downscale_factor"]
)
LAYER_ATTRIBUTES = SIZE_ATTRIBUTES | frozenset(
    ["input_size", "hidden_size", "num_layers", "proj_size", "bidirectional", "batch_first", "nonlinearity"]
)
"""The evaluator's global sets before each kind declared its own (shapelint/evaluate.py)."""

DISTINCT = {
    "bidirectional": True, "batch_first": True, "num_layers": 2, "proj_size": 2, "nonlinearity": "relu", "groups": 2,
}
"""Valid values other than the defaults, so an attribute torch resets or never stores cannot pass by chance."""

NOT_KEPT = {"TransformerEncoderLayer": {"batch_first"}, "TransformerDecoderLayer": {"batch_first"}}
"""Where the former global sets were wrong: torch keeps ``batch_first`` on ``self_attn`` alone (tested below)."""


@pytest.mark.parametrize("name", sorted(CATALOG))
def test_attributes_are_the_evaluators_former_global_sets_where_torch_agrees(name: str) -> None:
    kind = CATALOG[name]
    assert kind.attributes == (LAYER_ATTRIBUTES & kind.param_names) - NOT_KEPT.get(name, set())
    assert kind.traced_sizes == SIZE_ATTRIBUTES & kind.param_names


@pytest.mark.parametrize(("name", "attribute"), [(name, a) for name, names in sorted(NOT_KEPT.items()) for a in names])
def test_torch_keeps_no_attribute_where_none_is_declared(name: str, attribute: str) -> None:
    with pytest.raises(AttributeError):
        getattr(getattr(torch.nn, name)(**required_arguments(name)), attribute)


def _declared() -> list[tuple[str, str]]:
    return [(name, attribute) for name, kind in sorted(CATALOG.items()) for attribute in sorted(kind.attributes)]


@pytest.mark.filterwarnings("ignore::UserWarning")
@pytest.mark.parametrize(("name", "attribute"), _declared(), ids=lambda value: str(value))
def test_torch_keeps_each_declared_attribute_as_its_argument(name: str, attribute: str) -> None:
    kind = CATALOG[name]
    kwargs = {**required_arguments(name), **{key: value for key, value in DISTINCT.items() if key in kind.attributes}}
    bound = kind.bind((), kwargs)
    kept = getattr(getattr(torch.nn, name)(**kwargs), attribute)
    assert type(kept) is type(bound[attribute]) and kept == bound[attribute]


WINDOW_ARGUMENTS = [
    {"kernel_size": 3}, {"kernel_size": (3, 1, 2)[:1], "stride": 2}, {"kernel_size": 2, "stride": (2,), "padding": 1},
    {"kernel_size": 3, "padding": "same"}, {"kernel_size": 3, "dilation": 2, "padding": "valid"},
    {"kernel_size": [1, 3], "stride": [2, 1], "padding": (0, 1)}, {"kernel_size": 1, "output_padding": 0},
    {"kernel_size": 3, "stride": None, "padding": 1}, {"kernel_size": 2, "dilation": 2},
]  # fmt: skip
"""Window arguments as ints, tuples, lists and padding modes; a form a kind refuses is left out for it."""


def _torch_builds(name: str, window: dict[str, object]) -> bool:
    """Whether torch builds the kind with this window (a layer never built has no attribute to read)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            getattr(torch.nn, name)(**{**required_arguments(name), **window})
        except (ValueError, TypeError, RuntimeError):
            return False
    return True


WINDOW_CASES = [
    (name, window)
    for name in sorted(name for name, kind in CATALOG.items() if kind.derived is not None)
    for window in WINDOW_ARGUMENTS
    if _torch_builds(name, window)
]


@pytest.mark.filterwarnings("ignore::UserWarning")
@pytest.mark.parametrize(("name", "window"), WINDOW_CASES, ids=str)
def test_derived_attributes_are_torchs(name: str, window: dict[str, object]) -> None:
    """``conv.stride`` and its kin as torch keeps them (``_pair``-ed tuples, a padding mode's string)."""
    kind = CATALOG[name]
    kwargs = {**required_arguments(name), **window}
    layer = getattr(torch.nn, name)(**kwargs)
    bound = kind.bind((), kwargs)
    assert kind.derived is not None
    for attribute in ("kernel_size", "stride", "padding", "dilation", "output_padding"):
        ours = kind.derived(bound, attribute)
        theirs = getattr(layer, attribute, None)
        assert ours in (None, UNKNOWN) or (type(ours) is type(theirs) and ours == theirs), (attribute, ours, theirs)
        assert ours is not None or not hasattr(layer, attribute) or attribute not in bound, attribute


@pytest.mark.filterwarnings("ignore::UserWarning")
@pytest.mark.parametrize("name", sorted(CATALOG))
def test_state_entries_are_the_layers_own_tensors(name: str) -> None:
    """``layer.weight`` as the evaluator reads it, from the state-dict entry of that name: torch's attribute of the
    same name and shape, for each entry with no dot (a leaf's own tensor)."""
    kind = CATALOG[name]
    kwargs = required_arguments(name)
    entries = state_entries(kind, kind.bind((), kwargs)) or []
    layer = getattr(torch.nn, name)(**kwargs)
    for entry in entries:
        if "." not in entry.name:
            assert tuple(getattr(layer, entry.name).shape) == entry.shape, entry.name
