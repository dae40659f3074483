"""MultiheadAttention and the Transformer layers agree with torch: constructor refusals, forward errors, shapes.

torch gets a key, value or memory that fits the query (same batching, widths
``kdim``/``vdim``/``d_model``, a drawn source length), so every refusal comes
from the first input, the only one the catalog sees.  An outcome is
``("ok", shapes)``, ``("construct", None)`` or ``("forward", why)``; the
source length of the attention weights, which the catalog cannot know, is
compared as unknown.  A negative drawn length stands for self-attention
(``attn(x, x, x)``, a decoder given ``x`` as memory), which takes torch's fast
paths.
"""

from __future__ import annotations

from collections.abc import Mapping

import pytest
import torch
from hypothesis import event, given, settings
from hypothesis import strategies as st

from shapelint.catalog import CATALOG, Problem, ShapeError, state_entries
from shapelint.dims import UNKNOWN, Shape, Symbol
from tests.budget import examples
from tests.catalog.oracle import assert_same_entries, catalog_outcome, torch_checks
from tests.catalog.strategies import heads, inputs, mostly, transformer_args, widths

pytestmark = pytest.mark.sampled

Outcome = tuple[str, object]
TRANSFORMERS = ("TransformerEncoderLayer", "TransformerDecoderLayer")
B = Symbol("B")

_TORCH_REASONS = {
    "query should be unbatched 2D or batched 3D": "rank",
    "same dtype": "dtype",
    "mixed dtype": "dtype",
    "was expecting embedding dimension": "size",
    "didn't match last dim of query": "size",
    "expected input with shape [*,": "size",
    "dropout probability has to be between": "argument",
}
_CATALOG_REASONS = {
    Problem.RANK: "rank",
    Problem.DTYPE: "dtype",
    Problem.SIZE: "size",
    Problem.HYPERPARAMETER: "argument",
}


def _reason(error: Exception) -> str:
    if isinstance(error, TypeError):
        return "argument"
    return next((why for text, why in _TORCH_REASONS.items() if text in str(error)), f"other: {error}")




def _companion(shape: tuple[int, ...], batch_first: object, length: int, width: int) -> torch.Tensor:
    """A key, value or memory that fits a query of ``shape``: its batching, another length, ``width`` features."""
    length = max(length, 0)
    if len(shape) == 3:
        lead = (shape[0], length) if batch_first else (length, shape[1])
    else:
        lead = (length,)
    return torch.zeros(*lead, int(width))


def _torch_call(
    name: str, layer: torch.nn.Module, args: Mapping[str, object], query: torch.Tensor, length: int
) -> object:
    """The shapes torch returns, with the weights' source length as unknown."""
    shape = tuple(query.shape)
    if name == "MultiheadAttention":
        embed = args["embed_dim"]
        kdim, vdim = (embed if args.get(k) is None else args[k] for k in ("kdim", "vdim"))
        if length < 0 and kdim == vdim == embed:
            key = value = query
        else:
            key = _companion(shape, args.get("batch_first"), length, kdim)  # type: ignore[arg-type]
            value = _companion(shape, args.get("batch_first"), length, vdim)  # type: ignore[arg-type]
        output, weights = layer(query, key, value)
        return (tuple(output.shape), (*weights.shape[:-1], UNKNOWN))
    if name == "TransformerDecoderLayer":
        width: int = args["d_model"]  # type: ignore[assignment]
        memory = query if length < 0 else _companion(shape, args.get("batch_first"), length, width)
        return tuple(layer(query, memory).shape)
    return tuple(layer(query).shape)


def torch_outcome(name: str, args: Mapping[str, object], shape: tuple[int, ...], dtype: str, length: int) -> Outcome:
    with torch_checks():
        try:
            layer = getattr(torch.nn, name)(**args)
        except (ValueError, TypeError, RuntimeError, AssertionError):
            return ("construct", None)
        layer.eval()
        try:
            with torch.no_grad():
                result = _torch_call(name, layer, args, torch.zeros(shape, dtype=getattr(torch, dtype)), length)
        except (ValueError, TypeError, RuntimeError, AssertionError) as error:
            return ("forward", _reason(error))
    return ("ok", result)




optional_widths = mostly(st.one_of(st.none(), st.integers(1, 5)), st.sampled_from([0, -1, 2.0, True, "4"]), odds=8)


@st.composite
def attention_args(draw: st.DrawFn) -> dict[str, object]:
    """``embed_dim`` as heads times a width, now and then not a multiple."""
    count, width = draw(heads), draw(widths)
    exact = isinstance(count, int) and isinstance(width, int) and not isinstance(count, bool)
    embed = count * width if exact else draw(st.integers(1, 6))
    return {
        "embed_dim": draw(mostly(st.just(embed), st.sampled_from([embed + 1, 0, -2, float(embed), None]))),
        "num_heads": count,
        "bias": draw(st.booleans()),
        "add_bias_kv": draw(st.booleans()),
        "add_zero_attn": draw(st.booleans()),
        "kdim": draw(optional_widths),
        "vdim": draw(optional_widths),
        "batch_first": draw(mostly(st.booleans(), st.sampled_from([0, 1]))),
    }


