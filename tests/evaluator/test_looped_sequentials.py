"""A Sequential a ``forward`` goes through layer by layer is a container, not a chain: a DenseNet block (d2l's)
concatenates each layer's output to its input, so each layer takes more channels than the one before gives.  It was
run as a chain on an unknown input, and every layer after the first was a false finding."""

from __future__ import annotations

import pytest
import torch

from shapelint.lint import lint_source

_DENSE = """\
import torch
import torch.nn as nn


def conv_block(input_channels, num_channels):
    layers = []
    layers.append(nn.BatchNorm2d(input_channels))
    layers.append(nn.ReLU())
    layers.append(nn.Conv2d(input_channels, num_channels, kernel_size=3, padding=1))
    return nn.Sequential(*layers)


class DenseBlock(nn.Module):
    def __init__(self, num_convs, input_channels, num_channels):
        super().__init__()
        layer = []
        for i in range(num_convs):
            layer.append(conv_block(num_channels * i + input_channels, num_channels))
        self.net = nn.Sequential(*layer)

    def forward(self, X):
        {loop}
        return X


blk = DenseBlock(2, 3, 10)
{call}
"""
_LOOPS = {
    "for": "for blk in self.net:\n            X = torch.cat((X, blk(X)), dim=1)",
    "enumerate": "for _, blk in enumerate(self.net):\n            X = torch.cat((X, blk(X)), dim=1)",
}
_CALLS = {"called": "Y = blk(torch.randn(4, 3, 8, 8))", "never called": ""}


@pytest.mark.parametrize("call", sorted(_CALLS))
@pytest.mark.parametrize("loop", sorted(_LOOPS))
def test_a_dense_block_is_not_chained(loop: str, call: str) -> None:
    source = _DENSE.format(loop=_LOOPS[loop], call=_CALLS[call])
    namespace: dict[str, object] = {}
    exec(source, namespace)
    assert tuple(namespace["blk"](torch.randn(4, 3, 8, 8)).shape) == (4, 23, 8, 8)  # type: ignore[operator]
    assert lint_source(source) == []


def test_a_chain_written_as_a_loop_is_still_checked_on_its_input() -> None:
    source = """\
import torch
import torch.nn as nn


class Stack(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(), nn.Conv2d(16, 8, 3, padding=1))

    def forward(self, x):
        for layer in self.net:
            x = layer(x)
        return x


out = Stack()(torch.randn(2, 3, 8, 8))
"""
    with pytest.raises(RuntimeError, match="channels"):
        exec(source, {})
    assert [d.code for d in lint_source(source)] == ["SHP002"]


def test_layers_handed_out_one_by_one_are_not_chained() -> None:
    """d2l's word2vec keeps its two embeddings in one Sequential and hands ``net[0]`` and ``net[1]`` to the
    function that applies them; chained, the second embedding took the first one's float vectors as indices."""
    source = """\
import torch
import torch.nn as nn

net = nn.Sequential(nn.Embedding(num_embeddings=50, embedding_dim=8), nn.Embedding(num_embeddings=50, embedding_dim=8))


def skip_gram(center, contexts_and_negatives, embed_v, embed_u):
    v = embed_v(center)
    u = embed_u(contexts_and_negatives)
    return torch.bmm(v, u.permute(0, 2, 1))


def train(net, batches):
    for center, context in batches:
        pred = skip_gram(center, context, net[0], net[1])
    return pred


if __name__ == "__main__":
    train(net, load_data_ptb(batch_size=4))  # the notebook's data: unknown to the linter
"""
    namespace: dict[str, object] = {}
    exec(source, namespace)
    batches = [(torch.randint(0, 50, (4, 1)), torch.randint(0, 50, (4, 6)))]
    assert tuple(namespace["train"](namespace["net"], batches).shape) == (4, 1, 6)  # type: ignore[operator]
    assert lint_source(source) == []
