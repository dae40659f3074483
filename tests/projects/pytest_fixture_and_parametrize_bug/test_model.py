"""The project's pytest tests: a fixture builds the encoder for grayscale images, and a parametrized test feeds the
head signals of each listed channel count.  Both are wrong: the tests feed RGB images, and the head is built for 4
channels only."""

import pytest
import torch

from model import Encoder, SignalHead


@pytest.fixture
def encoder():
    return Encoder(in_channels=1)  # expect: SHP002


def test_logits_shape(encoder):
    encoder.eval()
    assert encoder(torch.randn(2, 3, 32, 32)).shape == (2, 10)


@pytest.mark.parametrize("channels, length", [(4, 16), (6, 20)])
def test_head_keeps_length(channels, length):
    assert SignalHead()(torch.randn(2, channels, length)).shape[-1] == length - 2