def _check(name: str, args: dict[str, object], data: st.DataObject) -> None:
    shape, dtype, length = data.draw(inputs(args.get("embed_dim", args.get("d_model"))))
    expected = torch_outcome(name, args, shape, dtype, length)
    actual = catalog_outcome(name, args, shape, "int" if dtype == "long" else "float", _CATALOG_REASONS)
    event(f"torch: {expected[0]} {expected[1] if expected[0] == 'forward' else ''}")
    assert actual == expected, f"{name}({args}) on {shape} {dtype}: torch {expected}, catalog {actual}"


@settings(max_examples=examples(1500), deadline=None)
@given(data=st.data())
def test_attention_kind_agrees_with_torch(data: st.DataObject) -> None:
    _check("MultiheadAttention", data.draw(attention_args()), data)


@pytest.mark.parametrize("name", TRANSFORMERS)
@settings(max_examples=examples(800), deadline=None)
@given(data=st.data())
def test_transformer_kind_agrees_with_torch(name: str, data: st.DataObject) -> None:
    _check(name, data.draw(transformer_args()), data)


def _infer(name: str, shape: Shape, *args: object, **kwargs: object) -> tuple[Shape, object]:
    kind = CATALOG[name]
    bound = kind.bind(args, kwargs)
    return kind.infer(bound, shape), kind.state(bound, shape) if kind.state else None


def test_symbols_and_open_shapes_keep_what_is_known() -> None:
    out, weights = _infer("MultiheadAttention", Shape((B, 25, 64)), 64, 8, batch_first=True)
    assert (out.dims, weights.dims) == ((B, 25, 64), (B, 25, UNKNOWN))  # type: ignore[union-attr]
    out, weights = _infer("MultiheadAttention", Shape((25, B, 64)), 64, 8)
    assert weights.dims == (B, 25, UNKNOWN)  # type: ignore[union-attr]
    out, weights = _infer("MultiheadAttention", Shape((64,), open=True), 64, 8, batch_first=UNKNOWN)
    assert (out, weights) == (Shape((64,), open=True, dtype="float"), UNKNOWN)
    out, _ = _infer("TransformerEncoderLayer", Shape((B, 10, 32)), 32, 4, batch_first=True)
    assert out.dims == (B, 10, 32)


@pytest.mark.parametrize("name", ("MultiheadAttention", *TRANSFORMERS))
def test_a_wrong_input_size_names_the_argument(name: str) -> None:
    with pytest.raises(ShapeError) as caught:
        _infer(name, Shape((B, 25, 128)), 64, 8, batch_first=True)
    error = caught.value
    found = (error.problem, error.argument, error.expected, error.found)
    assert found == (Problem.SIZE, CATALOG[name].input_arg, 128, 64)


@settings(max_examples=examples(60), deadline=None)
@given(data=st.data())
def test_attention_state_entries_match_torch(data: st.DataObject) -> None:
    heads = data.draw(st.integers(1, 3))
    args: dict[str, object] = {
        "embed_dim": heads * data.draw(st.integers(1, 3)),
        "num_heads": heads,
        "bias": data.draw(st.booleans()),
        "add_bias_kv": data.draw(st.booleans()),
        "kdim": data.draw(st.one_of(st.none(), st.integers(1, 6))),
        "vdim": data.draw(st.one_of(st.none(), st.integers(1, 6))),
    }
    assert_same_entries("MultiheadAttention", args)


@pytest.mark.parametrize("name", TRANSFORMERS)
@settings(max_examples=examples(30), deadline=None)
@given(data=st.data())
def test_transformer_state_entries_match_torch(name: str, data: st.DataObject) -> None:
    heads = data.draw(st.integers(1, 3))
    args: dict[str, object] = {
        "d_model": heads * data.draw(st.integers(1, 3)),
        "nhead": heads,
        "dim_feedforward": data.draw(st.integers(1, 8)),
        "bias": data.draw(st.booleans()),
    }
    assert_same_entries(name, args)


def test_state_entries_need_the_flags_that_decide_them() -> None:
    attention, encoder = CATALOG["MultiheadAttention"], CATALOG["TransformerEncoderLayer"]
    assert state_entries(attention, attention.bind((8, 2), {"bias": UNKNOWN})) is None
    assert state_entries(encoder, encoder.bind((UNKNOWN, 2))) is None


@pytest.mark.parametrize("shape", [(0, 0, 2), (0, 3, 2), (1, 3, 2)])
def test_a_float_head_count_fails_the_fast_path_even_on_empty_input(shape: tuple[int, ...]) -> None:
    """Found by hypothesis: the encoder layer's fast-path kernel refuses ``nhead=2.0`` before it looks at the input."""
    args = {"d_model": 2, "nhead": 2.0, "dim_feedforward": 0, "dropout": 0.0, "batch_first": True}
    name = "TransformerEncoderLayer"
    assert catalog_outcome(name, args, shape, "float", _CATALOG_REASONS) == torch_outcome(name, args, shape, "float32", 0)
