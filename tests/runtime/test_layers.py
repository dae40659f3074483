"""Every runtime layer kind, built without its input size, matches torch on torch's weights."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pytest
import shapelint.runtime as rt
import torch
from shapelint.runtime.module import BATCH
from torch import nn

from shapelint.catalog import CATALOG
from shapelint.dims import Shape
from tests.runtime.helpers import assert_matches, randomize, sample


@dataclass(frozen=True)
class Case:
    """A runtime layer from hyperparameters, torch's equivalent with explicit sizes, and an input shape."""

    runtime: Callable[[], rt.Module]
    reference: Callable[[], nn.Module]
    shape: tuple[int, ...]
    indices: int | None = None
    inputs: tuple[tuple[int, ...], ...] = ()
    """The shapes of further float inputs (Bilinear's second, attention's key and value): the layer runs alone."""


CASES = {
    "Linear": Case(lambda: rt.Linear(7), lambda: nn.Linear(5, 7), (4, 5)),
    "Linear-rank3-nobias": Case(lambda: rt.Linear(3, bias=False), lambda: nn.Linear(5, 3, bias=False), (2, 4, 5)),
    "Conv1d": Case(lambda: rt.Conv1d(4, 3, stride=2, padding=1), lambda: nn.Conv1d(2, 4, 3, stride=2, padding=1), (2, 2, 11)),
    "Conv1d-dilated-groups": Case(
        lambda: rt.Conv1d(6, 3, dilation=2, groups=2), lambda: nn.Conv1d(4, 6, 3, dilation=2, groups=2), (2, 4, 12)
    ),
    "Conv2d": Case(lambda: rt.Conv2d(6, 5, padding=2), lambda: nn.Conv2d(1, 6, 5, padding=2), (2, 1, 12, 12)),
    "Conv2d-strided-rect": Case(
        lambda: rt.Conv2d(8, (3, 2), stride=(2, 1), padding=(1, 0)),
        lambda: nn.Conv2d(3, 8, (3, 2), stride=(2, 1), padding=(1, 0)),
        (2, 3, 9, 7),
    ),
    "Conv2d-same-reflect": Case(
        lambda: rt.Conv2d(4, 3, padding="same", dilation=2, padding_mode="reflect"),
        lambda: nn.Conv2d(3, 4, 3, padding="same", dilation=2, padding_mode="reflect"),
        (2, 3, 9, 10),
    ),
    "Conv2d-circular": Case(
        lambda: rt.Conv2d(2, 3, padding=1, padding_mode="circular"),
        lambda: nn.Conv2d(3, 2, 3, padding=1, padding_mode="circular"),
        (1, 3, 6, 6),
    ),
    "Conv2d-replicate": Case(
        lambda: rt.Conv2d(2, 3, padding=2, padding_mode="replicate", bias=False),
        lambda: nn.Conv2d(3, 2, 3, padding=2, padding_mode="replicate", bias=False),
        (1, 3, 6, 6),
    ),
    "Conv2d-depthwise": Case(lambda: rt.Conv2d(6, 3, groups=3), lambda: nn.Conv2d(3, 6, 3, groups=3), (2, 3, 7, 7)),
    "ConvTranspose1d": Case(
        lambda: rt.ConvTranspose1d(3, 4, stride=2, padding=1, output_padding=1),
        lambda: nn.ConvTranspose1d(5, 3, 4, stride=2, padding=1, output_padding=1),
        (2, 5, 7),
    ),
    "ConvTranspose2d": Case(
        lambda: rt.ConvTranspose2d(4, 3, stride=2, padding=1, output_padding=1),
        lambda: nn.ConvTranspose2d(6, 4, 3, stride=2, padding=1, output_padding=1),
        (2, 6, 5, 5),
    ),
    "ConvTranspose2d-groups-dilation": Case(
        lambda: rt.ConvTranspose2d(4, 3, stride=(2, 3), padding=(3, 0), groups=2, dilation=2),
        lambda: nn.ConvTranspose2d(6, 4, 3, stride=(2, 3), padding=(3, 0), groups=2, dilation=2),
        (2, 6, 5, 4),
    ),
    "Conv3d": Case(lambda: rt.Conv3d(4, 2, stride=(1, 2, 1)), lambda: nn.Conv3d(2, 4, 2, stride=(1, 2, 1)), (2, 2, 4, 5, 3)),
    "ConvTranspose3d": Case(
        lambda: rt.ConvTranspose3d(3, 2, stride=2), lambda: nn.ConvTranspose3d(2, 3, 2, stride=2), (1, 2, 3, 2, 3)
    ),
    "MaxPool3d": Case(lambda: rt.MaxPool3d(2, padding=1), lambda: nn.MaxPool3d(2, padding=1), (2, 2, 4, 5, 3)),
    "AvgPool3d": Case(lambda: rt.AvgPool3d(2, stride=1), lambda: nn.AvgPool3d(2, stride=1), (2, 2, 4, 5, 3)),
    "AdaptiveAvgPool3d": Case(lambda: rt.AdaptiveAvgPool3d((2, 3, 1)), lambda: nn.AdaptiveAvgPool3d((2, 3, 1)), (2, 2, 4, 5, 3)),
    "BatchNorm3d": Case(lambda: rt.BatchNorm3d(), lambda: nn.BatchNorm3d(2), (2, 2, 3, 3, 3)),
    "Dropout1d": Case(lambda: rt.Dropout1d(), lambda: nn.Dropout1d(), (2, 3, 4)),
    "Dropout3d": Case(lambda: rt.Dropout3d(), lambda: nn.Dropout3d(), (2, 3, 4, 2, 2)),
    "AlphaDropout": Case(lambda: rt.AlphaDropout(0.2), lambda: nn.AlphaDropout(0.2), (2, 5)),
    "MaxPool1d": Case(
        lambda: rt.MaxPool1d(3, stride=2, padding=1, ceil_mode=True), lambda: nn.MaxPool1d(3, 2, 1, ceil_mode=True), (2, 3, 10)
    ),
    "MaxPool2d": Case(lambda: rt.MaxPool2d(2), lambda: nn.MaxPool2d(2), (2, 3, 8, 9)),
    "MaxPool2d-dilated-ceil": Case(
        lambda: rt.MaxPool2d(3, stride=2, padding=1, dilation=2, ceil_mode=True),
        lambda: nn.MaxPool2d(3, stride=2, padding=1, dilation=2, ceil_mode=True),
        (2, 3, 12, 11),
    ),
    "AvgPool1d-exclude-pad-ceil": Case(
        lambda: rt.AvgPool1d(3, stride=2, padding=1, ceil_mode=True, count_include_pad=False),
        lambda: nn.AvgPool1d(3, stride=2, padding=1, ceil_mode=True, count_include_pad=False),
        (2, 3, 10),
    ),
    "AvgPool2d-ceil": Case(
        lambda: rt.AvgPool2d(3, stride=2, padding=1, ceil_mode=True),
        lambda: nn.AvgPool2d(3, stride=2, padding=1, ceil_mode=True),
        (2, 3, 10, 10),
    ),
    "AvgPool2d-divisor": Case(
        lambda: rt.AvgPool2d(2, divisor_override=3), lambda: nn.AvgPool2d(2, divisor_override=3), (2, 3, 6, 7)
    ),
    "AdaptiveAvgPool1d": Case(lambda: rt.AdaptiveAvgPool1d(4), lambda: nn.AdaptiveAvgPool1d(4), (2, 3, 10)),
    "AdaptiveAvgPool2d": Case(lambda: rt.AdaptiveAvgPool2d((3, 5)), lambda: nn.AdaptiveAvgPool2d((3, 5)), (2, 3, 7, 11)),
    "AdaptiveAvgPool2d-global": Case(lambda: rt.AdaptiveAvgPool2d(1), lambda: nn.AdaptiveAvgPool2d(1), (2, 3, 5, 6)),
    "BatchNorm1d-2d-input": Case(lambda: rt.BatchNorm1d(), lambda: nn.BatchNorm1d(6), (4, 6)),
    "BatchNorm1d-3d-input": Case(lambda: rt.BatchNorm1d(eps=1e-3), lambda: nn.BatchNorm1d(6, eps=1e-3), (4, 6, 5)),
    "BatchNorm2d": Case(lambda: rt.BatchNorm2d(), lambda: nn.BatchNorm2d(3), (2, 3, 5, 5)),
    "BatchNorm2d-no-affine": Case(lambda: rt.BatchNorm2d(affine=False), lambda: nn.BatchNorm2d(3, affine=False), (2, 3, 5, 5)),
    "BatchNorm2d-stateless": Case(
        lambda: rt.BatchNorm2d(affine=False, track_running_stats=False),
        lambda: nn.BatchNorm2d(3, affine=False, track_running_stats=False),
        (4, 3, 5, 5),
    ),
    "BatchNorm2d-no-running-stats": Case(
        lambda: rt.BatchNorm2d(track_running_stats=False), lambda: nn.BatchNorm2d(3, track_running_stats=False), (4, 3, 5, 5)
    ),
    "LayerNorm": Case(lambda: rt.LayerNorm(), lambda: nn.LayerNorm(8), (2, 5, 8)),
    "LayerNorm-no-affine": Case(
        lambda: rt.LayerNorm(elementwise_affine=False), lambda: nn.LayerNorm(8, elementwise_affine=False), (2, 8)
    ),
    "RMSNorm": Case(lambda: rt.RMSNorm(), lambda: nn.RMSNorm(8), (2, 5, 8)),
    "RMSNorm-eps": Case(lambda: rt.RMSNorm(eps=1e-3), lambda: nn.RMSNorm(8, eps=1e-3), (2, 8)),
    "LocalResponseNorm": Case(lambda: rt.LocalResponseNorm(3), lambda: nn.LocalResponseNorm(3), (2, 7, 4, 4)),
    "LocalResponseNorm-even": Case(
        lambda: rt.LocalResponseNorm(4, alpha=0.1, beta=0.5, k=2.0),
        lambda: nn.LocalResponseNorm(4, alpha=0.1, beta=0.5, k=2.0),
        (2, 5, 6),
    ),
    "GroupNorm": Case(lambda: rt.GroupNorm(2), lambda: nn.GroupNorm(2, 6), (2, 6, 4, 4)),
    "Dropout": Case(lambda: rt.Dropout(0.3), lambda: nn.Dropout(0.3), (2, 5)),
    "Dropout2d": Case(lambda: rt.Dropout2d(), lambda: nn.Dropout2d(), (2, 3, 4, 4)),
    "Flatten": Case(lambda: rt.Flatten(), lambda: nn.Flatten(), (2, 3, 4, 5)),
    "Unflatten": Case(lambda: rt.Unflatten(1, (2, 3)), lambda: nn.Unflatten(1, (2, 3)), (2, 6)),
    "Identity": Case(lambda: rt.Identity(), lambda: nn.Identity(), (2, 6)),
    "Embedding": Case(lambda: rt.Embedding(20, 6), lambda: nn.Embedding(20, 6), (3, 7), indices=20),
    "Embedding-padding": Case(
        lambda: rt.Embedding(20, 6, padding_idx=0), lambda: nn.Embedding(20, 6, padding_idx=0), (3, 7), indices=20
    ),
    "InstanceNorm1d": Case(lambda: rt.InstanceNorm1d(), lambda: nn.InstanceNorm1d(4), (2, 4, 9)),
    "InstanceNorm2d-affine": Case(
        lambda: rt.InstanceNorm2d(affine=True), lambda: nn.InstanceNorm2d(3, affine=True), (2, 3, 5, 4)
    ),
    "InstanceNorm3d-running": Case(
        lambda: rt.InstanceNorm3d(track_running_stats=True),
        lambda: nn.InstanceNorm3d(2, track_running_stats=True),
        (2, 2, 3, 3, 3),
    ),
    "AdaptiveMaxPool1d": Case(lambda: rt.AdaptiveMaxPool1d(4), lambda: nn.AdaptiveMaxPool1d(4), (2, 3, 10)),
    "AdaptiveMaxPool2d": Case(lambda: rt.AdaptiveMaxPool2d((3, None)), lambda: nn.AdaptiveMaxPool2d((3, None)), (2, 3, 7, 5)),
    "AdaptiveMaxPool3d": Case(lambda: rt.AdaptiveMaxPool3d(2), lambda: nn.AdaptiveMaxPool3d(2), (2, 2, 5, 3, 4)),
    "ZeroPad1d": Case(lambda: rt.ZeroPad1d((1, 2)), lambda: nn.ZeroPad1d((1, 2)), (2, 3, 5)),
    "ZeroPad2d": Case(lambda: rt.ZeroPad2d((1, 0, 2, 3)), lambda: nn.ZeroPad2d((1, 0, 2, 3)), (2, 3, 4, 4)),
    "ZeroPad3d": Case(lambda: rt.ZeroPad3d(1), lambda: nn.ZeroPad3d(1), (2, 1, 2, 3, 2)),
    "ConstantPad1d-crop": Case(lambda: rt.ConstantPad1d((2, -1), 3.5), lambda: nn.ConstantPad1d((2, -1), 3.5), (2, 3, 5)),
    "ConstantPad2d": Case(lambda: rt.ConstantPad2d(1, -2.0), lambda: nn.ConstantPad2d(1, -2.0), (2, 3, 4, 4)),
    "ConstantPad3d": Case(
        lambda: rt.ConstantPad3d((1, 0, 0, 1, 1, 0), 1.0), lambda: nn.ConstantPad3d((1, 0, 0, 1, 1, 0), 1.0), (1, 2, 2, 2, 2)
    ),
    "ReflectionPad1d": Case(lambda: rt.ReflectionPad1d(2), lambda: nn.ReflectionPad1d(2), (2, 3, 5)),
    "ReflectionPad2d": Case(lambda: rt.ReflectionPad2d((1, 2, 0, 1)), lambda: nn.ReflectionPad2d((1, 2, 0, 1)), (2, 3, 4, 4)),
    "ReflectionPad3d": Case(lambda: rt.ReflectionPad3d(1), lambda: nn.ReflectionPad3d(1), (1, 2, 3, 3, 3)),
    "ReplicationPad1d": Case(lambda: rt.ReplicationPad1d((3, 1)), lambda: nn.ReplicationPad1d((3, 1)), (2, 3, 5)),
    "ReplicationPad2d": Case(lambda: rt.ReplicationPad2d(2), lambda: nn.ReplicationPad2d(2), (2, 3, 4, 4)),
    "ReplicationPad3d": Case(lambda: rt.ReplicationPad3d(1), lambda: nn.ReplicationPad3d(1), (1, 2, 3, 3, 3)),
    "CircularPad1d": Case(lambda: rt.CircularPad1d(2), lambda: nn.CircularPad1d(2), (2, 3, 5)),
    "CircularPad2d": Case(lambda: rt.CircularPad2d((1, 2, 2, 0)), lambda: nn.CircularPad2d((1, 2, 2, 0)), (2, 3, 4, 4)),
    "CircularPad3d": Case(lambda: rt.CircularPad3d(1), lambda: nn.CircularPad3d(1), (1, 2, 3, 3, 3)),
    "ZeroPad1d-two-dims": Case(lambda: rt.ZeroPad1d((1, 2, 0, 1)), lambda: nn.ZeroPad1d((1, 2, 0, 1)), (2, 3, 5)),
    "ReflectionPad1d-two-dims": Case(
        lambda: rt.ReflectionPad1d((1, 2, 2, 1)), lambda: nn.ReflectionPad1d((1, 2, 2, 1)), (2, 3, 5)
    ),
    "ReplicationPad3d-one-dim": Case(lambda: rt.ReplicationPad3d((1, 3)), lambda: nn.ReplicationPad3d((1, 3)), (2, 3, 5)),
    "PixelShuffle": Case(lambda: rt.PixelShuffle(2), lambda: nn.PixelShuffle(2), (2, 8, 3, 3)),
    "PixelUnshuffle": Case(lambda: rt.PixelUnshuffle(2), lambda: nn.PixelUnshuffle(2), (2, 2, 6, 4)),
    "ChannelShuffle": Case(lambda: rt.ChannelShuffle(3), lambda: nn.ChannelShuffle(3), (2, 6, 2, 2)),
    "FeatureAlphaDropout": Case(lambda: rt.FeatureAlphaDropout(), lambda: nn.FeatureAlphaDropout(), (2, 3, 4)),
    "RReLU": Case(lambda: rt.RReLU(0.1, 0.3), lambda: nn.RReLU(0.1, 0.3), (3, 4, 5)),
    "Threshold": Case(lambda: rt.Threshold(0.5, -1.0), lambda: nn.Threshold(0.5, -1.0), (3, 4, 5)),
    "Hardshrink": Case(lambda: rt.Hardshrink(0.7), lambda: nn.Hardshrink(0.7), (3, 4, 5)),
    "Softshrink": Case(lambda: rt.Softshrink(0.7), lambda: nn.Softshrink(0.7), (3, 4, 5)),
    "GLU": Case(lambda: rt.GLU(1), lambda: nn.GLU(1), (3, 4, 5)),
    "Softmin": Case(lambda: rt.Softmin(dim=2), lambda: nn.Softmin(dim=2), (3, 4, 5)),
    "Softmax2d": Case(lambda: rt.Softmax2d(), lambda: nn.Softmax2d(), (3, 4, 5, 2)),
    "Softmax-implicit-dim": Case(lambda: rt.Softmax(), lambda: nn.Softmax(), (3, 4, 5)),
    "Upsample-nearest": Case(lambda: rt.Upsample(scale_factor=2), lambda: nn.Upsample(scale_factor=2), (2, 3, 4, 5)),
    "Upsample-nearest-size": Case(lambda: rt.Upsample(size=(7, 3)), lambda: nn.Upsample(size=(7, 3)), (2, 3, 4, 5)),
    "Upsample-nearest-exact": Case(
        lambda: rt.Upsample(scale_factor=1.7, mode="nearest-exact"),
        lambda: nn.Upsample(scale_factor=1.7, mode="nearest-exact"),
        (2, 3, 4, 5),
    ),
    "Upsample-linear": Case(
        lambda: rt.Upsample(scale_factor=2.5, mode="linear"),
        lambda: nn.Upsample(scale_factor=2.5, mode="linear"),
        (2, 3, 5),
    ),
    "Upsample-bilinear": Case(
        lambda: rt.Upsample(size=(9, 4), mode="bilinear"), lambda: nn.Upsample(size=(9, 4), mode="bilinear"), (2, 3, 4, 5)
    ),
    "Upsample-bilinear-corners": Case(
        lambda: rt.Upsample(scale_factor=(1.5, 3), mode="bilinear", align_corners=True),
        lambda: nn.Upsample(scale_factor=(1.5, 3), mode="bilinear", align_corners=True),
        (2, 3, 4, 5),
    ),
    "Upsample-trilinear-recompute": Case(
        lambda: rt.Upsample(scale_factor=1.5, mode="trilinear", recompute_scale_factor=True),
        lambda: nn.Upsample(scale_factor=1.5, mode="trilinear", recompute_scale_factor=True),
        (1, 2, 3, 4, 5),
    ),
    "UpsamplingNearest2d": Case(
        lambda: rt.UpsamplingNearest2d(scale_factor=3),
        lambda: nn.UpsamplingNearest2d(scale_factor=3),
        (2, 3, 4, 5),
    ),
    "UpsamplingBilinear2d": Case(
        lambda: rt.UpsamplingBilinear2d(size=(6, 9)),
        lambda: nn.UpsamplingBilinear2d(size=(6, 9)),
        (2, 3, 4, 5),
    ),
    "ReLU": Case(lambda: rt.ReLU(), lambda: nn.ReLU(), (3, 4, 5)),
    "ReLU6": Case(lambda: rt.ReLU6(), lambda: nn.ReLU6(), (3, 4, 5)),
    "LeakyReLU": Case(lambda: rt.LeakyReLU(0.2), lambda: nn.LeakyReLU(0.2), (3, 4, 5)),
    "ELU": Case(lambda: rt.ELU(0.5), lambda: nn.ELU(0.5), (3, 4, 5)),
    "CELU": Case(lambda: rt.CELU(1.5), lambda: nn.CELU(1.5), (3, 4, 5)),
    "SELU": Case(lambda: rt.SELU(), lambda: nn.SELU(), (3, 4, 5)),
    "GELU": Case(lambda: rt.GELU(), lambda: nn.GELU(), (3, 4, 5)),
    "GELU-tanh": Case(lambda: rt.GELU(approximate="tanh"), lambda: nn.GELU(approximate="tanh"), (3, 4, 5)),
    "Sigmoid": Case(lambda: rt.Sigmoid(), lambda: nn.Sigmoid(), (3, 4, 5)),
    "Tanh": Case(lambda: rt.Tanh(), lambda: nn.Tanh(), (3, 4, 5)),
    "SiLU": Case(lambda: rt.SiLU(), lambda: nn.SiLU(), (3, 4, 5)),
    "Mish": Case(lambda: rt.Mish(), lambda: nn.Mish(), (3, 4, 5)),
    "Softplus": Case(lambda: rt.Softplus(beta=2.0, threshold=5.0), lambda: nn.Softplus(beta=2.0, threshold=5.0), (3, 4, 5)),
    "Softsign": Case(lambda: rt.Softsign(), lambda: nn.Softsign(), (3, 4, 5)),
    "Hardtanh": Case(lambda: rt.Hardtanh(-2.0, 1.5), lambda: nn.Hardtanh(-2.0, 1.5), (3, 4, 5)),
    "Hardsigmoid": Case(lambda: rt.Hardsigmoid(), lambda: nn.Hardsigmoid(), (3, 4, 5)),
    "Hardswish": Case(lambda: rt.Hardswish(), lambda: nn.Hardswish(), (3, 4, 5)),
    "Tanhshrink": Case(lambda: rt.Tanhshrink(), lambda: nn.Tanhshrink(), (3, 4, 5)),
    "LogSigmoid": Case(lambda: rt.LogSigmoid(), lambda: nn.LogSigmoid(), (3, 4, 5)),
    "PReLU": Case(lambda: rt.PReLU(), lambda: nn.PReLU(), (3, 4, 5)),
    "PReLU-channels": Case(lambda: rt.PReLU(4, init=0.1), lambda: nn.PReLU(4, init=0.1), (3, 4, 5)),
    "Softmax": Case(lambda: rt.Softmax(dim=1), lambda: nn.Softmax(dim=1), (3, 4, 5)),
    "LogSoftmax": Case(lambda: rt.LogSoftmax(dim=-1), lambda: nn.LogSoftmax(dim=-1), (3, 4, 5)),
    "Bilinear": Case(lambda: rt.Bilinear(4, 3), lambda: nn.Bilinear(5, 4, 3), (2, 6, 5), inputs=((2, 6, 4),)),
    "EmbeddingBag": Case(
        lambda: rt.EmbeddingBag(10, 3, mode="max"), lambda: nn.EmbeddingBag(10, 3, mode="max"), (4, 5), indices=10
    ),
    "RNN": Case(lambda: rt.RNN(4, num_layers=2), lambda: nn.RNN(5, 4, num_layers=2), (6, 3, 5)),
    "LSTM": Case(
        lambda: rt.LSTM(4, bidirectional=True, batch_first=True, proj_size=2),
        lambda: nn.LSTM(5, 4, bidirectional=True, batch_first=True, proj_size=2),
        (3, 6, 5),
    ),
    "GRU": Case(lambda: rt.GRU(4, bias=False), lambda: nn.GRU(5, 4, bias=False), (6, 3, 5)),
    "RNNCell": Case(lambda: rt.RNNCell(4, nonlinearity="relu"), lambda: nn.RNNCell(5, 4, nonlinearity="relu"), (3, 5)),
    "LSTMCell": Case(lambda: rt.LSTMCell(4), lambda: nn.LSTMCell(5, 4), (3, 5)),
    "GRUCell": Case(lambda: rt.GRUCell(4, bias=False), lambda: nn.GRUCell(5, 4, bias=False), (3, 5), inputs=((3, 4),)),
    "MultiheadAttention": Case(
        lambda: rt.MultiheadAttention(2), lambda: nn.MultiheadAttention(8, 2), (5, 3, 8), inputs=((4, 3, 8), (4, 3, 8))
    ),
    "TransformerEncoderLayer": Case(
        lambda: rt.TransformerEncoderLayer(2, dim_feedforward=16), lambda: nn.TransformerEncoderLayer(8, 2, 16), (5, 3, 8)
    ),
    "TransformerDecoderLayer": Case(
        lambda: rt.TransformerDecoderLayer(2, dim_feedforward=16, norm_first=True, activation="gelu"),
        lambda: nn.TransformerDecoderLayer(8, 2, 16, norm_first=True, activation="gelu"),
        (5, 3, 8),
        inputs=((4, 3, 8),),
    ),
    "TransformerEncoder": Case(
        lambda: rt.TransformerEncoder(rt.TransformerEncoderLayer(2, dim_feedforward=16), 2, norm=rt.LayerNorm()),
        lambda: nn.TransformerEncoder(nn.TransformerEncoderLayer(8, 2, 16), 2, norm=nn.LayerNorm(8)),
        (5, 3, 8),
    ),
    "Transformer": Case(
        lambda: rt.Transformer(8, 2, 2, 1, dim_feedforward=16, batch_first=True),
        lambda: nn.Transformer(8, 2, 2, 1, dim_feedforward=16, batch_first=True),
        (3, 5, 8),
        inputs=((3, 4, 8),),
    ),
    "LazyLinear": Case(lambda: rt.LazyLinear(7), lambda: nn.Linear(5, 7), (4, 5)),
    "LazyConv1d": Case(lambda: rt.LazyConv1d(4, 3), lambda: nn.Conv1d(2, 4, 3), (2, 2, 9)),
    "LazyConv2d": Case(lambda: rt.LazyConv2d(4, 3, padding=1), lambda: nn.Conv2d(2, 4, 3, padding=1), (2, 2, 6, 5)),
    "LazyConv3d": Case(lambda: rt.LazyConv3d(3, 2), lambda: nn.Conv3d(2, 3, 2), (2, 2, 4, 3, 4)),
    "LazyConvTranspose1d": Case(
        lambda: rt.LazyConvTranspose1d(3, 3, stride=2), lambda: nn.ConvTranspose1d(2, 3, 3, stride=2), (2, 2, 5)
    ),
    "LazyConvTranspose2d": Case(lambda: rt.LazyConvTranspose2d(3, 2), lambda: nn.ConvTranspose2d(2, 3, 2), (2, 2, 4, 3)),
    "LazyConvTranspose3d": Case(
        lambda: rt.LazyConvTranspose3d(2, 2), lambda: nn.ConvTranspose3d(3, 2, 2), (2, 3, 3, 2, 3)
    ),
    "LazyBatchNorm1d": Case(lambda: rt.LazyBatchNorm1d(), lambda: nn.BatchNorm1d(4), (3, 4, 5)),
    "LazyBatchNorm2d": Case(lambda: rt.LazyBatchNorm2d(), lambda: nn.BatchNorm2d(4), (3, 4, 2, 5)),
    "LazyBatchNorm3d": Case(lambda: rt.LazyBatchNorm3d(affine=False), lambda: nn.BatchNorm3d(4, affine=False), (2, 4, 2, 3, 2)),
    "LazyInstanceNorm1d": Case(
        lambda: rt.LazyInstanceNorm1d(), lambda: nn.InstanceNorm1d(4, affine=True, track_running_stats=True), (3, 4, 5)
    ),
    "LazyInstanceNorm2d": Case(
        lambda: rt.LazyInstanceNorm2d(track_running_stats=False),
        lambda: nn.InstanceNorm2d(4, affine=True),
        (3, 4, 3, 5),
    ),
    "LazyInstanceNorm3d": Case(
        lambda: rt.LazyInstanceNorm3d(), lambda: nn.InstanceNorm3d(2, affine=True, track_running_stats=True), (2, 2, 3, 2, 3)
    ),
}


