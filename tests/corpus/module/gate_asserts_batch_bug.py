"""Stochastic gates in the style of captum's: a helper asserts the input has a batch dimension before the sampled
gates are reshaped to it, and a unittest test feeds a 1-D tensor inside assertRaises(AssertionError). The head
after the gates is sized for one feature too many: found on the batch the first test feeds, and nothing is
reported of the 1-D input, which torch stops at the helper's assert."""
import unittest

import torch
import torch.nn as nn


class StochasticGates(nn.Module):
    def __init__(self, n_gates, temperature=2.0 / 3, eps=1e-6):
        super().__init__()
        self.n_gates = n_gates
        self.log_alpha = nn.Parameter(torch.zeros(n_gates))
        self.temperature = temperature
        self.eps = eps

    def forward(self, x):
        n_ele = self._numel_of_input(x)
        assert n_ele == self.n_gates, f"each example should have {self.n_gates} elements, got {n_ele}"
        batch_size = x.size()[0]
        gates = self._sample_gate_values(batch_size)
        gates = gates.reshape(x.size())
        return x * gates

    def _numel_of_input(self, x):
        assert x.dim() > 1, f"the first dimension is the batch; got shape {x.size()}"
        return x[0].numel()

    def _sample_gate_values(self, batch_size):
        if self.training:
            u = torch.empty(batch_size, self.n_gates)
            u.uniform_(self.eps, 1 - self.eps)
            s = torch.sigmoid((torch.logit(u) + self.log_alpha) / self.temperature)
        else:
            s = torch.sigmoid(self.log_alpha).expand(batch_size, self.n_gates)
        return torch.clamp(s, min=0, max=1)


class GatedClassifier(nn.Module):
    def __init__(self, n_features, n_classes):
        super().__init__()
        self.gates = StochasticGates(n_features)
        self.head = nn.Linear(n_features + 1, n_classes)  # expect: SHP001

    def forward(self, x):
        return self.head(self.gates(x))


class TestGates(unittest.TestCase):
    def test_forward(self):
        model = GatedClassifier(3, 2)
        out = model(torch.randn(4, 3))
        self.assertEqual(tuple(out.shape), (4, 2))

    def test_1d_input_error(self):
        model = GatedClassifier(3, 2)
        with self.assertRaises(AssertionError):
            model(torch.tensor([0.0, 0.1, 0.2]))


def check() -> None:
    """Both tests' bodies: a batch goes through, and the 1-D tensor fails the gate's assert, not the reshape."""
    model = GatedClassifier(3, 2)
    model(torch.randn(4, 3))
    try:
        model(torch.tensor([0.0, 0.1, 0.2]))
    except AssertionError as error:
        assert "first dimension is the batch" in str(error)
    else:
        raise SystemExit("the 1-D input passed the gate's assert")
