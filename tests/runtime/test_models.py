"""Whole models built from hyperparameters only load torch's weights and give torch's outputs."""

from __future__ import annotations

import numpy as np
import shapelint.runtime as rt
from torch import nn

from tests.runtime.helpers import assert_matches, randomize, sample


def test_lenet5() -> None:
    model = rt.Sequential(
        rt.Conv2d(6, 5, padding=2), rt.Tanh(), rt.AvgPool2d(2),
        rt.Conv2d(16, 5), rt.Tanh(), rt.AvgPool2d(2),
        rt.Flatten(), rt.Linear(120), rt.Tanh(), rt.Linear(84), rt.Tanh(), rt.Linear(10),
        input_shape=(1, 28, 28),
    )
    reference = nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.Tanh(), nn.AvgPool2d(2),
        nn.Conv2d(6, 16, 5), nn.Tanh(), nn.AvgPool2d(2),
        nn.Flatten(), nn.Linear(16 * 5 * 5, 120), nn.Tanh(), nn.Linear(120, 84), nn.Tanh(), nn.Linear(84, 10),
    )
    assert model.output_shape == (10,)
    assert_matches(model, reference, sample((8, 1, 28, 28), np.float32))


def test_mlp() -> None:
    model = rt.Sequential(
        rt.Flatten(), rt.Linear(256), rt.ReLU(), rt.Dropout(0.5), rt.Linear(128), rt.GELU(), rt.Linear(10), rt.LogSoftmax(dim=1),
        input_shape=(28, 28),
    )
    reference = nn.Sequential(
        nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Dropout(0.5), nn.Linear(256, 128), nn.GELU(), nn.Linear(128, 10),
        nn.LogSoftmax(dim=1),
    )
    assert_matches(model, reference, sample((16, 28, 28), np.float32))


def _vgg_block(width: int) -> rt.Sequential:
    return rt.Sequential(
        rt.Conv2d(width, 3, padding=1), rt.BatchNorm2d(), rt.ReLU(),
        rt.Conv2d(width, 3, padding=1), rt.BatchNorm2d(), rt.ReLU(),
        rt.MaxPool2d(2),
    )


def _torch_vgg_block(width_in: int, width: int) -> nn.Sequential:
    return nn.Sequential(
        nn.Conv2d(width_in, width, 3, padding=1), nn.BatchNorm2d(width), nn.ReLU(),
        nn.Conv2d(width, width, 3, padding=1), nn.BatchNorm2d(width), nn.ReLU(),
        nn.MaxPool2d(2),
    )


def test_vgg_blocks_with_batchnorm_nested() -> None:
    model = rt.Sequential(
        _vgg_block(16), _vgg_block(32), rt.AdaptiveAvgPool2d(1), rt.Flatten(), rt.Linear(10), input_shape=(3, 32, 32)
    )
    reference = nn.Sequential(
        _torch_vgg_block(3, 16), _torch_vgg_block(16, 32), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(32, 10)
    )
    randomize(reference)
    assert list(model.state_dict()) == list(reference.state_dict())
    assert_matches(model, reference, sample((4, 3, 32, 32), np.float32))


def test_conv1d_net() -> None:
    model = rt.Sequential(
        rt.Conv1d(16, 7, stride=2, padding=3), rt.BatchNorm1d(), rt.ReLU(), rt.MaxPool1d(3, stride=2, padding=1),
        rt.Conv1d(32, 5, padding=2, groups=4), rt.GroupNorm(4), rt.SiLU(), rt.AvgPool1d(2),
        rt.Conv1d(32, 3, dilation=2), rt.ReLU(), rt.AdaptiveAvgPool1d(1), rt.Flatten(), rt.Linear(5),
        input_shape=(2, 400),
    )
    reference = nn.Sequential(
        nn.Conv1d(2, 16, 7, stride=2, padding=3), nn.BatchNorm1d(16), nn.ReLU(), nn.MaxPool1d(3, stride=2, padding=1),
        nn.Conv1d(16, 32, 5, padding=2, groups=4), nn.GroupNorm(4, 32), nn.SiLU(), nn.AvgPool1d(2),
        nn.Conv1d(32, 32, 3, dilation=2), nn.ReLU(), nn.AdaptiveAvgPool1d(1), nn.Flatten(), nn.Linear(32, 5),
    )
    randomize(reference)
    assert_matches(model, reference, sample((4, 2, 400), np.float32))


def test_convtranspose_decoder() -> None:
    model = rt.Sequential(
        rt.Linear(32 * 7 * 7), rt.ReLU(), rt.Unflatten(1, (32, 7, 7)),
        rt.ConvTranspose2d(16, 4, stride=2, padding=1), rt.BatchNorm2d(), rt.LeakyReLU(0.2),
        rt.ConvTranspose2d(8, 3, stride=2, padding=1, output_padding=1), rt.ReLU(),
        rt.Conv2d(1, 3, padding=1), rt.Sigmoid(),
        input_shape=(20,),
    )
    reference = nn.Sequential(
        nn.Linear(20, 32 * 7 * 7), nn.ReLU(), nn.Unflatten(1, (32, 7, 7)),
        nn.ConvTranspose2d(32, 16, 4, stride=2, padding=1), nn.BatchNorm2d(16), nn.LeakyReLU(0.2),
        nn.ConvTranspose2d(16, 8, 3, stride=2, padding=1, output_padding=1), nn.ReLU(),
        nn.Conv2d(8, 1, 3, padding=1), nn.Sigmoid(),
    )
    randomize(reference)
    assert model.output_shape == (1, 28, 28)
    assert_matches(model, reference, sample((4, 20), np.float32))


def test_embedding_text_classifier() -> None:
    model = rt.Sequential(
        rt.Embedding(1000, 64), rt.LayerNorm(), rt.Flatten(), rt.Linear(4), input_shape=(12,), input_dtype="int"
    )
    reference = nn.Sequential(nn.Embedding(1000, 64), nn.LayerNorm(64), nn.Flatten(), nn.Linear(12 * 64, 4))
    randomize(reference)
    assert_matches(model, reference, np.random.default_rng(0).integers(0, 1000, (5, 12)))