@pytest.mark.filterwarnings("ignore:Implicit dimension choice for softmax")
@pytest.mark.filterwarnings("ignore:enable_nested_tensor is True")
@pytest.mark.parametrize("name", sorted(CASES))
def test_layer_matches_torch(name: str) -> None:
    case = CASES[name]
    if case.inputs:
        _matches_alone(case)
        return
    reference = nn.Sequential(case.reference()).double()
    randomize(reference)
    if case.indices is None:
        x = sample(case.shape) * 3
        dtype = None
    else:
        x = np.random.default_rng(2).integers(0, case.indices, case.shape)
        dtype = "int"
    model = rt.Sequential(case.runtime(), input_shape=case.shape[1:], input_dtype=dtype, dtype=np.float64)
    assert_matches(model, reference, x)


def _matches_alone(case: Case) -> None:
    """A layer of several inputs, which no Sequential can hold, built from its first input and run on all."""
    reference = case.reference().double()
    randomize(reference)
    model = case.runtime()
    model.build(Shape((BATCH, *case.shape[1:])), np.random.default_rng(0), np.dtype(np.float64))
    inputs = tuple(sample(shape, seed=seed) for seed, shape in enumerate(case.inputs, start=3))
    assert_matches(model, reference, sample(case.shape), inputs=inputs)


