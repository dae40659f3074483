"""MultiheadAttention, the Transformer encoder and decoder layers, and nn.Transformer: sequences of features.

The linter's rules see only the first input (the query, ``src`` or ``tgt``):
key, value and memory never reach them, so nothing that depends on them is
checked and the attention weights' source length stays unknown; nn.Transformer's
``tgt`` is the exception, checked by its rule as ``src`` is (``rule_inputs``).  The runtime's
graphs know every input, and ``LayerKind.forward`` hands them to the extra
rules here (:func:`_key_and_value`, :func:`_memory`, :func:`_call_weights`).
Shapes follow ``eval()`` mode without masks, whose keywords make the
evaluator's result unknown anyway.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TypeGuard

from shapelint.catalog.base import (
    FACTORY,
    NOT_NUMBERS,
    ExtraRule,
    Family,
    LayerKind,
    Problem,
    ShapeError,
    front_dim,
    require,
    truthy,
)
from shapelint.catalog.entries import known_flag, prefixed, state_entries
from shapelint.catalog.entry import EntriesRule, Entry
from shapelint.catalog.linear import linear_entries
from shapelint.catalog.norm import layer_norm_entries
from shapelint.catalog.signature import Args, ArgType, Attribute, Param
from shapelint.dims import UNKNOWN, Dim, Shape, is_int, same

RANKS = (2, 3)
ACTIVATIONS = ("relu", "gelu")


def _number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, (int, float))


def _validate_heads(args: Args, size: str, heads: str) -> None:
    """``MultiheadAttention.__init__``: both positive, the size divisible by the heads, then an int size."""
    embed, count = args[size], args[heads]
    both = f"{size} and {heads}"
    require(not isinstance(embed, NOT_NUMBERS) and not isinstance(count, NOT_NUMBERS), f"{both} must be numbers")
    if _number(embed) and _number(count):
        require(embed > 0 and count > 0, f"{both} must be greater than 0, got {embed} and {count}")
        require(embed // count * count == embed, f"{size} must be divisible by {heads}")
    require(is_int(embed) or not _number(embed), f"{size} should be an int, got {embed!r}")


def _valid_width(value: object, leading: bool) -> bool:
    """False only for a known value ``torch.empty`` refuses as a size: no int, or negative.

    A bool passes as an int unless it comes first in the size tuple.
    """
    wrong_type = isinstance(value, (float, *NOT_NUMBERS)) or (leading and isinstance(value, bool))
    return not (wrong_type or (is_int(value) and value < 0))


def _source_widths(args: Args) -> tuple[object, object]:
    embed = args["embed_dim"]
    return tuple(embed if args[name] is None else args[name] for name in ("kdim", "vdim"))


def _separate_projections(args: Args) -> bool:
    """torch keeps one packed ``in_proj_weight`` unless ``kdim`` or ``vdim`` differs from ``embed_dim``."""
    return any(width != args["embed_dim"] for width in _source_widths(args))


def _validate_attention(args: Args) -> None:
    _validate_heads(args, "embed_dim", "num_heads")
    if _separate_projections(args):
        for name, width in zip(("kdim", "vdim"), _source_widths(args)):
            require(_valid_width(width, leading=False), f"{name} must be a non-negative int, got {width!r}")


def _validate_dropout(dropout: object) -> None:
    """``nn.Dropout``'s test, which NaN and bools pass."""
    require(not isinstance(dropout, NOT_NUMBERS), f"dropout should be a number, got {dropout!r}")
    require(not (_number(dropout) and (dropout < 0 or dropout > 1)), f"dropout must be in [0, 1], got {dropout}")


def _validate_transformer(args: Args) -> None:
    """The attention inside, the feed-forward Linears, the Dropouts, and the named activation."""
    _validate_heads(args, "d_model", "nhead")
    feedforward = args["dim_feedforward"]
    require(_valid_width(feedforward, leading=True), f"dim_feedforward must be a non-negative int, got {feedforward!r}")
    _validate_dropout(args["dropout"])
    activation = args["activation"]
    require(
        not isinstance(activation, str) or activation in ACTIVATIONS,
        f"activation should be relu/gelu, not {activation}",
    )


