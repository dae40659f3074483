"""The project's pytest tests: one fixture builds the encoder for grayscale images and yields it, another makes
the RGB images the test feeds it, and a parametrized test feeds the head signals of each listed channel count, while
the head is built for 4 channels only."""

import pytest
import torch

from model import Encoder, SignalHead


@pytest.fixture
def encoder():
    model = Encoder(in_channels=1)  # expect: SHP002
    model.eval()
    yield model
    model.train()


@pytest.fixture
def images():
    return torch.randn(2, 3, 32, 32)


def test_logits_shape(encoder, images):
    assert encoder(images).shape == (2, 10)


@pytest.mark.parametrize("channels, length", [(4, 16), (6, 20)])
def test_head_keeps_length(channels, length):
    assert SignalHead()(torch.randn(2, channels, length)).shape[-1] == length - 2


@pytest.mark.parametrize("shape", [(8,), pytest.param((16,), id="wide")])
def test_projection(shape):
    assert torch.nn.Linear(8, 4)(torch.randn(2, *shape)).shape == (2, 4)  # expect: SHP001
