"""Layers of several inputs or outputs against torch on torch's weights, with hyperparameters, shapes and masks drawn.

Recurrent layers, attention, the Transformer layers, Bilinear, EmbeddingBag and the Lazy kinds; float64 to
1e-9 where torch computes in double, float32 to 1e-5.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
import shapelint.runtime as rt
import torch
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from torch import nn

from shapelint.catalog import ShapeError
from shapelint.dims import Shape
from tests.budget import examples
from tests.readme_sections import README
from tests.runtime.helpers import as_torch, assert_same, randomize, sample, torch_state

pytestmark = pytest.mark.sampled

small = st.integers(1, 3)
TIGHT = 1e-9
GELU = 1e-6
"""The runtime's erf (GELU's) is within 1.5e-7 of the exact one."""


def _built(layer: rt.Layer, shape: tuple[int, ...], dtype: type = np.float64) -> rt.Layer:
    """``layer`` built for inputs of ``shape``."""
    layer.build(Shape(shape), np.random.default_rng(0), np.dtype(dtype))
    return layer


def _agree(
    layer: rt.Layer,
    make_torch: Callable[[], nn.Module],
    x: np.ndarray,
    inputs: tuple[object, ...] = (),
    keywords: dict[str, object] | None = None,
    tolerance: float = TIGHT,
) -> None:
    """torch's output on its random weights equals the runtime's on the same weights; torch's refusals are the
    runtime's."""
    keywords = keywords or {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reference = make_torch().to(torch.from_numpy(x).dtype).eval()
        randomize(reference)
        try:
            with torch.no_grad():
                expected: Any = reference(torch.from_numpy(x), *as_torch(inputs), **as_torch(keywords))
        except (RuntimeError, ValueError, AssertionError, IndexError) as error:
            with pytest.raises((ShapeError, TypeError, ValueError, RuntimeError, IndexError, NotImplementedError)):
                _built(layer, x.shape, x.dtype.type).load_state_dict(torch_state(reference))
                layer(x, *inputs, **keywords)
            del error
            return
    _built(layer, x.shape, x.dtype.type).load_state_dict(torch_state(reference))
    assert_same(layer(x, *inputs, **keywords), expected, tolerance)


@st.composite
def recurrent(draw: st.DrawFn) -> tuple[str, dict[str, object], tuple[int, ...], bool]:
    """A recurrent kind, its hyperparameters after ``input_size``, an input shape, and whether a state is given."""
    kind = draw(st.sampled_from(["RNN", "LSTM", "GRU"]))
    hidden = draw(st.integers(1, 4))
    options: dict[str, object] = {
        "num_layers": draw(small),
        "bias": draw(st.booleans()),
        "batch_first": draw(st.booleans()),
        "bidirectional": draw(st.booleans()),
        "dropout": draw(st.sampled_from([0.0, 0.5])),
    }
    if kind == "RNN":
        options["nonlinearity"] = draw(st.sampled_from(["tanh", "relu"]))
    if kind == "LSTM":
        options["proj_size"] = draw(st.integers(0, hidden - 1))
    length, batch, features = draw(st.integers(1, 5)), draw(small), draw(st.integers(1, 4))
    shape = draw(
        st.sampled_from(
            [(length, features), (batch, length, features) if options["batch_first"] else (length, batch, features)]
        )
    )
    return kind, {"hidden_size": hidden, **options}, (features, *shape), draw(st.booleans())


def _initial_state(kind: str, options: dict[str, Any], shape: tuple[int, ...], spoilt: int) -> object:
    """torch's ``hx`` for an input of ``shape``; ``spoilt`` (1 or 2) adds one to a size of ``h`` or ``c``."""
    stacked = (2 if options["bidirectional"] else 1) * options["num_layers"]
    batch = () if len(shape) == 2 else (shape[0] if options["batch_first"] else shape[1],)
    hidden = options["hidden_size"]
    h = sample((stacked + (spoilt == 1), *batch, options.get("proj_size") or hidden), seed=5)
    return (h, sample((stacked, *batch, hidden + (spoilt == 2)), seed=6)) if kind == "LSTM" else h


@settings(max_examples=examples(120), deadline=None)
@given(case=recurrent(), spoilt=st.sampled_from([0, 0, 0, 1, 2]))
def test_recurrent(case: tuple[str, dict[str, Any], tuple[int, ...], bool], spoilt: int) -> None:
    """Also with an initial state of a wrong size, which both refuse."""
    kind, options, (features, *shape), with_state = case
    runtime = {k: v for k, v in options.items() if k != "hidden_size"}
    layer = getattr(rt, kind)(options["hidden_size"], **runtime)
    x = sample(tuple(shape))
    inputs = (_initial_state(kind, options, tuple(shape), spoilt),) if with_state else ()
    _agree(layer, lambda: getattr(nn, kind)(features, **options), x, inputs)


@st.composite
def cells(draw: st.DrawFn) -> tuple[str, dict[str, object], tuple[int, ...]]:
    """A recurrent cell, its hyperparameters after ``input_size``, and an input shape: ``(N, features)`` or
    ``(features,)``, the batch now and then empty."""
    kind = draw(st.sampled_from(["RNNCell", "LSTMCell", "GRUCell"]))
    options: dict[str, object] = {"hidden_size": draw(st.integers(1, 4)), "bias": draw(st.booleans())}
    if kind == "RNNCell":
        options["nonlinearity"] = draw(st.sampled_from(["tanh", "relu"]))
    features = draw(st.integers(1, 4))
    shape = draw(st.sampled_from([(features,), (draw(st.integers(0, 3)), features)]))
    return kind, options, (features, *shape)


def _cell_state(kind: str, hidden: int, shape: tuple[int, ...], spoilt: int) -> object:
    """torch's ``hx`` for an input of ``shape``: ``spoilt`` 1 adds one to the batch (or a batch to an unbatched
    state), 2 one to the size of ``h`` (LSTMCell: of ``c``), 3 gives LSTMCell a single tensor or the others a pair."""
    batch = shape[:-1]
    if spoilt == 1:
        batch = (batch[0] + 1,) if batch else (2,)
    h = sample((*batch, hidden + (spoilt == 2 and kind != "LSTMCell")), seed=5)
    c = sample((*batch, hidden + (spoilt == 2)), seed=6)
    if kind == "LSTMCell":
        return h if spoilt == 3 else (h, c)
    return (h, h) if spoilt == 3 else h


@settings(max_examples=examples(120), deadline=None)
@given(case=cells(), with_state=st.booleans(), spoilt=st.sampled_from([0, 0, 0, 1, 2, 3]))
def test_cell(case: tuple[str, dict[str, Any], tuple[int, ...]], with_state: bool, spoilt: int) -> None:
    """One step of RNN, LSTM or GRU; also with an initial state of a wrong size or structure, which both refuse."""
    kind, options, (features, *shape) = case
    # torch 2.13 crashes the process (a segmentation fault in the cell's forward) on an unbatched input given a
    # batched state, instead of raising: that case cannot be compared, only avoided
    assume(not (with_state and spoilt == 1 and len(shape) == 1))
    runtime = {k: v for k, v in options.items() if k != "hidden_size"}
    layer = getattr(rt, kind)(options["hidden_size"], **runtime)
    x = sample(tuple(shape))
    inputs = (_cell_state(kind, options["hidden_size"], tuple(shape), spoilt),) if with_state else ()
    if with_state and spoilt == 3:
        with pytest.raises((TypeError, AttributeError, ValueError)):
            getattr(nn, kind)(features, **options)(torch.from_numpy(x), *as_torch(inputs))
        with pytest.raises(TypeError, match="hx must be"):
            _built(layer, x.shape)(x, *inputs)
        return
    _agree(layer, lambda: getattr(nn, kind)(features, **options), x, inputs)


@st.composite
def attention(draw: st.DrawFn) -> tuple[dict[str, Any], tuple[np.ndarray, ...], dict[str, object]]:
    """MultiheadAttention's hyperparameters after ``embed_dim``, its query, key and value, and its keywords."""
    heads, width = draw(small), draw(small)
    embed = heads * width
    kdim, vdim = (draw(st.sampled_from([None, embed, 2, 5])) for _ in range(2))
    first, unbatched = draw(st.booleans()), draw(st.booleans())
    options = {
        "num_heads": heads,
        "bias": draw(st.booleans()),
        "add_bias_kv": draw(st.booleans()),
        "add_zero_attn": draw(st.booleans()),
        "kdim": kdim,
        "vdim": vdim,
        "batch_first": first,
    }
    length, sources, batch = draw(st.integers(1, 4)), draw(st.integers(1, 4)), draw(small)

    def shaped(size: int, features: int, seed: int) -> np.ndarray:
        dims = (size, features) if unbatched else (batch, size, features) if first else (size, batch, features)
        return sample(dims, seed=seed)

    inputs = (shaped(length, embed, 2), shaped(sources, kdim or embed, 3), shaped(sources, vdim or embed, 4))
    keywords = _masks(draw, length, sources, batch, heads, unbatched)
    keywords["need_weights"] = draw(st.booleans())
    keywords["average_attn_weights"] = draw(st.booleans())
    if isinstance(keywords.get("attn_mask"), np.ndarray) and keywords["attn_mask"].dtype == bool:
        keywords["is_causal"] = draw(st.booleans())
    return {"embed": embed, **options}, inputs, keywords


def _masks(draw: st.DrawFn, length: int, sources: int, batch: int, heads: int, unbatched: bool) -> dict[str, object]:
    """A key padding mask and an attention mask, each absent, boolean or float; the first key is never masked out."""
    rng = np.random.default_rng(draw(st.integers(0, 99)))
    masks: dict[str, object] = {}
    padding = draw(st.sampled_from([None, "bool", "float"]))
    if padding is not None:
        dims = (sources,) if unbatched else (batch, sources)
        masks["key_padding_mask"] = _drawn_mask(rng, dims, padding)
    attn = draw(st.sampled_from([None, "bool", "float", "float3d", "causal"]))
    if attn == "causal":
        masks["attn_mask"] = ~np.tri(length, sources, dtype=bool)
        masks["attn_mask"][:, 0] = False  # type: ignore[index]
    elif attn is not None:
        dims = ((1 if unbatched else batch) * heads, length, sources) if attn == "float3d" else (length, sources)
        masks["attn_mask"] = _drawn_mask(rng, dims, attn.removesuffix("3d"))
    return masks


def _drawn_mask(rng: np.random.Generator, dims: tuple[int, ...], kind: str) -> np.ndarray:
    if kind == "bool":
        mask = rng.random(dims) < 0.4
        mask[..., 0] = False
        return mask
    return rng.standard_normal(dims)


def _axis(name: str, batched: bool, first: bool) -> int:
    """Where ``features``, ``length`` or ``batch`` lies in attention's input."""
    if name == "features":
        return -1
    if not batched:
        return 0
    return int(first) if name == "length" else int(not first)


@settings(max_examples=examples(150), deadline=None)
@given(case=attention(), spoilt=st.sampled_from([None, None, None, "features", "length", "batch"]))
def test_multihead_attention(
    case: tuple[dict[str, Any], tuple[np.ndarray, ...], dict[str, object]], spoilt: str | None
) -> None:
    """Also with a key of one feature, position or sample too many, which both refuse."""
    options, (query, key, value), keywords = case
    embed = options.pop("embed")
    if spoilt is not None and (key.ndim == 3 or spoilt != "batch"):
        axis = _axis(spoilt, key.ndim == 3, options["batch_first"])
        key = np.concatenate([key, np.take(key, [0], axis=axis)], axis=axis)
    layer = rt.MultiheadAttention(**options)
    _agree(layer, lambda: nn.MultiheadAttention(embed, **options), query, (key, value), keywords)


@st.composite
def transformer(draw: st.DrawFn) -> tuple[dict[str, Any], bool, tuple[int, ...]]:
    """A Transformer layer's hyperparameters after ``d_model``, whether inputs are unbatched, and (L, N, E)."""
    heads, width = draw(small), draw(small)
    options = {
        "nhead": heads,
        "dim_feedforward": draw(st.integers(1, 8)),
        "activation": draw(st.sampled_from(["relu", "gelu"])),
        "layer_norm_eps": draw(st.sampled_from([1e-5, 1e-3])),
        "batch_first": draw(st.booleans()),
        "norm_first": draw(st.booleans()),
        "bias": draw(st.booleans()),
    }
    return options, draw(st.booleans()), (draw(st.integers(1, 4)), draw(small), heads * width)


def _sequence(dims: tuple[int, int, int], first: bool, unbatched: bool, seed: int) -> np.ndarray:
    length, batch, features = dims
    return sample((length, features) if unbatched else (batch, length, features) if first else dims, seed=seed)


@settings(max_examples=examples(100), deadline=None)
@given(case=transformer(), data=st.data())
def test_transformer_encoder_layer(
    case: tuple[dict[str, Any], bool, tuple[int, int, int]], data: st.DataObject
) -> None:
    options, unbatched, dims = case
    length, batch, model = dims
    x = _sequence(dims, options["batch_first"], unbatched, 2)
    masks = _masks(data.draw, length, length, batch, options["nhead"], unbatched)
    keywords = {
        "src_mask": masks.get("attn_mask"),
        "src_key_padding_mask": masks.get("key_padding_mask"),
        "is_causal": data.draw(st.booleans()),
    }
    layer = rt.TransformerEncoderLayer(**options)
    _agree(layer, lambda: nn.TransformerEncoderLayer(model, **options), x, (), keywords, GELU)


@settings(max_examples=examples(100), deadline=None)
@given(case=transformer(), sources=st.integers(1, 4), data=st.data())
def test_transformer_decoder_layer(
    case: tuple[dict[str, Any], bool, tuple[int, int, int]], sources: int, data: st.DataObject
) -> None:
    options, unbatched, dims = case
    length, batch, model = dims
    first = options["batch_first"]
    x, memory = _sequence(dims, first, unbatched, 2), _sequence((sources, batch, model), first, unbatched, 3)
    own = _masks(data.draw, length, length, batch, options["nhead"], unbatched)
    cross = _masks(data.draw, length, sources, batch, options["nhead"], unbatched)
    keywords = {
        "tgt_mask": own.get("attn_mask"),
        "memory_mask": cross.get("attn_mask"),
        "tgt_key_padding_mask": own.get("key_padding_mask"),
        "memory_key_padding_mask": cross.get("key_padding_mask"),
        "tgt_is_causal": data.draw(st.booleans()),
        "memory_is_causal": data.draw(st.booleans()),
    }
    layer = rt.TransformerDecoderLayer(**options)
    _agree(layer, lambda: nn.TransformerDecoderLayer(model, **options), x, (memory,), keywords, GELU)


@settings(max_examples=examples(60), deadline=None)
@given(
    case=transformer(),
    count=small,
    norm=st.booleans(),
    nested=st.booleans(),
    mask_check=st.booleans(),
    aligned=st.booleans(),
    floats=st.booleans(),
    seed=st.integers(0, 99),
)
def test_transformer_encoder(
    case: tuple[dict[str, Any], bool, tuple[int, int, int]],
    count: int,
    norm: bool,
    nested: bool,
    mask_check: bool,
    aligned: bool,
    floats: bool,
    seed: int,
) -> None:
    """Copies of one layer; in torch's nested-tensor path padded positions come out as zeros (before the norm).

    The padding mask leaves each sequence's first positions (aligned) or any with the first, boolean or float.
    """
    options, unbatched, dims = case
    length, batch, model = dims
    x = _sequence(dims, options["batch_first"], unbatched, 2)
    rng = np.random.default_rng(seed)
    if aligned:
        padding = np.arange(length)[None] >= rng.integers(1, length + 1, (batch, 1))
    else:
        padding = rng.random((batch, length)) < 0.5
        padding[:, 0] = False
    if floats:
        padding = np.where(padding, rng.standard_normal(padding.shape), 0.0)
    layer = rt.TransformerEncoder(
        rt.TransformerEncoderLayer(**options), count, rt.LayerNorm() if norm else None, nested, mask_check
    )
    _agree(
        layer,
        lambda: nn.TransformerEncoder(
            nn.TransformerEncoderLayer(model, **options),
            count,
            nn.LayerNorm(model) if norm else None,
            nested,
            mask_check,
        ),
        x,
        (),
        {"src_key_padding_mask": padding[0] if unbatched else padding},
        GELU,
    )


@settings(max_examples=examples(60), deadline=None)
@given(
    case=transformer(),
    counts=st.tuples(small, small),
    sources=st.integers(1, 4),
    spoilt=st.sampled_from([None, None, None, "features", "batch", "rank"]),
    data=st.data(),
)
def test_transformer(
    case: tuple[dict[str, Any], bool, tuple[int, int, int]],
    counts: tuple[int, int],
    sources: int,
    spoilt: str | None,
    data: st.DataObject,
) -> None:
    """nn.Transformer on ``src`` and ``tgt`` with every mask; also a target of one feature or sample too many, or
    of another batching, which both refuse."""
    options, unbatched, dims = case
    length, batch, model = dims
    first = options["batch_first"]
    src, tgt = _sequence((sources, batch, model), first, unbatched, 3), _sequence(dims, first, unbatched, 2)
    if spoilt == "rank":
        tgt = _sequence(dims, first, not unbatched, 2)
    elif spoilt is not None and (tgt.ndim == 3 or spoilt != "batch"):
        axis = _axis(spoilt, tgt.ndim == 3, first)
        tgt = np.concatenate([tgt, np.take(tgt, [0], axis=axis)], axis=axis)
    own = _masks(data.draw, sources, sources, batch, options["nhead"], unbatched)
    target = _masks(data.draw, length, length, batch, options["nhead"], unbatched)
    cross = _masks(data.draw, length, sources, batch, options["nhead"], unbatched)
    keywords = {
        "src_mask": own.get("attn_mask"),
        "tgt_mask": target.get("attn_mask"),
        "memory_mask": cross.get("attn_mask"),
        "src_key_padding_mask": own.get("key_padding_mask"),
        "tgt_key_padding_mask": target.get("key_padding_mask"),
        "memory_key_padding_mask": cross.get("key_padding_mask"),
        "memory_is_causal": data.draw(st.booleans()),
    }
    depths = {"num_encoder_layers": counts[0], "num_decoder_layers": counts[1]}
    layer = rt.Transformer(d_model=model, **depths, **options)
    _agree(layer, lambda: nn.Transformer(model, **depths, **options), src, (tgt,), keywords, GELU)


def test_transformer_keeps_torch_keys_and_source() -> None:
    """The state_dict keys are torch's, and ``to_torch()`` runs what ``to_source()`` prints, on the same weights."""
    layer = rt.Transformer(8, 2, 1, 2, dim_feedforward=16, batch_first=True)
    src, tgt = sample((2, 5, 8), seed=1).astype(np.float32), sample((2, 3, 8), seed=2).astype(np.float32)
    out = layer(src, tgt)
    assert out.shape == (2, 3, 8)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reference = nn.Transformer(8, 2, 1, 2, dim_feedforward=16, batch_first=True)
        twin = layer.to_torch()
    assert list(layer.state_dict()) == list(reference.state_dict())
    assert "nn.Transformer(d_model=8, nhead=2, num_encoder_layers=1" in layer.to_source()
    with torch.no_grad():
        expected = twin(torch.from_numpy(src), torch.from_numpy(tgt))
    assert_same(out, expected, 1e-5)


@settings(max_examples=examples(60), deadline=None)
@given(
    sizes=st.tuples(small, small, small),
    bias=st.booleans(),
    lead=st.lists(small, max_size=2).map(tuple),
)
def test_bilinear(sizes: tuple[int, int, int], bias: bool, lead: tuple[int, ...]) -> None:
    first, second, out = sizes
    x, other = sample((*lead, first)), sample((*lead, second), seed=3)
    _agree(rt.Bilinear(second, out, bias=bias), lambda: nn.Bilinear(first, second, out, bias=bias), x, (other,))


@st.composite
def bags(draw: st.DrawFn) -> tuple[dict[str, Any], np.ndarray, tuple[object, ...]]:
    """EmbeddingBag's hyperparameters, its indices, and its offsets and per-sample weights (2-D: no offsets)."""
    count, mode = draw(st.integers(1, 6)), draw(st.sampled_from(["sum", "mean", "max"]))
    options = {
        "num_embeddings": count,
        "embedding_dim": draw(small),
        "mode": mode,
        "padding_idx": draw(st.one_of(st.none(), st.integers(-count, count - 1))),
        "include_last_offset": draw(st.booleans()),
    }
    rng = np.random.default_rng(draw(st.integers(0, 99)))
    if draw(st.booleans()):
        indices = rng.integers(0, count, (draw(small), draw(st.integers(0, 4))))
        offsets = None
    else:
        indices = rng.integers(0, count, draw(st.integers(0, 8)))
        starts = np.sort(rng.integers(0, len(indices) + 1, draw(small)))
        starts[0] = draw(st.sampled_from([0, 0, 0, 1]))
        starts = starts[::-1].copy() if draw(st.integers(0, 5)) == 0 else starts
        offsets = np.append(starts, len(indices)) if options["include_last_offset"] else starts
    weights = sample(indices.shape, seed=4) if mode == "sum" and draw(st.booleans()) else None
    return options, indices, (offsets, weights)


@settings(max_examples=examples(120), deadline=None)
@given(case=bags())
def test_embedding_bag(case: tuple[dict[str, Any], np.ndarray, tuple[object, ...]]) -> None:
    """Also where torch refuses: bags of no index in a 2-D input, offsets that do not start at 0 or fall."""
    options, indices, inputs = case
    layer = _built(rt.EmbeddingBag(**options, dtype=np.float64), (1, 1))
    reference = nn.EmbeddingBag(**options).double()
    randomize(reference)
    layer.load_state_dict(torch_state(reference))
    try:
        with torch.no_grad():
            expected = reference(torch.from_numpy(indices), *as_torch(inputs))
    except (RuntimeError, ValueError):
        with pytest.raises(ValueError):
            layer(indices, *inputs)
        return
    assert_same(layer(indices, *inputs), expected, TIGHT)


LAZY = {
    "LazyLinear": (lambda m: m(7), (4, 5)),
    "LazyConv1d": (lambda m: m(4, 3, padding=1), (2, 2, 9)),
    "LazyConv2d": (lambda m: m(4, 3, stride=2, groups=2), (2, 2, 6, 5)),
    "LazyConv3d": (lambda m: m(3, 2, bias=False), (2, 2, 4, 3, 4)),
    "LazyConvTranspose1d": (lambda m: m(3, 3, stride=2), (2, 2, 5)),
    "LazyConvTranspose2d": (lambda m: m(3, 2, output_padding=1, stride=2), (2, 2, 4, 3)),
    "LazyConvTranspose3d": (lambda m: m(2, 2), (2, 3, 3, 2, 3)),
    "LazyBatchNorm1d": (lambda m: m(), (3, 4, 5)),
    "LazyBatchNorm2d": (lambda m: m(momentum=0.2), (3, 4, 2, 5)),
    "LazyBatchNorm3d": (lambda m: m(affine=False), (2, 4, 2, 3, 2)),
    "LazyInstanceNorm1d": (lambda m: m(), (3, 4, 5)),
    "LazyInstanceNorm2d": (lambda m: m(track_running_stats=False), (3, 4, 3, 5)),
    "LazyInstanceNorm3d": (lambda m: m(affine=False), (2, 2, 3, 2, 3)),
}


@pytest.mark.filterwarnings("ignore:Lazy modules are a new feature")
@pytest.mark.parametrize("name", sorted(LAZY))
def test_lazy_kind_loads_torch_materialised_lazy_module(name: str) -> None:
    """The same constructor call as torch's Lazy module; its state dict, after torch's dry run, loads as it is."""
    make, shape = LAZY[name]
    reference = make(getattr(nn, name)).double()
    x = sample(shape)
    with torch.no_grad():
        reference(torch.from_numpy(x))
    randomize(reference)
    layer = make(getattr(rt, name))
    model = rt.Sequential(layer, input_shape=shape[1:], dtype=np.float64)
    assert list(model.state_dict()) == ["0." + key for key in reference.state_dict()]
    model.load_state_dict({"0." + key: value for key, value in torch_state(reference).items()})
    with torch.no_grad():
        assert_same(model(x), reference.eval()(torch.from_numpy(x)), TIGHT)


FLOAT32: dict[
    str, tuple[Callable[[], rt.Layer], Callable[[], nn.Module], tuple[int, ...], tuple[tuple[int, ...], ...]]
] = {
    "LSTM": (
        lambda: rt.LSTM(16, num_layers=2, bidirectional=True),
        lambda: nn.LSTM(8, 16, 2, bidirectional=True),
        (7, 3, 8),
        (),
    ),
    "GRU": (lambda: rt.GRU(16, batch_first=True), lambda: nn.GRU(8, 16, batch_first=True), (3, 7, 8), ()),
    "RNN": (lambda: rt.RNN(16), lambda: nn.RNN(8, 16), (7, 3, 8), ()),
    "RNNCell": (lambda: rt.RNNCell(16), lambda: nn.RNNCell(8, 16), (3, 8), ((3, 16),)),
    "LSTMCell": (lambda: rt.LSTMCell(16), lambda: nn.LSTMCell(8, 16), (3, 8), ()),
    "GRUCell": (lambda: rt.GRUCell(16), lambda: nn.GRUCell(8, 16), (3, 8), ((3, 16),)),
    "MultiheadAttention": (
        lambda: rt.MultiheadAttention(4),
        lambda: nn.MultiheadAttention(16, 4),
        (5, 2, 16),
        ((6, 2, 16),) * 2,
    ),
    "TransformerEncoderLayer": (
        lambda: rt.TransformerEncoderLayer(4, dim_feedforward=32, batch_first=True),
        lambda: nn.TransformerEncoderLayer(16, 4, 32, batch_first=True),
        (2, 5, 16),
        (),
    ),
    "TransformerDecoderLayer": (
        lambda: rt.TransformerDecoderLayer(4, dim_feedforward=32, activation="gelu"),
        lambda: nn.TransformerDecoderLayer(16, 4, 32, activation="gelu"),
        (5, 2, 16),
        ((6, 2, 16),),
    ),
}


@pytest.mark.parametrize("name", sorted(FLOAT32))
def test_float32_to_1e_5(name: str) -> None:
    make, make_torch, shape, others = FLOAT32[name]
    x = sample(shape, np.float32)
    inputs = tuple(sample(other, np.float32, seed=3) for other in others)
    _agree(make(), make_torch, x, inputs, tolerance=1e-5)


def test_sequential_hands_on_the_recurrent_tuple_as_torch() -> None:
    """``nn.Sequential(LSTM, Identity)`` returns ``(output, (h, c))``; a layer that takes tensors refuses it."""
    reference = nn.Sequential(nn.LSTM(5, 4), nn.Identity()).double().eval()
    randomize(reference)
    model = rt.Sequential(rt.LSTM(4), rt.Identity(), input_shape=(2, 5), dtype=np.float64)
    model.load_state_dict(torch_state(reference))
    x = sample((6, 2, 5))
    with torch.no_grad():
        assert_same(model(x), reference(torch.from_numpy(x)), TIGHT)
    with pytest.raises(ShapeError, match=r"layer 2 Linear.*receives the \(output, state\) tuple LSTM returns"):
        rt.Sequential(rt.LSTM(4), rt.Identity(), rt.Linear(3), input_shape=(2, 5))


def test_missing_and_misshapen_inputs_are_refused() -> None:
    attention = _built(rt.MultiheadAttention(2), (5, 3, 8))
    with pytest.raises(TypeError, match="value"):
        attention(sample((5, 3, 8)), sample((4, 3, 8)))
    with pytest.raises(TypeError, match="takes one input array"):
        rt.Sequential(rt.Linear(3), input_shape=(4,))(sample((2, 4)), sample((2, 4)))
    rnn = _built(rt.GRU(4, num_layers=2), (6, 3, 5))
    with pytest.raises(ShapeError, match=r"expected hidden state of shape \(2, 3, 4\), got \(1, 3, 4\)"):
        rnn(sample((6, 3, 5)), sample((1, 3, 4)))
    with pytest.raises(ShapeError, match=r"input2 must have shape \(2, 4\)"):
        _built(rt.Bilinear(4, 3), (2, 5))(sample((2, 5)), sample((2, 3)))


def test_transformer_encoder_copies_start_equal_and_keep_torch_keys() -> None:
    encoder = rt.TransformerEncoder(rt.TransformerEncoderLayer(2, dim_feedforward=8), 3, norm=rt.LayerNorm())
    model = rt.Sequential(encoder, input_shape=(2, 4), rng=0)
    reference = nn.TransformerEncoder(
        nn.TransformerEncoderLayer(4, 2, 8), 3, norm=nn.LayerNorm(4), enable_nested_tensor=False
    )
    state = model.state_dict()
    assert list(state) == ["0." + key for key in reference.state_dict()]
    first, last = (state[f"0.layers.{index}.self_attn.in_proj_weight"] for index in (0, 2))
    np.testing.assert_array_equal(first, last)
    assert not encoder.arg("encoder_layer").built


@settings(max_examples=examples(60), deadline=None)
@given(case=attention(), causal=st.booleans())
def test_self_attention_on_one_array(
    case: tuple[dict[str, Any], tuple[np.ndarray, ...], dict[str, object]], causal: bool
) -> None:
    """One tensor as query, key and value is torch's fast path when batched and batch_first: ``is_causal`` only
    hints, and the mask given (here causal or not) is what applies."""
    options, (query, _, _), keywords = case
    embed = options.pop("embed")
    options.update(kdim=None, vdim=None)
    length = query.shape[-2] if query.ndim == 3 and options["batch_first"] else query.shape[0]
    mask = np.triu(np.ones((length, length), bool), 1 if causal else 0)
    mask[:, 0] = False
    keywords = {"attn_mask": mask, "is_causal": True, "need_weights": keywords["need_weights"]}
    reference = nn.MultiheadAttention(embed, **options).double().eval()
    randomize(reference)
    layer = _built(rt.MultiheadAttention(**options), query.shape)
    layer.load_state_dict(torch_state(reference))
    tensor = torch.from_numpy(query)
    with torch.no_grad():
        expected = reference(tensor, tensor, tensor, **as_torch(keywords))
    assert_same(layer(query, query, query, **keywords), expected, TIGHT)


def test_readme_example_runs_as_its_comments_say() -> None:
    text = README.read_text(encoding="utf-8")
    start = text.index("```python", text.index("**Every catalogued layer runs**")) + len("```python")
    namespace: dict[str, Any] = {}
    exec(text[start : text.index("```", start)], namespace)
    assert namespace["encoded"].shape == (8, 10, 32)
    assert "0.layers.1.self_attn.in_proj_weight" in namespace["encoder"].state_dict()
    assert namespace["output"].shape == (10, 8, 32)
    assert namespace["h"].shape == namespace["c"].shape == (2, 8, 16)
    assert namespace["context"].shape == (8, 10, 32) and namespace["weights"].shape == (8, 10, 5)


INITIAL: dict[str, tuple[Callable[[], rt.Layer], Callable[[], nn.Module], tuple[int, ...], str | None]] = {
    "LSTM": (lambda: rt.LSTM(64, num_layers=2, bidirectional=True), lambda: nn.LSTM(32, 64, 2, bidirectional=True), (5, 32), None),
    "GRU": (lambda: rt.GRU(64), lambda: nn.GRU(32, 64), (5, 32), None),
    "LSTMCell": (lambda: rt.LSTMCell(64), lambda: nn.LSTMCell(32, 64), (32,), None),
    "MultiheadAttention": (
        lambda: rt.MultiheadAttention(4, add_bias_kv=True, kdim=32),
        lambda: nn.MultiheadAttention(64, 4, add_bias_kv=True, kdim=32),
        (5, 64),
        None,
    ),
    "TransformerDecoderLayer": (
        lambda: rt.TransformerDecoderLayer(4, dim_feedforward=128),
        lambda: nn.TransformerDecoderLayer(64, 4, 128),
        (5, 64),
        None,
    ),
    "Bilinear": (lambda: rt.Bilinear(32, 8), lambda: nn.Bilinear(16, 32, 8), (16,), None),
    "EmbeddingBag": (
        lambda: rt.EmbeddingBag(500, 64, padding_idx=3),
        lambda: nn.EmbeddingBag(500, 64, padding_idx=3),
        (4,),
        "int",
    ),
}


@pytest.mark.parametrize("name", sorted(INITIAL))
def test_initial_values_follow_torchs_distributions(name: str) -> None:
    """Every tensor: torch's key, shape and dtype, zeros and ones where torch has them, the same spread elsewhere."""
    make, make_torch, shape, dtype = INITIAL[name]
    ours = rt.Sequential(make(), input_shape=shape, input_dtype=dtype, rng=0).state_dict()  # type: ignore[arg-type]
    torch.manual_seed(0)
    theirs = torch_state(nn.Sequential(make_torch()))
    assert [(key, value.shape, value.dtype) for key, value in ours.items()] == [
        (key, value.shape, value.dtype) for key, value in theirs.items()
    ]
    for key, value in theirs.items():
        if value.std() == 0:
            np.testing.assert_array_equal(ours[key], value, err_msg=key)
            continue
        spread = max(0.08, 5 / np.sqrt(2 * value.size))
        assert np.isclose(ours[key].std(), value.std(), rtol=spread), key
        if value.size >= 1000:
            assert np.isclose(np.abs(ours[key]).max(), np.abs(value).max(), rtol=0.1), key
