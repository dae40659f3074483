"""nn.Transformer agrees with torch: constructor refusals, forward refusals on ``src`` and ``tgt``, shapes.

``tgt`` mostly fits ``src`` (its batching and batch, another length, ``d_model`` features); now and then its
batch, width, rank or dtype is off.  An outcome is ``("ok", shape)``, ``("construct", None)`` or
``("forward", None)``; a custom encoder or decoder leaves the catalog's output unknown, which matches any output.
"""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from shapelint.catalog import CATALOG, ShapeError
from shapelint.dims import Shape
from tests.budget import examples
from tests.catalog.oracle import assert_same_entries, torch_checks
from tests.catalog.strategies import inputs, mostly, transformer_args

torch = pytest.importorskip("torch", reason="nn.Transformer's refusals are torch's")

pytestmark = pytest.mark.sampled

Outcome = tuple[str, object]
ERRORS = (ValueError, TypeError, RuntimeError, IndexError, AssertionError)
UNKNOWN_OUTPUT = "unknown"


class _Passthrough(torch.nn.Module):
    """A custom encoder or decoder taking torch's keywords: it hands back its first input."""

    def forward(self, x: object, *args: object, **kwargs: object) -> object:
        return x


@st.composite
def seq2seq_args(draw: st.DrawFn) -> dict[str, object]:
    args = draw(transformer_args())
    depths = mostly(st.integers(1, 2), st.sampled_from([0, -1, 1.0, True, None, "1"]))
    args["num_encoder_layers"], args["num_decoder_layers"] = draw(depths), draw(depths)
    for part in ("custom_encoder", "custom_decoder"):
        args[part] = draw(mostly(st.none(), st.just("custom"), odds=8))
    return args


@st.composite
def target(draw: st.DrawFn, source: tuple[int, ...], batch_first: object, width: object) -> tuple[int, ...]:
    """Mostly a target that fits ``source``; now and then another batch, width or rank."""
    length = draw(st.integers(0, 3) if 0 in source else st.integers(1, 3))
    features = width if isinstance(width, int) and width > 0 else 3
    if len(source) == 3:
        fitting: tuple[int, ...] = (source[0], length) if batch_first else (length, source[1])
    else:
        fitting = (length,)
    fitting = (*fitting, features)
    other = st.lists(st.integers(0, 3), min_size=1, max_size=4).map(tuple)
    return draw(mostly(st.just(fitting), other, odds=6))


def _torch_outcome(
    args: Mapping[str, object], source: tuple[int, ...], tgt: tuple[int, ...], dtypes: tuple[str, str]
) -> Outcome:
    built = {k: _Passthrough() if k.startswith("custom") and v is not None else v for k, v in args.items()}
    with torch_checks():
        try:
            layer = torch.nn.Transformer(**built)
        except ERRORS:
            return ("construct", None)
        layer.eval()
        src, target_ = (torch.zeros(s, dtype=getattr(torch, d)) for s, d in zip((source, tgt), dtypes))
        try:
            with torch.no_grad():
                out = layer(src, target_)
        except ERRORS:
            return ("forward", None)
    return ("ok", tuple(out.shape))


def _catalog_outcome(
    args: Mapping[str, object], source: tuple[int, ...], tgt: tuple[int, ...], dtypes: tuple[str, str]
) -> Outcome:
    kind = CATALOG["Transformer"]
    bound = kind.bind((), args)
    try:
        kind.check_hyperparameters(bound)
    except ShapeError:
        return ("construct", None)
    shapes = [Shape(s, dtype="int" if d == "long" else "float") for s, d in zip((source, tgt), dtypes)]
    try:
        out = kind.forward(bound, shapes, {})
    except ShapeError:
        return ("forward", None)
    assert isinstance(out, Shape)
    return ("ok", UNKNOWN_OUTPUT if out.open else out.dims)


@settings(max_examples=examples(1500), deadline=None)
@given(data=st.data())
def test_transformer_agrees_with_torch(data: st.DataObject) -> None:
    args = data.draw(seq2seq_args())
    source, dtype, _ = data.draw(inputs(args["d_model"]))
    tgt = data.draw(target(source, args["batch_first"], args["d_model"]))
    dtypes = (dtype, data.draw(mostly(st.just("float32"), st.just("long"), odds=12)))
    expected = _torch_outcome(args, source, tgt, dtypes)
    actual = _catalog_outcome(args, source, tgt, dtypes)
    event(f"torch: {expected[0]}")
    if actual == ("ok", UNKNOWN_OUTPUT):
        assert expected[0] != "construct", f"Transformer({args}): torch refuses the constructor"
        return
    assert actual == expected, f"Transformer({args}) on {source}, {tgt} {dtypes}: torch {expected}, catalog {actual}"


@settings(max_examples=examples(30), deadline=None)
@given(data=st.data())
def test_transformer_state_entries_match_torch(data: st.DataObject) -> None:
    heads = data.draw(st.integers(1, 3))
    args: dict[str, object] = {
        "d_model": heads * data.draw(st.integers(1, 3)),
        "nhead": heads,
        "num_encoder_layers": data.draw(st.integers(0, 2)),
        "num_decoder_layers": data.draw(st.integers(0, 2)),
        "dim_feedforward": data.draw(st.integers(1, 8)),
        "bias": data.draw(st.booleans()),
    }
    assert_same_entries("Transformer", args)
