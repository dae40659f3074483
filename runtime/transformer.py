"""MultiheadAttention and the Transformer layers in evaluation mode (dropout inactive), with torch's forward signatures.

Each layer holds its tensors under the catalog's flat state-dict keys (``self_attn.in_proj_weight``,
``linear1.weight``, ``norm1.bias``); TransformerEncoder holds ``num_layers`` copies of its layer, and
Transformer an encoder and a decoder it builds itself (``encoder.layers.0.…``, ``decoder.norm.…``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import numpy as np
from shapelint.runtime import torch_source
from shapelint.runtime.activation import gelu
from shapelint.runtime.attend import Attention, Masks, attend, initial
from shapelint.runtime.init import xavier_uniform
from shapelint.runtime.layer import Layer
from shapelint.runtime.module import Module
from shapelint.runtime.norm import LayerNorm
from shapelint.runtime.spec import Init, TensorSpec

from shapelint.dims import DType, Shape

__all__ = [
    "MultiheadAttention",
    "Transformer",
    "TransformerDecoderLayer",
    "TransformerEncoder",
    "TransformerEncoderLayer",
]


class MultiheadAttention(Layer):
    """``forward(query, key, value, key_padding_mask=None, need_weights=True, attn_mask=None,
    average_attn_weights=True, is_causal=False)`` returns ``(attn_output, attn_weights or None)``."""

    def initial(self, name: str, shapes: Mapping[str, tuple[int, ...]]) -> Init:
        return initial(name, shapes)

    def call(self, x: np.ndarray, out: tuple[int, ...], inputs: tuple[object, ...], keywords: dict[str, object]) -> Any:
        return self.attention(x, *inputs, **keywords)  # type: ignore[arg-type]

    def attention(
        self,
        query: np.ndarray,
        key: object,
        value: object,
        key_padding_mask: object = None,
        need_weights: bool = True,
        attn_mask: object = None,
        average_attn_weights: bool = True,
        is_causal: bool = False,
    ) -> tuple[np.ndarray, np.ndarray | None]:
        block = Attention(
            self.tensor_at,
            "",
            self.arg("num_heads"),
            self.arg("bias"),
            "in_proj_weight" in self.specs,
            bool(self.arg("add_bias_kv")),
            bool(self.arg("add_zero_attn")),
            bool(self.arg("batch_first")),
        )
        k, v = np.asarray(key, dtype=self.dtype), np.asarray(value, dtype=self.dtype)
        fused = query is k is v and self._fused(query, key_padding_mask, attn_mask)
        masks = Masks(key_padding_mask, attn_mask, is_causal, need_weights, average_attn_weights, fused)
        return attend(block, query, k, v, masks)

    def _fused(self, query: np.ndarray, *masks: object) -> bool:
        """torch's fast path for self-attention (one array as query, key and value) in inference."""
        flags = (
            self.arg("batch_first") and self.arg("bias") and not (self.arg("add_bias_kv") or self.arg("add_zero_attn"))
        )
        no_float = all(mask is None or np.asarray(mask).dtype == bool for mask in masks)
        packed = "in_proj_weight" in self.specs
        return query.ndim == 3 and flags and self.arg("num_heads") % 2 == 0 and packed and no_float