def _rank(shape: Shape) -> int | None:
    if not shape.open:
        return shape.rank
    return 3 if shape.min_rank == 3 else None


def _check_attention_rank(shape: Shape) -> None:
    if (not shape.open and shape.rank not in RANKS) or shape.min_rank > max(RANKS):
        raise ShapeError(f"attention expects an unbatched 2-D or batched 3-D input, got shape {shape}", Problem.RANK)


def _check_dtype(shape: Shape, layer: str) -> None:
    if shape.dtype == "int":
        raise ShapeError(f"{layer} expects a float input, got integers of shape {shape}", Problem.DTYPE)


def _check_heads(args: Args, heads: str) -> None:
    """The forward call reshapes by the head count: a float fails there (a bool passes)."""
    count = args[heads]
    require(not isinstance(count, float), f"{heads} must be an int when the layer is called, got {count!r}")


def _query_features(args: Args, shape: Shape) -> Dim:
    return shape.dim(-1)


def _attention_output(args: Args, shape: Shape) -> Shape:
    _check_dtype(shape, "attention")
    _check_heads(args, "num_heads")
    return shape.with_dtype("float")


def _weights(args: Args, shape: Shape) -> object:
    """Head-averaged weights: ``(N, L, S)``, or ``(L, S)`` unbatched, whatever ``batch_first`` says."""
    rank = _rank(shape)
    if rank == 2:
        return Shape((front_dim(shape, 0, RANKS), UNKNOWN), dtype="float")
    first = truthy(args["batch_first"])
    if rank is None or first is None:
        return UNKNOWN
    batch, length = (0, 1) if first else (1, 0)
    return Shape((front_dim(shape, batch, RANKS), front_dim(shape, length, RANKS), UNKNOWN), dtype="float")


def _batch_and_length(args: Args, shape: Shape) -> tuple[Dim, Dim]:
    """A known batched or unbatched sequence's batch (``UNKNOWN`` unbatched) and length, as ``batch_first`` says."""
    if shape.rank == 2:
        return UNKNOWN, shape.dims[0]
    first = truthy(args["batch_first"])
    return (shape.dims[0], shape.dims[1]) if first else (shape.dims[1], shape.dims[0])


def _check_source(args: Args, query: Shape, source: Shape, name: str, width: object) -> None:
    """A key, value or memory: the query's rank and batch, and ``width`` features; only sizes certain to differ are
    refused (a batch ``B`` may be any size), and nothing where a rank or ``batch_first`` is not known."""
    if query.open or source.open or truthy(args["batch_first"]) is None:
        return
    batches = _batch_and_length(args, source)[0], _batch_and_length(args, query)[0]
    if source.rank != query.rank or same(*batches) is False:
        raise ShapeError(f"the {name} {source} must have the rank and batch of the query {query}")
    if same(source.dims[-1], width) is False:
        raise ShapeError(f"the {name} {source} must have {width} features")


def _key_and_value(args: Args, shape: Shape, extras: tuple[Shape, ...]) -> None:
    """``forward(query, key, value)``: key and value share their length, with ``kdim`` and ``vdim`` features."""
    if len(extras) != 2:
        raise ShapeError(f"MultiheadAttention takes a query, a key and a value, got {1 + len(extras)} tensors")
    key, value = extras
    for name, source, width in zip(("key", "value"), extras, _source_widths(args)):
        _check_source(args, shape, source, name, width)
    if key.open or value.open or key.rank != value.rank:
        return
    if same(_batch_and_length(args, key)[1], _batch_and_length(args, value)[1]) is False:
        raise ShapeError(f"the key {key} and the value {value} must have the same length")


def _memory(args: Args, shape: Shape, extras: tuple[Shape, ...]) -> None:
    """``forward(tgt, memory)``: the memory has the target's batch and ``d_model`` features."""
    if len(extras) != 1:
        raise ShapeError(f"TransformerDecoderLayer takes a target and a memory, got {1 + len(extras)} tensors")
    _check_source(args, shape, extras[0], "memory", args["d_model"])


