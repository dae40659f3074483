"""shapelint.runtime: numpy layers whose input sizes come from propagated shapes.

``Sequential(Conv2d(6, 5), ReLU(), Flatten(), Linear(10), input_shape=(1, 28, 28))``
takes every ``in_channels``/``in_features`` from the shape rules of
:mod:`shapelint.catalog`, the same rules the linter checks models with.
"""

from shapelint.catalog import ShapeError
from shapelint.runtime.activation import (
    CELU,
    ELU,
    GELU,
    SELU,
    Hardsigmoid,
    Hardswish,
    Hardtanh,
    LeakyReLU,
    LogSigmoid,
    LogSoftmax,
    Mish,
    PReLU,
    ReLU,
    ReLU6,
    Sigmoid,
    SiLU,
    Softmax,
    Softplus,
    Softsign,
    Tanh,
    Tanhshrink,
)
from shapelint.runtime.basic import (
    AlphaDropout,
    Dropout,
    Dropout1d,
    Dropout2d,
    Dropout3d,
    Embedding,
    Flatten,
    Identity,
    Linear,
    Unflatten,
)
from shapelint.runtime.conv import Conv1d, Conv2d, Conv3d, ConvTranspose1d, ConvTranspose2d, ConvTranspose3d
from shapelint.runtime.layer import Layer
from shapelint.runtime.module import Module
from shapelint.runtime.norm import BatchNorm1d, BatchNorm2d, BatchNorm3d, GroupNorm, LayerNorm, RMSNorm
from shapelint.runtime.pool import (
    AdaptiveAvgPool1d,
    AdaptiveAvgPool2d,
    AdaptiveAvgPool3d,
    AvgPool1d,
    AvgPool2d,
    AvgPool3d,
    MaxPool1d,
    MaxPool2d,
    MaxPool3d,
)
from shapelint.runtime.sequential import Sequential
from shapelint.runtime.state import StateDictError

__all__ = [
    "CELU", "ELU", "GELU", "SELU", "AdaptiveAvgPool1d", "AdaptiveAvgPool2d", "AdaptiveAvgPool3d",
    "AlphaDropout", "AvgPool1d", "AvgPool2d", "AvgPool3d", "BatchNorm1d", "BatchNorm2d", "BatchNorm3d",
    "Conv1d", "Conv2d", "Conv3d", "ConvTranspose1d", "ConvTranspose2d", "ConvTranspose3d", "Dropout",
    "Dropout1d", "Dropout2d", "Dropout3d", "Embedding", "Flatten", "GroupNorm", "Hardsigmoid", "Hardswish",
    "Hardtanh", "Identity", "Layer", "LayerNorm", "LeakyReLU", "Linear", "LogSigmoid", "LogSoftmax",
    "MaxPool1d", "MaxPool2d", "MaxPool3d", "Mish", "Module", "PReLU", "RMSNorm", "ReLU", "ReLU6", "SELU", "Sequential",
    "ShapeError", "SiLU", "Sigmoid", "Softmax", "Softplus", "Softsign", "StateDictError", "Tanh",
    "Tanhshrink", "Unflatten",
]
