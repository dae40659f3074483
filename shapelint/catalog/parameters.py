"""The state-dict entries each layer owns: names, shapes, and whether they are trained.

Pure Python, so the static summary can count parameters without torch or
numpy; the entries follow PyTorch's ``state_dict()`` order.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

from shapelint.catalog.base import Args, truthy
from shapelint.dims import is_int


@dataclass(frozen=True, slots=True)
class Entry:
    """One ``state_dict`` entry: a parameter (trained) or a buffer."""

    name: str
    shape: tuple[int, ...]
    trainable: bool = True

    @property
    def size(self) -> int:
        return math.prod(self.shape)


Entries = Callable[[Args], list[Entry]]


def _with_bias(weight: Entry, size: object, bias: object) -> list[Entry]:
    return [weight, Entry("bias", (size,))] if bias else [weight]  # type: ignore[arg-type]


def _linear(args: Args) -> list[Entry]:
    out = args["out_features"]
    return _with_bias(Entry("weight", (out, args["in_features"])), out, args["bias"])  # type: ignore[arg-type]


def _bilinear(args: Args) -> list[Entry]:
    out = args["out_features"]
    weight = Entry("weight", (out, args["in1_features"], args["in2_features"]))  # type: ignore[arg-type]
    return _with_bias(weight, out, args["bias"])


def _conv(count: int, transposed: bool) -> Entries:
    def entries(args: Args) -> list[Entry]:
        kernel = args["kernel_size"]
        kernel = tuple(kernel) if isinstance(kernel, (tuple, list)) else (kernel,) * count
        groups, in_ch, out_ch = args["groups"], args["in_channels"], args["out_channels"]
        leading = (in_ch, out_ch // groups) if transposed else (out_ch, in_ch // groups)  # type: ignore[operator]
        return _with_bias(Entry("weight", (*leading, *kernel)), out_ch, args["bias"])

    return entries


def _affine(size: object, flag: object) -> list[Entry]:
    return [Entry("weight", (size,)), Entry("bias", (size,))] if flag else []  # type: ignore[arg-type]


def _running(size: object, flag: object) -> list[Entry]:
    if not flag:
        return []
    return [
        Entry("running_mean", (size,), False),  # type: ignore[arg-type]
        Entry("running_var", (size,), False),  # type: ignore[arg-type]
        Entry("num_batches_tracked", (), False),
    ]


def _batch_norm(args: Args) -> list[Entry]:
    size = args["num_features"]
    return _affine(size, args["affine"]) + _running(size, args["track_running_stats"])


def _layer_norm(args: Args) -> list[Entry]:
    shape = args["normalized_shape"]
    shape = tuple(shape) if isinstance(shape, (tuple, list)) else (shape,)
    if not args["elementwise_affine"]:
        return []
    weight = Entry("weight", shape)  # type: ignore[arg-type]
    return [weight, Entry("bias", shape)] if args.get("bias", True) else [weight]  # type: ignore[arg-type]


def _rms_norm(args: Args) -> list[Entry]:
    shape = args["normalized_shape"]
    shape = tuple(shape) if isinstance(shape, (tuple, list)) else (shape,)
    return [Entry("weight", shape)] if args["elementwise_affine"] else []  # type: ignore[arg-type]


def _embedding(args: Args) -> list[Entry]:
    return [Entry("weight", (args["num_embeddings"], args["embedding_dim"]))]  # type: ignore[arg-type]


def _flag(value: object) -> bool:
    """A flag that decides which tensors exist; unknown is a TypeError, which :func:`state_entries` reads as such."""
    known = truthy(value)
    if known is None:
        raise TypeError("flag not known")
    return known


def _recurrent(gates: int) -> Entries:
    """Per layer and direction: input and hidden weights, two biases, and LSTM's projection."""

    def entries(args: Args) -> list[Entry]:
        hidden, proj, bias = args["hidden_size"], args.get("proj_size", 0), _flag(args["bias"])
        real = proj if proj else hidden
        suffixes = ("", "_reverse") if _flag(args["bidirectional"]) else ("",)
        rows = (gates * hidden,)  # type: ignore[operator]
        found: list[Entry] = []
        for layer in range(args["num_layers"]):  # type: ignore[call-overload]
            width = args["input_size"] if layer == 0 else real * len(suffixes)  # type: ignore[operator]
            for suffix in suffixes:
                names = [f"{kind}_l{layer}{suffix}" for kind in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")]
                found += [Entry(names[0], (*rows, width)), Entry(names[1], (*rows, real))]  # type: ignore[arg-type]
                found += [Entry(names[2], rows), Entry(names[3], rows)] if bias else []
                projection = Entry(f"weight_hr_l{layer}{suffix}", (proj, hidden))  # type: ignore[arg-type]
                found += [projection] if proj else []
        return found

    return entries


def _attention(args: Args) -> list[Entry]:
    """One packed input projection, or three when ``kdim``/``vdim`` differ; then the biases and ``out_proj``."""
    embed, bias = args["embed_dim"], _flag(args["bias"])
    widths = [embed if args[name] is None else args[name] for name in ("kdim", "vdim")]
    if all(width == embed for width in widths):
        found = [Entry("in_proj_weight", (3 * embed, embed))]  # type: ignore[operator]
    else:
        found = [Entry(f"{x}_proj_weight", (embed, w)) for x, w in zip("qkv", [embed, *widths])]  # type: ignore[misc]
    found += [Entry("in_proj_bias", (3 * embed,))] if bias else []  # type: ignore[operator]
    found += [Entry("bias_k", (1, 1, embed)), Entry("bias_v", (1, 1, embed))] if _flag(args["add_bias_kv"]) else []
    return found + _prefixed("out_proj", _linear({"out_features": embed, "in_features": embed, "bias": bias}))


def _prefixed(prefix: str, entries: list[Entry]) -> list[Entry]:
    return [replace(entry, name=f"{prefix}.{entry.name}") for entry in entries]


def _transformer(attentions: tuple[str, ...], norms: int) -> Entries:
    """The attention blocks, the two feed-forward Linears, then the LayerNorms, as the layer registers them."""

    def entries(args: Args) -> list[Entry]:
        model, feedforward, bias = args["d_model"], args["dim_feedforward"], _flag(args["bias"])
        attention = _attention({"embed_dim": model, "bias": bias, "kdim": None, "vdim": None, "add_bias_kv": False})
        found = [entry for name in attentions for entry in _prefixed(name, attention)]
        found += _prefixed("linear1", _linear({"out_features": feedforward, "in_features": model, "bias": bias}))
        found += _prefixed("linear2", _linear({"out_features": model, "in_features": feedforward, "bias": bias}))
        norm = _layer_norm({"normalized_shape": model, "elementwise_affine": True, "bias": bias})
        return found + [entry for n in range(1, norms + 1) for entry in _prefixed(f"norm{n}", norm)]

    return entries


def _held(module: object) -> list[Entry]:
    """The entries of a layer passed as an argument; a TypeError, read as unknown, for anything else."""
    kind, args = getattr(module, "kind", None), getattr(module, "args", None)
    entries = None if kind is None or args is None else state_entries(kind.name, args)
    if entries is None:
        raise TypeError("held module not known")
    return entries


def _encoder(args: Args) -> list[Entry]:
    """``layers.0`` … ``layers.N-1``, deep copies of one layer, then the optional norm."""
    layer, norm = _held(args["encoder_layer"]), args["norm"]
    count: int = args["num_layers"]  # type: ignore[assignment]
    found = [entry for index in range(count) for entry in _prefixed(f"layers.{index}", layer)]
    return found + ([] if norm is None else _prefixed("norm", _held(norm)))


_ENTRIES: dict[str, Entries] = {
    "Linear": _linear,
    "Bilinear": _bilinear,
    **{f"Conv{n}d": _conv(n, False) for n in (1, 2, 3)},
    **{f"ConvTranspose{n}d": _conv(n, True) for n in (1, 2, 3)},
    **{f"BatchNorm{n}d": _batch_norm for n in (1, 2, 3)},
    **{f"InstanceNorm{n}d": _batch_norm for n in (1, 2, 3)},
    "GroupNorm": lambda args: _affine(args["num_channels"], args["affine"]),
    "LayerNorm": _layer_norm,
    "RMSNorm": _rms_norm,
    "Embedding": _embedding,
    "EmbeddingBag": _embedding,
    "PReLU": lambda args: [Entry("weight", (args["num_parameters"],))],  # type: ignore[list-item]
    "RNN": _recurrent(1),
    "LSTM": _recurrent(4),
    "GRU": _recurrent(3),
    "MultiheadAttention": _attention,
    "TransformerEncoderLayer": _transformer(("self_attn",), 2),
    "TransformerDecoderLayer": _transformer(("self_attn", "multihead_attn"), 3),
    "TransformerEncoder": _encoder,
}


def state_entries(kind_name: str, args: Args) -> list[Entry] | None:
    """A layer's state-dict entries, or ``None`` while a size they need is unknown."""
    if kind_name.startswith("Lazy"):
        return None
    rule = _ENTRIES.get(kind_name)
    if rule is None:
        return []
    try:
        entries = rule(args)
    except (TypeError, ZeroDivisionError):
        return None
    return entries if all(is_int(d) for e in entries for d in e.shape) else None


def parameter_count(kind_name: str, args: Args) -> int | None:
    """How many trained numbers a layer has, as torchinfo counts them."""
    entries = state_entries(kind_name, args)
    return None if entries is None else sum(e.size for e in entries if e.trainable)