def _call_weights(args: Args, shape: Shape, extras: tuple[Shape, ...], keywords: Mapping[str, object]) -> object:
    """``None`` unless ``need_weights``; else ``(N, L, S)`` with the key's length, per head without averaging."""
    if not keywords.get("need_weights", True):
        return None
    weights = _weights(args, shape)
    assert isinstance(weights, Shape)
    dims = weights.dims[:-1] + (_batch_and_length(args, extras[0])[1],)
    if not keywords.get("average_attn_weights", True):
        dims = dims[:-2] + (args["num_heads"],) + dims[-2:]
    return Shape(dims, dtype="float")


def _attention_entries(args: Args) -> list[Entry]:
    """One packed input projection, or three when ``kdim``/``vdim`` differ; then the biases and ``out_proj``."""
    embed, bias = args["embed_dim"], known_flag(args["bias"])
    widths = [embed if args[name] is None else args[name] for name in ("kdim", "vdim")]
    if all(width == embed for width in widths):
        found = [Entry("in_proj_weight", (3 * embed, embed))]
    else:
        found = [Entry(f"{x}_proj_weight", (embed, w)) for x, w in zip("qkv", [embed, *widths])]
    found += [Entry("in_proj_bias", (3 * embed,))] if bias else []
    kv_biases = [Entry("bias_k", (1, 1, embed)), Entry("bias_v", (1, 1, embed))]
    found += kv_biases if known_flag(args["add_bias_kv"]) else []
    return found + prefixed("out_proj", linear_entries({"out_features": embed, "in_features": embed, "bias": bias}))


def _transformer_entries(attentions: tuple[str, ...]) -> EntriesRule:
    """The attention blocks, the two feed-forward Linears, then one LayerNorm per block, as torch registers them."""

    def entries(args: Args) -> list[Entry]:
        model, feedforward, bias = args["d_model"], args["dim_feedforward"], known_flag(args["bias"])
        attention = {"embed_dim": model, "bias": bias, "kdim": None, "vdim": None, "add_bias_kv": False}
        found = [entry for name in attentions for entry in prefixed(name, _attention_entries(attention))]
        found += prefixed("linear1", linear_entries({"out_features": feedforward, "in_features": model, "bias": bias}))
        found += prefixed("linear2", linear_entries({"out_features": model, "in_features": feedforward, "bias": bias}))
        norm = layer_norm_entries({"normalized_shape": model, "elementwise_affine": True, "bias": bias})
        norms = len(attentions) + 1
        return found + [entry for n in range(1, norms + 1) for entry in prefixed(f"norm{n}", norm)]

    return entries


class _TransformerRules:
    """The encoder and decoder layers' rules; only the encoder has the fast path that lets empty inputs through."""

    def __init__(self, has_fast_path: bool) -> None:
        self.has_fast_path = has_fast_path

    def fast_path(self, args: Args, shape: Shape) -> bool:
        """Whether torch's fast path (eval, no grad) may run: it skips dropout and returns empty inputs of any dtype.

        It needs a batched input, ``batch_first``, biases, an even head count and relu or gelu (every accepted name).
        """
        batched = shape.open or shape.rank == 3
        flags = all(truthy(args[name]) is not False for name in ("batch_first", "bias"))
        count = args["nhead"]
        odd = isinstance(count, (int, float)) and count % 2 == 1  # torch's own test: True and 3.0 are odd, NaN not
        return self.has_fast_path and batched and flags and not odd

    def check_kernel(self, args: Args, shape: Shape) -> None:
        """The fast path's kernel takes ``norm_first`` as a bool and ``nhead`` as an int, before anything else."""
        if not self.fast_path(args, shape):
            return
        flag, count = args["norm_first"], args["nhead"]
        plain = isinstance(flag, (int, float, *NOT_NUMBERS)) and not isinstance(flag, bool)
        require(not plain, f"norm_first must be a bool for the fast path, got {flag!r}")
        require(not isinstance(count, float), f"nhead must be an int for the fast path, got {count!r}")

    def passes_empty(self, args: Args, shape: Shape) -> bool:
        """The fast path hands back an empty input unchecked, whatever its size and dtype."""
        return 0 in shape.dims and self.fast_path(args, shape)

    def features(self, args: Args, shape: Shape) -> Dim:
        """``d_model``: attention checks the rank, then the size; a ``norm_first`` LayerNorm the dtype first."""
        self.check_kernel(args, shape)
        if self.passes_empty(args, shape):
            return UNKNOWN
        if truthy(args["norm_first"]) is not True:
            _check_attention_rank(shape)
        else:
            _check_dtype(shape, "LayerNorm")
        return shape.dim(-1)

    def output(self, args: Args, shape: Shape) -> Shape:
        """The input's shape; ``F.dropout`` refuses a NaN probability even in eval mode, unless the fast path runs."""
        _check_attention_rank(shape)
        self.check_kernel(args, shape)
        if self.passes_empty(args, shape):
            return shape
        _check_dtype(shape, "attention")
        _check_heads(args, "nhead")
        dropout = args["dropout"]
        nan = isinstance(dropout, float) and math.isnan(dropout) and not self.fast_path(args, shape)
        require(not nan, "dropout probability has to be between 0 and 1, got nan")
        return shape.with_dtype("float")


