"""Scaled dot-product attention as torch's ``F.multi_head_attention_forward`` computes it in evaluation mode.

MultiheadAttention and the Transformer layers share it; each reads its tensors
through a getter under its own prefix (``self_attn.``), so the state-dict keys
stay the catalog's flat ones.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
from shapelint.runtime.init import constant, uniform_fan_in, xavier_normal, xavier_uniform
from shapelint.runtime.spec import Init

from shapelint.catalog import Problem, ShapeError

Tensors = Callable[[str], np.ndarray]


@dataclass(frozen=True, slots=True)
class Attention:
    """One attention block's hyperparameters and where its tensors live."""

    tensors: Tensors
    prefix: str
    heads: int
    bias: bool
    packed: bool
    """One ``in_proj_weight`` (``kdim == vdim == embed_dim``), else ``q_proj_weight``, ``k_proj_weight``, ..."""
    bias_kv: bool = False
    zero_attn: bool = False
    batch_first: bool = False

    def tensor(self, name: str) -> np.ndarray:
        return self.tensors(self.prefix + name)


@dataclass(frozen=True, slots=True)
class Masks:
    """What torch's attention takes beside its inputs; the masks as given (bool: True is masked out; float: added)."""

    key_padding_mask: object = None
    attn_mask: object = None
    is_causal: bool = False
    need_weights: bool = True
    average_attn_weights: bool = True
    fused: bool = False
    """torch's fused kernel runs (its fast path in inference): it reads a float mask as boolean, nonzero masking
    out, and takes ``attn_mask`` as it is whatever ``is_causal`` says."""


def initial(name: str, shapes: Mapping[str, tuple[int, ...]]) -> Init:
    """torch's ``_reset_parameters`` for attention and Linear's and LayerNorm's defaults for the rest, by key."""
    leaf = name.rpartition(".")[2]
    if leaf.endswith("proj_weight"):
        return xavier_uniform(shapes[name])
    if leaf in ("bias_k", "bias_v"):
        return xavier_normal(shapes[name])
    if name.endswith(("in_proj_bias", "out_proj.bias")) or (name.startswith("norm") and leaf == "bias"):
        return constant(0.0)
    if name.startswith("norm"):
        return constant(1.0)
    return uniform_fan_in(shapes[name.rpartition(".")[0] + ".weight"])


def attend(
    block: Attention, query: np.ndarray, key: np.ndarray, value: np.ndarray, masks: Masks
) -> tuple[np.ndarray, np.ndarray | None]:
    """``(attn_output, attn_weights)`` for batch-first or sequence-first, batched 3-D or unbatched 2-D inputs."""
    batched = query.ndim == 3
    if not batched:
        query, key, value = query[:, None], key[:, None], value[:, None]
    elif block.batch_first:
        query, key, value = query.swapaxes(0, 1), key.swapaxes(0, 1), value.swapaxes(0, 1)
    _check_sources(query, key, value)
    length, batch, embed = query.shape
    q, k, v = _projections(block, query, key, value, embed)
    extra = _biased(block, batch, k, v) if block.bias_kv else None
    if extra is not None:
        k, v = extra
    head = embed // block.heads
    q, k, v = (part.reshape(len(part), batch * block.heads, head).swapaxes(0, 1) for part in (q, k, v))
    if block.zero_attn:
        zeros = np.zeros((batch * block.heads, 1, head), q.dtype)
        k, v = np.concatenate([k, zeros], axis=1), np.concatenate([v, zeros], axis=1)
    sources = k.shape[1]
    padded = sources - key.shape[0]
    mask = _mask(masks, batch, block.heads, length, sources, padded, batched, q.dtype)
    scores = (q / math.sqrt(head)) @ k.swapaxes(1, 2)
    scores = scores.reshape(batch, block.heads, length, sources)
    if mask is not None:
        scores = scores + mask
    weights = _softmax(scores)
    output = (weights.reshape(batch * block.heads, length, sources) @ v).swapaxes(0, 1).reshape(length, batch, embed)
    output = output @ block.tensor("out_proj.weight").T
    if block.bias:
        output = output + block.tensor("out_proj.bias")
    output = output if batched else output[:, 0]
    if batched and block.batch_first:
        output = output.swapaxes(0, 1)
    if not masks.need_weights:
        return output, None
    kept = weights.mean(axis=1) if masks.average_attn_weights else weights
    return output, kept if batched else kept[0]


