"""The project's pytest tests: a fixture builds the encoder for the RGB images the test feeds it, and a parametrized
test feeds the head 4-channel signals of each listed length."""

import pytest
import torch

from model import Encoder, SignalHead


@pytest.fixture
def encoder():
    return Encoder(in_channels=3)


def test_logits_shape(encoder):
    encoder.eval()
    assert encoder(torch.randn(2, 3, 32, 32)).shape == (2, 10)


@pytest.mark.parametrize("channels, length", [(4, 16), (4, 20)])
def test_head_keeps_length(channels, length):
    assert SignalHead()(torch.randn(2, channels, length)).shape[-1] == length - 2