class _Transformer(Layer):
    """The blocks both Transformer layers share: attention, the feed-forward network, and LayerNorm."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        if self.given["activation"] not in ("relu", "gelu"):
            raise ValueError(f"{type(self).__name__}: the runtime takes activation 'relu' or 'gelu' by name")
        self.xavier = False
        """Every weight of two dimensions drawn xavier-uniform, as nn.Transformer's ``_reset_parameters`` redraws
        them in its layers."""

    def initial(self, name: str, shapes: Mapping[str, tuple[int, ...]]) -> Init:
        if self.xavier and len(shapes[name]) > 1:
            return xavier_uniform(shapes[name])
        return initial(name, shapes)

    def block(self, name: str) -> Attention:
        bias, first = self.arg("bias"), bool(self.arg("batch_first"))
        return Attention(self.tensor_at, f"{name}.", self.arg("nhead"), bias, True, batch_first=first)

    def norm(self, x: np.ndarray, index: int) -> np.ndarray:
        mean, var = x.mean(axis=-1, keepdims=True), x.var(axis=-1, keepdims=True)
        y = (x - mean) / np.sqrt(var + self.arg("layer_norm_eps")) * self.tensor_at(f"norm{index}.weight")
        return y + self.tensor_at(f"norm{index}.bias") if self.arg("bias") else y

    def linear(self, x: np.ndarray, name: str) -> np.ndarray:
        y = x @ self.tensor_at(f"{name}.weight").T
        return y + self.tensor_at(f"{name}.bias") if self.arg("bias") else y

    def feedforward(self, x: np.ndarray) -> np.ndarray:
        hidden = self.linear(x, "linear1")
        if self.arg("activation") == "gelu":
            hidden = gelu(hidden)
        else:
            hidden = np.maximum(hidden, 0)
        return self.linear(hidden, "linear2")

    def attended(
        self, name: str, x: np.ndarray, source: np.ndarray, mask: object, padding: object, causal: bool, fused: bool
    ) -> np.ndarray:
        masks = Masks(padding, mask, causal, need_weights=False, fused=fused)
        return attend(self.block(name), x, source, source, masks)[0]

    def fast(self, x: np.ndarray) -> bool:
        """Whether torch's fused kernels run for ``x`` in inference: batched, batch_first, biases, even heads."""
        return x.ndim == 3 and self.arg("batch_first") and self.arg("bias") and self.arg("nhead") % 2 == 0

    def residual(self, x: np.ndarray, index: int, sublayer: Any) -> np.ndarray:
        """``x + f(norm(x))`` with ``norm_first``, else ``norm(x + f(x))``."""
        if self.arg("norm_first"):
            return x + sublayer(self.norm(x, index))
        return self.norm(x + sublayer(x), index)


class TransformerEncoderLayer(_Transformer):
    """``forward(src, src_mask=None, src_key_padding_mask=None, is_causal=False)``."""

    def call(self, x: np.ndarray, out: tuple[int, ...], inputs: tuple[object, ...], keywords: dict[str, object]) -> Any:
        return self.encode(x, *inputs, **keywords)  # type: ignore[arg-type]

    def encode(
        self, src: np.ndarray, src_mask: object = None, src_key_padding_mask: object = None, is_causal: bool = False
    ) -> np.ndarray:
        fused = self.fast(src)
        x = self.residual(
            src, 1, lambda h: self.attended("self_attn", h, h, src_mask, src_key_padding_mask, is_causal, fused)
        )
        return self.residual(x, 2, self.feedforward)


class TransformerDecoderLayer(_Transformer):
    """``forward(tgt, memory, tgt_mask=None, memory_mask=None, tgt_key_padding_mask=None,
    memory_key_padding_mask=None, tgt_is_causal=False, memory_is_causal=False)``."""

    def call(self, x: np.ndarray, out: tuple[int, ...], inputs: tuple[object, ...], keywords: dict[str, object]) -> Any:
        return self.decode(x, *inputs, **keywords)  # type: ignore[arg-type]

    def decode(
        self,
        tgt: np.ndarray,
        memory: object,
        tgt_mask: object = None,
        memory_mask: object = None,
        tgt_key_padding_mask: object = None,
        memory_key_padding_mask: object = None,
        tgt_is_causal: bool = False,
        memory_is_causal: bool = False,
    ) -> np.ndarray:
        source = np.asarray(memory, dtype=self.dtype)
        masks = (tgt_mask, tgt_key_padding_mask)
        fused = self.fast(tgt) and all(mask is None or np.asarray(mask).dtype == bool for mask in masks)
        x = self.residual(tgt, 1, lambda h: self.attended("self_attn", h, h, *masks, tgt_is_causal, fused))
        cross = (memory_mask, memory_key_padding_mask, memory_is_causal, False)
        x = self.residual(x, 2, lambda h: self.attended("multihead_attn", h, source, *cross))
        return self.residual(x, 3, self.feedforward)