_ATTENTION_PARAMS = (
    Param("embed_dim"),
    Param("num_heads"),
    Param("dropout", 0.0),
    Param("bias", True, type=ArgType.BOOL),
    Param("add_bias_kv", False),
    Param("add_zero_attn", False),
    Param("kdim", None),
    Param("vdim", None),
    Param("batch_first", False, attribute=Attribute.KEPT),
)
ACTIVATION_DEFAULT = "relu"
"""torch's default is the function ``F.relu``, which builds the same layer as the name."""
_TRANSFORMER_PARAMS = (
    Param("d_model"),
    Param("nhead"),
    Param("dim_feedforward", 2048),
    Param("dropout", 0.1),
    Param("activation", ACTIVATION_DEFAULT),
    Param("layer_norm_eps", 1e-5),
    Param("batch_first", False),
    Param("norm_first", False),
    Param("bias", True, type=ArgType.BOOL),
)
"""torch keeps ``batch_first`` on the layer's ``self_attn`` alone: ``layer.batch_first`` raises, so it is no
attribute."""


def _transformer(
    name: str,
    extra_inputs: int,
    fast_path: bool,
    masks: frozenset[str],
    attentions: tuple[str, ...],
    extra_rule: ExtraRule | None = None,
) -> LayerKind:
    """An encoder or decoder layer; ``extra_inputs`` counts the positional arguments after the first.

    Memory, masks and causal flags never change the output's shape, so a rule that ignores them is still right.
    """
    rules = _TransformerRules(fast_path)
    return LayerKind(
        name,
        _TRANSFORMER_PARAMS + FACTORY,
        rules.output,
        input_arg="d_model",
        expected_input=rules.features,
        validate=_validate_transformer,
        family=Family.LINEAR,
        extra_inputs=extra_inputs,
        extra_rule=extra_rule,
        neutral_keywords=masks,
        entries=_transformer_entries(attentions),
    )


def _validate_encoder(args: Args) -> None:
    """``_get_clones`` takes ``range(num_layers)``: no float, no string."""
    count = args["num_layers"]
    require(not isinstance(count, (float, *NOT_NUMBERS)), f"num_layers must be an int, got {count!r}")


MAX_COPIES = 4096
"""More copies of a layer than any model stacks: a larger ``num_layers`` (a typo, a fuzzer's billion) is read as
unknown rather than listed, which would exhaust memory before torch's own ``_get_clones`` did."""


def _copies(count: object) -> int | None:
    """How many copies ``range(count)`` makes, or ``None`` when that is unknown or beyond :data:`MAX_COPIES`."""
    return max(count, 0) if is_int(count) and count <= MAX_COPIES else None


def _encoder_children(args: Args) -> tuple[object, ...]:
    """``num_layers`` copies of the layer, then the norm; an unknown count leaves the output unknown."""
    count, norm = _copies(args["num_layers"]), args["norm"]
    layers = (args["encoder_layer"],) * count if count is not None else (args["encoder_layer"], UNKNOWN)
    return layers + (() if norm is None else (norm,))