@pytest.mark.parametrize("name", ["Conv2d", "ConvTranspose2d", "BatchNorm2d", "MaxPool2d-dilated-ceil", "AvgPool2d-ceil"])
def test_layer_matches_torch_in_float32(name: str) -> None:
    case = CASES[name]
    reference = nn.Sequential(case.reference())
    randomize(reference)
    model = rt.Sequential(case.runtime(), input_shape=case.shape[1:])
    assert_matches(model, reference, sample(case.shape, np.float32))


def test_every_runtime_layer_has_a_case() -> None:
    exported = {name for name in rt.__all__ if isinstance(getattr(rt, name), type) and issubclass(getattr(rt, name), rt.Layer)}
    covered = {name.split("-")[0] for name in CASES}
    assert exported - covered == {"Layer"}


def test_every_catalog_kind_has_a_runtime_layer() -> None:
    """A kind added to the catalog without a runtime layer fails here."""
    layers = {name for name in rt.__all__ if isinstance(getattr(rt, name), type) and issubclass(getattr(rt, name), rt.Layer)}
    assert set(CATALOG) - layers == set()


def test_every_runtime_layer_is_a_catalog_kind() -> None:
    exported = {name for name in rt.__all__ if isinstance(getattr(rt, name), type) and issubclass(getattr(rt, name), rt.Layer)}
    assert exported - set(CATALOG) == {"Layer"}