def _check_sources(query: np.ndarray, key: np.ndarray, value: np.ndarray) -> None:
    if key.shape[:2] != value.shape[:2] or key.shape[1] != query.shape[1]:
        raise ShapeError(
            f"attention: key {key.shape} and value {value.shape} must share their length and batch with the query's "
            f"batch {query.shape[1]}",
            Problem.SIZE,
        )


def _projections(
    block: Attention, query: np.ndarray, key: np.ndarray, value: np.ndarray, embed: int
) -> tuple[np.ndarray, ...]:
    if block.packed:
        weights = np.split(block.tensor("in_proj_weight"), 3)
    else:
        weights = [block.tensor(f"{name}_proj_weight") for name in "qkv"]
    biases = np.split(block.tensor("in_proj_bias"), 3) if block.bias else [None] * 3
    projected = []
    for source, weight, bias in zip((query, key, value), weights, biases):
        if source.shape[-1] != weight.shape[1]:
            raise ShapeError(
                f"attention: expected inputs of {weight.shape[1]} features, got {source.shape}", Problem.SIZE
            )
        part = source @ weight.T
        projected.append(part if bias is None else part + bias)
    return tuple(projected)


def _biased(block: Attention, batch: int, k: np.ndarray, v: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``bias_k`` and ``bias_v`` appended to every sequence of keys and values."""
    added = [np.broadcast_to(block.tensor(name), (1, batch, k.shape[-1])) for name in ("bias_k", "bias_v")]
    return np.concatenate([k, added[0]]), np.concatenate([v, added[1]])


def _mask(
    masks: Masks, batch: int, heads: int, length: int, sources: int, padded: int, batched: bool, dtype: np.dtype
) -> np.ndarray | None:
    """The additive mask of shape ``(N, heads, L, S)``; keys added by ``bias_kv``/``add_zero_attn`` are never masked.

    ``is_causal`` is torch's hint that ``attn_mask`` is causal: without a key padding mask or weights to return,
    torch applies the causal mask itself in place of the given one.
    """
    if masks.is_causal and masks.attn_mask is None and not masks.fused:
        raise RuntimeError("Need attn_mask if specifying the is_causal hint, as torch says")
    causal = masks.is_causal and masks.key_padding_mask is None and not masks.need_weights and not masks.fused
    total = np.zeros((batch, heads, length, sources), dtype)
    if causal:
        total += _additive(~np.tri(length, sources, dtype=bool), dtype)
    elif masks.attn_mask is not None:
        attn = _padded(_additive(_read(masks.attn_mask, masks.fused), dtype), padded)
        if attn.ndim == 3:
            attn = attn.reshape(batch, heads, length, sources)
        elif attn.shape != (length, sources):
            raise ShapeError(f"attn_mask must have shape {(length, sources)}, got {attn.shape[:2]}", Problem.SIZE)
        total += attn
    if masks.key_padding_mask is not None:
        padding = _padded(_additive(_read(masks.key_padding_mask, masks.fused), dtype), padded)
        total += padding.reshape(batch if batched else 1, 1, 1, sources)
    return total if causal or masks.attn_mask is not None or masks.key_padding_mask is not None else None


def _read(mask: object, fused: bool) -> np.ndarray:
    array = np.asarray(mask)
    return array != 0 if fused and array.dtype != bool else array


def _additive(mask: np.ndarray, dtype: np.dtype) -> np.ndarray:
    """A bool mask as ``-inf`` where it is True; a float mask as it is."""
    if mask.dtype == bool:
        return np.where(mask, -np.inf, 0.0).astype(dtype)
    return mask.astype(dtype, copy=False)


def _padded(mask: np.ndarray, columns: int) -> np.ndarray:
    """Zero columns for the keys attention adds at the end."""
    return np.pad(mask, [(0, 0)] * (mask.ndim - 1) + [(0, columns)]) if columns else mask


def _softmax(scores: np.ndarray) -> np.ndarray:
    """A row masked out entirely gives NaN, as in torch, without numpy's warning."""
    with np.errstate(invalid="ignore"):
        shifted = np.exp(scores - scores.max(axis=-1, keepdims=True))
        return shifted / shifted.sum(axis=-1, keepdims=True)