def _held(module: object) -> list[Entry]:
    """The entries of a layer passed as an argument; a TypeError, read as unknown, for anything else."""
    kind, args = getattr(module, "kind", None), getattr(module, "args", None)
    entries = None if kind is None or args is None else state_entries(kind, args)
    if entries is None:
        raise TypeError("held module not known")
    return entries


def _encoder_entries(args: Args) -> list[Entry]:
    """``layers.0`` … ``layers.N-1``, deep copies of one layer, then the optional norm."""
    layer, norm, count = _held(args["encoder_layer"]), args["norm"], _copies(args["num_layers"])
    if count is None:
        raise TypeError("the number of layers is not known")
    found = [entry for index in range(count) for entry in prefixed(f"layers.{index}", layer)]
    return found + ([] if norm is None else prefixed("norm", _held(norm)))


def _encoder_output(args: Args, shape: Shape) -> Shape:
    """Its own check only: the children it runs decide the shape, so alone it knows nothing."""
    count = args["num_layers"]
    require(not (is_int(count) and count <= 0), "TransformerEncoder with no layers fails at forward (index 0)")
    return Shape.anything()


ENCODER = LayerKind(
    "TransformerEncoder",
    (
        Param("encoder_layer"),
        Param("num_layers", attribute=Attribute.KEPT),
        Param("norm", None),
        Param("enable_nested_tensor", True),
        Param("mask_check", True),
    ),
    _encoder_output,
    validate=_validate_encoder,
    extra_inputs=3,
    sublayers=_encoder_children,
    neutral_keywords=frozenset({"mask", "src_key_padding_mask", "is_causal"}),
    entries=_encoder_entries,
)

_SEQ2SEQ_RULES = _TransformerRules(has_fast_path=True)
"""nn.Transformer's rule for ``src`` and ``tgt`` alike: the encoder's fast path may pass an empty input."""
_DECODER_RULES = _TransformerRules(has_fast_path=False)
"""What the decoder, which has no fast path, adds for ``tgt``."""


def _custom(args: Args) -> bool:
    """A custom encoder or decoder (or one not known to be absent) whose shapes the catalog cannot follow."""
    return args["custom_encoder"] is not None or args["custom_decoder"] is not None


def _validate_seq2seq(args: Args) -> None:
    """The layers and the ``range`` of copies torch builds, for the encoder and the decoder it builds itself."""
    for part in ("encoder", "decoder"):
        if args[f"custom_{part}"] is not None:
            continue
        _validate_transformer(args)
        count = args[f"num_{part}_layers"]
        require(not isinstance(count, (float, *NOT_NUMBERS)), f"num_{part}_layers must be an int, got {count!r}")


def _seq2seq_features(args: Args, shape: Shape) -> Dim:
    """``forward`` compares the last size of ``src`` and of ``tgt`` with ``d_model`` before anything else."""
    return shape.dim(-1)


def _seq2seq_output(args: Args, shape: Shape) -> Shape:
    """What the encoder (on ``src``) and the decoder (on ``tgt``) check, both run by the same rules; the output is
    ``tgt``'s shape.  A custom encoder or decoder leaves it unknown; an empty input the encoder's fast path hands
    back still meets the final LayerNorm, which refuses integers."""
    if _custom(args):
        return Shape.anything()
    _validate_depth(args)
    output = _SEQ2SEQ_RULES.output(args, shape)
    _check_dtype(shape, "LayerNorm")
    return output.with_dtype("float")


def _validate_depth(args: Args) -> None:
    """Both containers index their first layer at ``forward``."""
    for part in ("encoder", "decoder"):
        count = args[f"num_{part}_layers"]
        require(not (is_int(count) and count <= 0), f"nn.Transformer with no {part} layers fails at forward")


def _source_and_target(args: Args, shape: Shape, extras: tuple[Shape, ...]) -> None:
    """``forward(src, tgt)``: batched inputs share their batch; the built decoder checks ``tgt`` without a fast
    path, and needs ``src``'s batching."""
    if len(extras) != 1:
        raise ShapeError(f"nn.Transformer takes a source and a target, got {1 + len(extras)} tensors")
    target = extras[0]
    if args["custom_decoder"] is None:
        _DECODER_RULES.output(args, target)
    if shape.open or target.open:
        return
    if shape.rank != target.rank and not _custom(args):
        raise ShapeError(f"the source {shape} and the target {target} must both be batched or unbatched")
    first = truthy(args["batch_first"])
    if shape.rank == target.rank == 3 and first is not None:
        index = 0 if first else 1
        if same(shape.dims[index], target.dims[index]) is False:
            raise ShapeError(f"the batch number of the source {shape} and the target {target} must be equal")


