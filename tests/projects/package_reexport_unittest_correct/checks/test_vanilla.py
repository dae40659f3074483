"""The package's unit test imports the model from the package, builds it in setUp and feeds it in a test."""

import unittest

import torch

from models import Vanilla


class TestVanilla(unittest.TestCase):
    def setUp(self):
        self.model = Vanilla(3, 10)

    def test_forward(self):
        out = self.model(torch.randn(8, 3, 16, 16))
        self.assertEqual(out.shape, (8, 10))


def check():
    Vanilla(3, 10)(torch.randn(8, 3, 16, 16))