@pytest.mark.parametrize("name", ["Conv2d", "ConvTranspose2d", "MaxPool2d", "AvgPool2d-ceil", "ZeroPad2d", "Conv1d"])
def test_unbatched_input_matches_torch(name: str) -> None:
    case = CASES[name]
    reference = nn.Sequential(case.reference()).double()
    randomize(reference)
    model = rt.Sequential(case.runtime(), input_shape=case.shape[1:], dtype=np.float64)
    assert_matches(model, reference, sample(case.shape[1:]))


UNSIZED = {"BatchNorm2d-stateless", "InstanceNorm1d"}
"""Norms without tensors, whose input size the shape rules leave unknown and torch still requires."""


@pytest.mark.filterwarnings("ignore:Implicit dimension choice for softmax")
@pytest.mark.parametrize("name", sorted(CASES))
def test_to_torch_is_the_reference_layer_with_the_runtimes_weights(name: str) -> None:
    """``to_torch()`` is generic over catalog kinds: ``nn.<kind>`` with the completed arguments, as torch prints it."""
    case = CASES[name]
    if case.inputs:
        _converted_alone(case)
        return
    dtype = None if case.indices is None else "int"
    model = rt.Sequential(case.runtime(), input_shape=case.shape[1:], input_dtype=dtype, dtype=np.float64, rng=0)
    if name in UNSIZED:
        with pytest.raises(NotImplementedError, match="num_features is not known; give num_features= explicitly"):
            model.to_torch()
        return
    converted = model.to_torch()
    assert repr(converted) == repr(nn.Sequential(case.reference()))
    assert all(value.dtype == torch.float64 for value in converted.state_dict().values() if value.is_floating_point())
    x = sample(case.shape) if case.indices is None else np.random.default_rng(2).integers(0, case.indices, case.shape)
    with torch.no_grad():
        expected = converted(torch.from_numpy(x))
    _assert_same_outputs(model(x), expected, 1e-5)


def _converted_alone(case: Case) -> None:
    """A layer of several inputs, which no Sequential holds, converted alone and called as its torch forward."""
    arrays = [sample(shape, np.float32, seed) for seed, shape in enumerate((case.shape, *case.inputs), 1)]
    layer = case.runtime()
    actual = layer(*arrays)
    converted = layer.to_torch()
    assert repr(converted) == repr(case.reference())
    with torch.no_grad():
        expected = converted(*map(torch.from_numpy, arrays))
    _assert_same_outputs(actual, expected, 1e-4)


def _assert_same_outputs(actual: object, expected: object, tolerance: float) -> None:
    """Arrays, or torch's tuples of them (an LSTM's ``(output, (h, c))``, attention's ``(output, weights)``)."""
    if isinstance(expected, tuple):
        assert isinstance(actual, tuple) and len(actual) == len(expected)
        for got, wanted in zip(actual, expected):
            _assert_same_outputs(got, wanted, tolerance)
    elif expected is None:
        assert actual is None
    else:
        np.testing.assert_allclose(actual, expected.numpy(), rtol=tolerance, atol=tolerance)