def _built_entries(part: str, layer: LayerKind, args: Args) -> list[Entry]:
    """``encoder``/``decoder``: ``num_layers`` copies of the layer, then a LayerNorm of ``d_model``."""
    custom = args[f"custom_{part}"]
    if custom is not None:
        return prefixed(part, _held(custom))
    copy = state_entries(layer, {name: args[name] for name in layer.param_names})
    count = _copies(args[f"num_{part}_layers"])
    if copy is None or count is None:
        raise TypeError(f"the {part}'s tensors are not known")
    found = [entry for index in range(count) for entry in prefixed(f"{part}.layers.{index}", copy)]
    norm = layer_norm_entries({"normalized_shape": args["d_model"], "elementwise_affine": True, "bias": args["bias"]})
    return found + prefixed(f"{part}.norm", norm)


def _seq2seq_entries(args: Args) -> list[Entry]:
    return _built_entries("encoder", _ENCODER_LAYER, args) + _built_entries("decoder", _DECODER_LAYER, args)


_ENCODER_LAYER = _transformer(
    "TransformerEncoderLayer",
    3,
    True,
    frozenset({"src_mask", "src_key_padding_mask", "is_causal"}),
    ("self_attn",),
)
_DECODER_LAYER = _transformer(
    "TransformerDecoderLayer",
    7,
    False,
    frozenset(
        {
            "tgt_mask", "memory_mask", "tgt_key_padding_mask", "memory_key_padding_mask", "tgt_is_causal",
            "memory_is_causal",
        }
    ),
    ("self_attn", "multihead_attn"),
    _memory,
)

SEQ2SEQ = LayerKind(
    "Transformer",
    (
        Param("d_model", 512),
        Param("nhead", 8),
        Param("num_encoder_layers", 6),
        Param("num_decoder_layers", 6),
        Param("dim_feedforward", 2048),
        Param("dropout", 0.1),
        Param("activation", ACTIVATION_DEFAULT),
        Param("custom_encoder", None),
        Param("custom_decoder", None),
        Param("layer_norm_eps", 1e-5),
        Param("batch_first", False, attribute=Attribute.KEPT),
        Param("norm_first", False),
        Param("bias", True, type=ArgType.BOOL),
    )
    + FACTORY,
    _seq2seq_output,
    input_arg="d_model",
    expected_input=_seq2seq_features,
    min_rank=1,
    validate=_validate_seq2seq,
    family=Family.LINEAR,
    extra_inputs=10,
    extra_rule=_source_and_target,
    rule_inputs=2,
    neutral_keywords=frozenset(
        {
            "src_mask", "tgt_mask", "memory_mask", "src_key_padding_mask", "tgt_key_padding_mask",
            "memory_key_padding_mask", "src_is_causal", "tgt_is_causal", "memory_is_causal",
        }
    ),
    entries=_seq2seq_entries,
)
"""``nn.Transformer``: its encoder and decoder built from the same hyperparameters, or given."""

KINDS = (
    LayerKind(
        "MultiheadAttention",
        _ATTENTION_PARAMS + FACTORY,
        _attention_output,
        input_arg="embed_dim",
        expected_input=_query_features,
        ranks=RANKS,
        validate=_validate_attention,
        family=Family.LINEAR,
        extra_inputs=2,
        checked_inputs=2,
        state=_weights,
        extra_rule=_key_and_value,
        call_state=_call_weights,
        state_keywords=frozenset({"average_attn_weights"}),
        neutral_keywords=frozenset({"key_padding_mask", "attn_mask", "is_causal", "need_weights"}),
        entries=_attention_entries,
    ),
    _ENCODER_LAYER,
    _DECODER_LAYER,
    ENCODER,
    SEQ2SEQ,
)
