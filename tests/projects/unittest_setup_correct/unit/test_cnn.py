"""The project's unittest: the model is built in setUp and called in a test method."""

import unittest

import torch

from nets.cnn import SmallCNN


class TestSmallCNN(unittest.TestCase):
    def setUp(self):
        self.model = SmallCNN(3)

    def test_forward(self):
        out = self.model(torch.randn(4, 3, 32, 32))
        self.assertEqual(out.shape, (4, 10))


def check():
    SmallCNN(3)(torch.randn(4, 3, 32, 32))