class TransformerEncoder(Layer):
    """``num_layers`` copies of ``encoder_layer`` (identical at first, as torch's deep copies), then ``norm``.

    ``forward(src, mask=None, src_key_padding_mask=None, is_causal=None)``.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        layer = self.given["encoder_layer"]
        if not isinstance(layer, TransformerEncoderLayer):
            raise TypeError(f"TransformerEncoder: encoder_layer must be a runtime TransformerEncoderLayer: {layer!r}")
        if not isinstance(self.given["norm"], (Layer, type(None))):
            raise TypeError(f"TransformerEncoder: norm must be a runtime layer or None, got {self.given['norm']!r}")
        self.copies: list[Layer] = []
        self.final: Layer | None = None

    def build(self, shape: Shape, rng: np.random.Generator, dtype: np.dtype) -> Shape:
        """The layer is built once and copied, so every copy starts with the same weights, as in torch."""
        self.kind.infer(self.args, shape)
        self.dtype = dtype
        layer = self.arg("encoder_layer").clone()
        output = layer.build(shape, rng, dtype)
        self.copies = [layer] + [layer.clone() for _ in range(self.arg("num_layers") - 1)]
        self.final = None if self.arg("norm") is None else self.arg("norm").clone()
        if self.final is not None:
            output = self.final.build(output, rng, dtype)
        self.built_input, self.built_output = shape, output
        return output

    def call(self, x: np.ndarray, out: tuple[int, ...], inputs: tuple[object, ...], keywords: dict[str, object]) -> Any:
        return self.encode(x, *inputs, **keywords)  # type: ignore[arg-type]

    def torch_expression(self) -> str:
        """The layers as built (the given ones are templates, their sizes unknown), written out in place."""
        self._require_built()
        final = None if self.final is None else torch_source.Source(self.final.torch_expression())
        built = {**self.args, "encoder_layer": torch_source.Source(self.copies[0].torch_expression()), "norm": final}
        return torch_source.constructor(self.kind, built, self.dtype, self.placeholder)

    def encode(
        self, src: np.ndarray, mask: object = None, src_key_padding_mask: object = None, is_causal: bool | None = None
    ) -> np.ndarray:
        x, padding = src, src_key_padding_mask
        kept = self._nested(src, mask, padding)
        if kept is not None:
            padding = ~kept
        for layer in self.copies:
            x = layer.run(x, src_mask=mask, src_key_padding_mask=padding, is_causal=bool(is_causal))
        if kept is not None:
            x = np.where(kept[..., None], x, 0).astype(x.dtype)
        return x if self.final is None else self.final.run(x)

    def _nested(self, src: np.ndarray, mask: object, padding: object) -> np.ndarray | None:
        """The positions torch keeps where, in inference, it runs the layers on a nested tensor and pads their
        output with zeros; ``None`` where it does not.

        It does with ``enable_nested_tensor``, a layer its fast path takes (batch_first, post-norm, biases, an even
        head count), a batched input and a padding mask without ``mask``. It keeps each sequence's first ``n``
        positions, ``n`` the count the mask leaves (bool: False; float: 0); ``mask_check`` first requires the mask
        to leave exactly those.
        """
        layer = self.copies[0]
        fast = layer.arg("batch_first") and not layer.arg("norm_first") and layer.arg("bias")
        fast = fast and layer.arg("nhead") % 2 == 0 and self.arg("enable_nested_tensor")
        if not fast or src.ndim != 3 or mask is not None or padding is None:
            return None
        given = np.asarray(padding)
        left = ~given if given.dtype == bool else given == 0
        kept = np.arange(left.shape[-1]) < left.sum(axis=-1, keepdims=True)
        return None if self.arg("mask_check") and np.any(kept != left) else kept

    def _output_for(self, x: np.ndarray) -> tuple[int, ...]:
        """The copies check ``x`` themselves; the output has its shape."""
        return x.shape

    def _children(self) -> Iterator[tuple[str, Layer]]:
        yield from ((f"layers.{index}.", layer) for index, layer in enumerate(self.copies))
        if self.final is not None:
            yield "norm.", self.final

    def named_specs(self, prefix: str = "") -> Iterator[tuple[str, TensorSpec]]:
        for name, layer in self._children():
            yield from layer.named_specs(prefix + name)

    def _child(self, key: str) -> tuple[Layer, str]:
        for name, layer in self._children():
            if key.startswith(name):
                return layer, key[len(name) :]
        raise KeyError(key)

    tensor_at = Module.tensor_at  # its tensors are its layers': a container's lookup, not a layer's own
    assign = Module.assign


_LAYER_ARGS = (
    "d_model", "nhead", "dim_feedforward", "dropout", "activation", "layer_norm_eps", "batch_first", "norm_first",
    "bias",
)
"""What nn.Transformer hands to the encoder and decoder layers it builds."""


class Transformer(Layer):
    """An encoder (a TransformerEncoder with a final LayerNorm) and a decoder (``num_decoder_layers``
    TransformerDecoderLayers, then a LayerNorm), built from the same hyperparameters; ``d_model`` is torch's
    default unless given, as torch has one.

    ``forward(src, tgt, src_mask=None, tgt_mask=None, memory_mask=None, src_key_padding_mask=None,
    tgt_key_padding_mask=None, memory_key_padding_mask=None, src_is_causal=None, tgt_is_causal=None,
    memory_is_causal=False)`` returns ``tgt``'s shape.  Each layer draws its own weights, where torch's deep copies
    share the one-dimensional ones at first; the distributions are torch's.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        for part in ("custom_encoder", "custom_decoder"):
            if self.given[part] is not None:
                raise TypeError(f"Transformer: the runtime builds its own encoder and decoder, {part} must be None")
        self.encoder: TransformerEncoder | None = None
        self.decoders: list[Layer] = []
        self.decoder_norm: Layer | None = None

    def build(self, shape: Shape, rng: np.random.Generator, dtype: np.dtype) -> Shape:
        """Every part is built on ``src``'s shape: each holds ``d_model``-sized tensors whatever the lengths."""
        output = self.kind.infer(self.args, shape)
        requested = self.arg("dtype")
        self.dtype = np.dtype(requested) if requested is not None else dtype
        given = {name: self.arg(name) for name in _LAYER_ARGS}
        norm = {"eps": self.arg("layer_norm_eps"), "bias": self.arg("bias")}
        encoder_layer, decoder_layer = TransformerEncoderLayer(**given), TransformerDecoderLayer(**given)
        encoder_layer.xavier = decoder_layer.xavier = True
        self.encoder = TransformerEncoder(encoder_layer, self.arg("num_encoder_layers"), norm=LayerNorm(**norm))
        self.encoder.build(shape, rng, self.dtype)
        decoder_layer.build(shape, rng, self.dtype)
        self.decoders = [decoder_layer] + [decoder_layer.clone() for _ in range(self.arg("num_decoder_layers") - 1)]
        self.decoder_norm = LayerNorm(**norm)
        self.decoder_norm.build(shape, rng, self.dtype)
        self.reseed(rng)
        self.built_input, self.built_output = shape, output
        return output

    def reseed(self, rng: np.random.Generator) -> None:
        """Every layer its own draw, as torch's reset redraws each copy's weights."""
        assert self.encoder is not None and self.decoder_norm is not None
        layers = [*self.encoder.copies, self.encoder.final, *self.decoders, self.decoder_norm]
        for layer in layers:
            if layer is not None:
                layer.reseed(rng)

    def call(self, x: np.ndarray, out: tuple[int, ...], inputs: tuple[object, ...], keywords: dict[str, object]) -> Any:
        return self.transform(x, *inputs, **keywords)  # type: ignore[arg-type]

    def transform(
        self,
        src: np.ndarray,
        tgt: object,
        src_mask: object = None,
        tgt_mask: object = None,
        memory_mask: object = None,
        src_key_padding_mask: object = None,
        tgt_key_padding_mask: object = None,
        memory_key_padding_mask: object = None,
        src_is_causal: bool | None = None,
        tgt_is_causal: bool | None = None,
        memory_is_causal: bool = False,
    ) -> np.ndarray:
        """The catalog checks ``src`` and ``tgt`` first, as torch's forward does, then the parts run."""
        target = np.asarray(tgt)
        kind: DType = "int" if target.dtype.kind in "iub" else "float"
        self.kind.forward(self.args, (Shape(src.shape), Shape(target.shape, dtype=kind)), {})
        assert self.encoder is not None and self.decoder_norm is not None
        padding = src_key_padding_mask
        memory = self.encoder.run(src, mask=src_mask, src_key_padding_mask=padding, is_causal=src_is_causal)
        x = target.astype(self.dtype, copy=False)
        for layer in self.decoders:
            x = layer.run(
                x,
                memory,
                tgt_mask=tgt_mask,
                memory_mask=memory_mask,
                tgt_key_padding_mask=tgt_key_padding_mask,
                memory_key_padding_mask=memory_key_padding_mask,
                tgt_is_causal=bool(tgt_is_causal),
                memory_is_causal=memory_is_causal,
            )
        return self.decoder_norm.run(x)

    def _output_for(self, x: np.ndarray) -> tuple[int, ...]:
        """``src`` is checked with ``tgt`` in :meth:`transform`; the output is ``tgt``'s."""
        return x.shape

    def _children(self) -> Iterator[tuple[str, Layer]]:
        if self.encoder is not None:
            yield "encoder.", self.encoder
        yield from ((f"decoder.layers.{index}.", layer) for index, layer in enumerate(self.decoders))
        if self.decoder_norm is not None:
            yield "decoder.norm.", self.decoder_norm

    def named_specs(self, prefix: str = "") -> Iterator[tuple[str, TensorSpec]]:
        for name, layer in self._children():
            yield from layer.named_specs(prefix + name)

    def _child(self, key: str) -> tuple[Layer, str]:
        for name, layer in self._children():
            if key.startswith(name):
                return layer, key[len(name) :]
        raise KeyError(key)

    tensor_at = Module.tensor_at  # its tensors are its parts'
    assign = Module.assign
