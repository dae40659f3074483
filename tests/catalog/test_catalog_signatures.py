"""Every catalogued kind binds arguments exactly as torch's constructor does."""

from __future__ import annotations

import inspect
import typing

import pytest
import torch

from shapelint.catalog import CATALOG, REQUIRED

CONV = [f"{kind}{n}d" for kind in ("Conv", "ConvTranspose") for n in (1, 2, 3)]
POOL = [f"{kind}Pool{n}d" for kind in ("Max", "Avg", "AdaptiveAvg", "AdaptiveMax") for n in (1, 2, 3)]
PER_CHANNEL_NORM = [f"{kind}Norm{n}d" for kind in ("Batch", "Instance") for n in (1, 2, 3)]
NORM = PER_CHANNEL_NORM + ["LayerNorm", "GroupNorm", "LocalResponseNorm", "RMSNorm"]
DROPOUT = ["Dropout", "Dropout1d", "Dropout2d", "Dropout3d", "AlphaDropout", "FeatureAlphaDropout"]
ACTIVATION = ["ReLU", "ReLU6", "LeakyReLU", "PReLU", "ELU", "SELU", "CELU", "GELU", "SiLU", "Mish", "Hardswish", "Hardsigmoid", "Hardtanh", "Tanh", "Sigmoid", "Softplus", "Softsign", "Tanhshrink", "Threshold", "LogSigmoid", "Hardshrink", "Softshrink", "RReLU", "GLU", "Softmax", "LogSoftmax", "Softmin", "Softmax2d"]
RESAMPLE = ["Upsample", "UpsamplingNearest2d", "UpsamplingBilinear2d"]
RESAMPLE += ["PixelShuffle", "PixelUnshuffle", "ChannelShuffle"]
PAD = [f"{kind}Pad{n}d" for kind in ("Zero", "Constant", "Reflection", "Replication", "Circular") for n in (1, 2, 3)]
LAZY = ["LazyLinear"] + [f"Lazy{name}" for name in CONV + PER_CHANNEL_NORM]
BASICS = ["Identity", "Linear", "Bilinear", "Flatten", "Unflatten", "Embedding", "EmbeddingBag"]
RECURRENT = ["RNN", "LSTM", "GRU", "RNNCell", "LSTMCell", "GRUCell"]
ATTENTION = ["MultiheadAttention", "TransformerEncoderLayer", "TransformerDecoderLayer"]
REQUIRED_NAMES = CONV + POOL + NORM + DROPOUT + ACTIVATION + RESAMPLE + PAD + LAZY + BASICS + RECURRENT + ATTENTION
FUNCTION_DEFAULTS = {torch.nn.functional.relu: "relu"}
"""Defaults torch gives as functions; the catalog names them, and the Transformer layers treat both alike."""


def test_catalog_covers_the_required_kinds() -> None:
    assert sorted(set(REQUIRED_NAMES) - set(CATALOG)) == []


def test_every_activation_in_torch_is_catalogued() -> None:
    module = torch.nn.modules.activation
    classes = {name for name in dir(module) if isinstance(getattr(module, name), type)}
    layers = {name for name in classes if issubclass(getattr(module, name), torch.nn.Module)}
    not_elementwise = {"Module", "MultiheadAttention", "NonDynamicallyQuantizableLinear"}
    assert sorted(layers - not_elementwise - set(CATALOG)) == []


def _torch_params(name: str) -> list[tuple[str, object, bool]]:
    """The constructor's parameters; RNN/LSTM/GRU take ``*args, **kwargs`` and document theirs as an overload."""
    init = getattr(torch.nn, name).__init__
    signature = inspect.signature(next(iter(typing.get_overloads(init)), init))
    empty, keyword_only = inspect.Parameter.empty, inspect.Parameter.KEYWORD_ONLY
    defaults = {p.name: FUNCTION_DEFAULTS.get(p.default, p.default) for p in signature.parameters.values()}
    return [
        (p.name, REQUIRED if p.default is empty else defaults[p.name], p.kind is keyword_only)
        for p in list(signature.parameters.values())[1:]
        if p.kind not in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
    ]


@pytest.mark.parametrize("name", sorted(CATALOG))
def test_signature_matches_torch(name: str) -> None:
    ours = [(p.name, p.default, p.keyword_only) for p in CATALOG[name].params]
    assert ours == _torch_params(name)


@pytest.mark.parametrize("name", sorted(CATALOG))
def test_input_argument_is_a_parameter(name: str) -> None:
    kind = CATALOG[name]
    assert kind.input_arg is None or kind.input_arg in kind.param_names
    if name.startswith("Lazy"):
        assert kind.input_arg is None
