"""The catalog's state-dict entries match torch's names, shapes and trainability."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.catalog import CATALOG, state_entries
from tests.budget import examples
from tests.catalog.constructions import build, required_arguments
from tests.catalog.oracle import assert_same_entries

pytestmark = pytest.mark.sampled

small = st.integers(1, 6)
flags = st.booleans()


def _entries(layer: torch.nn.Module) -> list[tuple[str, tuple[int, ...], bool]]:
    trainable = {key for key, _ in layer.named_parameters()}
    return [(key, tuple(value.shape), key in trainable) for key, value in layer.state_dict().items()]


def _configs() -> dict[str, st.SearchStrategy[dict[str, object]]]:
    conv = {
        f"{base}{n}d": st.fixed_dictionaries(
            {
                "in_channels": small.map(lambda c: c * 2),
                "out_channels": small.map(lambda c: c * 2),
                "kernel_size": st.one_of(small, st.tuples(*[small] * n)),
                "groups": st.sampled_from([1, 2]),
                "bias": flags,
            }
        )
        for base in ("Conv", "ConvTranspose")
        for n in (1, 2, 3)
    }
    norm = {
        f"{base}{n}d": st.fixed_dictionaries({"num_features": small, "affine": flags, "track_running_stats": flags})
        for base in ("BatchNorm", "InstanceNorm")
        for n in (1, 2, 3)
    }
    shapes = st.one_of(small, st.lists(small, min_size=1, max_size=3).map(tuple))
    return {
        **conv,
        **norm,
        "Linear": st.fixed_dictionaries({"in_features": small, "out_features": small, "bias": flags}),
        "Bilinear": st.fixed_dictionaries(
            {"in1_features": small, "in2_features": small, "out_features": small, "bias": flags}
        ),
        "GroupNorm": st.fixed_dictionaries({"num_groups": st.just(1), "num_channels": small, "affine": flags}),
        "LayerNorm": st.fixed_dictionaries({"normalized_shape": shapes, "elementwise_affine": flags, "bias": flags}),
        "RMSNorm": st.fixed_dictionaries({"normalized_shape": shapes, "elementwise_affine": flags}),
        "Embedding": st.fixed_dictionaries({"num_embeddings": small, "embedding_dim": small}),
        "EmbeddingBag": st.fixed_dictionaries({"num_embeddings": small, "embedding_dim": small}),
        "PReLU": st.fixed_dictionaries({"num_parameters": small}),
    }


CONFIGS = _configs()


@pytest.mark.parametrize("name", sorted(CONFIGS))
@settings(max_examples=examples(25), deadline=None)
@given(data=st.data())
def test_state_entries_match_torch(name: str, data: st.DataObject) -> None:
    assert_same_entries(name, data.draw(CONFIGS[name]))


def test_parameterless_kinds_have_no_entries() -> None:
    for name in ("ReLU", "MaxPool2d", "Flatten", "Dropout", "AdaptiveAvgPool2d"):
        kind = CATALOG[name]
        args = kind.bind((2,) if name == "MaxPool2d" else (1,) if name == "AdaptiveAvgPool2d" else ())
        assert state_entries(kind, args) == []
        assert len(list(getattr(torch.nn, name)(**args).state_dict())) == 0


def _catalog_arguments(name: str) -> dict[str, object]:
    """:func:`required_arguments`, TransformerEncoder's layer held as the evaluator holds one: a kind and arguments."""
    args = required_arguments(name)
    if name == "TransformerEncoder":
        layer = CATALOG["TransformerEncoderLayer"]
        args["encoder_layer"] = SimpleNamespace(kind=layer, args=layer.bind((4, 2), {"batch_first": True}))
    return args


@pytest.mark.filterwarnings("ignore::UserWarning")
@pytest.mark.parametrize("name", sorted(name for name in CATALOG if not name.startswith("Lazy")))
def test_every_kind_declares_the_entries_torch_registers(name: str) -> None:
    kind = CATALOG[name]
    entries = state_entries(kind, kind.bind((), _catalog_arguments(name)))
    assert entries is not None
    assert [(e.name, e.shape, e.trainable) for e in entries] == _entries(build(name))


@pytest.mark.parametrize("name", sorted(name for name in CATALOG if name.startswith("Lazy")))
def test_lazy_kinds_have_no_entries_before_their_first_input(name: str) -> None:
    kind = CATALOG[name]
    assert state_entries(kind, kind.bind((), required_arguments(name))) is None
