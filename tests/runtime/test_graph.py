"""Graph models (ResNet-18, a U-Net, a transformer encoder block) match torch modules written by hand.

The runtime's modules are numbered in the order they are first called, the torch reference's in the order
they are registered; both are written in the same order, so the weights pair up key by key.
"""

from __future__ import annotations

import contextlib
import io
import math
import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import shapelint.runtime as rt
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from shapelint.lint import lint_source
from tests.budget import examples
from tests.runtime.helpers import randomize, sample, torch_state


def _load_in_order(model: rt.Model, reference: nn.Module) -> None:
    """Torch's weights into ``model``, paired by position: the same architecture written in the same order."""
    state = torch_state(reference)
    assert [value.shape for value in state.values()] == [value.shape for value in model.state_dict().values()]
    model.load_state_dict(dict(zip(model.state_dict(), state.values())))


def _randomized(reference: nn.Module) -> nn.Module:
    """:func:`randomize`, with each weight matrix scaled by ``1/sqrt(fan_in)``: values stay near 1 however deep."""
    randomize(reference)
    with torch.no_grad():
        for tensor in reference.parameters():
            if tensor.dim() > 1:
                tensor.mul_(1 / math.sqrt(tensor[0].numel()))
    return reference


def _assert_matches(model: rt.Model, reference: nn.Module, *inputs: np.ndarray) -> None:
    reference.eval()
    _load_in_order(model, reference)
    with torch.no_grad():
        expected = reference(*(torch.from_numpy(x) for x in inputs)).numpy()
    actual = model(*inputs)
    assert isinstance(actual, np.ndarray) and actual.shape == expected.shape and actual.dtype == expected.dtype
    np.testing.assert_allclose(actual, expected, rtol=1e-5, atol=1e-5)


def _basic_block(x: rt.SymbolicTensor, width: int, stride: int) -> rt.SymbolicTensor:
    y = rt.ReLU()(rt.BatchNorm2d()(rt.Conv2d(width, 3, stride=stride, padding=1, bias=False)(x)))
    y = rt.BatchNorm2d()(rt.Conv2d(width, 3, padding=1, bias=False)(y))
    if stride != 1 or x.shape[1] != width:
        x = rt.BatchNorm2d()(rt.Conv2d(width, 1, stride=stride, bias=False)(x))
    return rt.ReLU()(x + y)


def resnet18(shape: tuple[int, int, int], classes: int = 10) -> rt.Model:
    x = rt.Input(shape)
    y = rt.ReLU()(rt.BatchNorm2d()(rt.Conv2d(64, 7, stride=2, padding=3, bias=False)(x)))
    y = rt.MaxPool2d(3, stride=2, padding=1)(y)
    for width, stride in ((64, 1), (128, 2), (256, 2), (512, 2)):
        y = _basic_block(_basic_block(y, width, stride), width, 1)
    y = rt.Flatten()(rt.AdaptiveAvgPool2d(1)(y))
    return rt.Model(x, rt.Linear(classes)(y), rng=0)


class TorchBlock(nn.Module):
    def __init__(self, inplanes: int, width: int, stride: int) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(inplanes, width, 3, stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(width)
        self.conv2 = nn.Conv2d(width, width, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(width)
        self.downsample = None
        if stride != 1 or inplanes != width:
            self.downsample = nn.Sequential(
                nn.Conv2d(inplanes, width, 1, stride=stride, bias=False), nn.BatchNorm2d(width)
            )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = self.bn2(self.conv2(torch.relu(self.bn1(self.conv1(x)))))
        return torch.relu((x if self.downsample is None else self.downsample(x)) + y)


class TorchResNet18(nn.Module):
    def __init__(self, classes: int = 10) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(3, 64, 7, stride=2, padding=3, bias=False)
        self.bn1 = nn.BatchNorm2d(64)
        blocks, inplanes = [], 64
        for width, stride in ((64, 1), (128, 2), (256, 2), (512, 2)):
            blocks += [TorchBlock(inplanes, width, stride), TorchBlock(width, width, 1)]
            inplanes = width
        self.blocks = nn.Sequential(*blocks)
        self.fc = nn.Linear(512, classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = nn.functional.max_pool2d(torch.relu(self.bn1(self.conv1(x))), 3, stride=2, padding=1)
        return self.fc(torch.flatten(nn.functional.adaptive_avg_pool2d(self.blocks(y), 1), 1))


def _double_conv(x: rt.SymbolicTensor, width: int) -> rt.SymbolicTensor:
    for _ in range(2):
        x = rt.ReLU()(rt.BatchNorm2d()(rt.Conv2d(width, 3, padding=1)(x)))
    return x


def unet(shape: tuple[int, int, int] = (1, 32, 32), widths: tuple[int, ...] = (8, 16, 32)) -> rt.Model:
    x = rt.Input(shape)
    skips, y = [], x
    for width in widths[:-1]:
        y = _double_conv(y, width)
        skips.append(y)
        y = rt.MaxPool2d(2)(y)
    y = _double_conv(y, widths[-1])
    for width, skip in zip(reversed(widths[:-1]), reversed(skips)):
        y = _double_conv(rt.Cat(dim=1)(rt.ConvTranspose2d(width, 2, stride=2)(y), skip), width)
    return rt.Model(x, rt.Conv2d(2, 1)(y), rng=0)


def _torch_double_conv(inputs: int, width: int) -> nn.Sequential:
    return nn.Sequential(
        nn.Conv2d(inputs, width, 3, padding=1), nn.BatchNorm2d(width), nn.ReLU(),
        nn.Conv2d(width, width, 3, padding=1), nn.BatchNorm2d(width), nn.ReLU(),
    )  # fmt: skip


class TorchUNet(nn.Module):
    def __init__(self, channels: int = 1, widths: tuple[int, ...] = (8, 16, 32)) -> None:
        super().__init__()
        self.down = nn.ModuleList()
        for width in widths[:-1]:
            self.down.append(_torch_double_conv(channels, width))
            channels = width
        self.bottom = _torch_double_conv(channels, widths[-1])
        self.up = nn.ModuleList()
        channels = widths[-1]
        for width in reversed(widths[:-1]):
            self.up.append(nn.ConvTranspose2d(channels, width, 2, stride=2))
            self.up.append(_torch_double_conv(2 * width, width))
            channels = width
        self.head = nn.Conv2d(channels, 2, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        skips = []
        for block in self.down:
            x = block(x)
            skips.append(x)
            x = nn.functional.max_pool2d(x, 2)
        x = self.bottom(x)
        for index, skip in enumerate(reversed(skips)):
            x = self.up[2 * index + 1](torch.cat([self.up[2 * index](x), skip], dim=1))
        return self.head(x)


def encoder_block(tokens: int = 10, width: int = 16, heads: int = 2) -> rt.Model:
    """Post-norm self-attention and a GELU feed-forward, from Linear, matmul, softmax and LayerNorm nodes."""
    head = width // heads
    x = rt.Input((tokens, width))
    q, k, v = (rt.Permute(0, 2, 1, 3)(rt.Reshape(tokens, heads, head)(rt.Linear(width)(x))) for _ in range(3))
    scores = (q @ rt.Transpose(2, 3)(k)) * (1 / math.sqrt(head))
    context = rt.Softmax(dim=-1)(scores) @ v
    attended = rt.Linear(width)(rt.Reshape(tokens, width)(rt.Permute(0, 2, 1, 3)(context)))
    h = rt.LayerNorm()(x + attended)
    out = rt.LayerNorm()(h + rt.Linear(width)(rt.GELU()(rt.Linear(4 * width)(h))))
    return rt.Model(x, out, rng=0)


class TorchEncoderBlock(nn.Module):
    def __init__(self, width: int = 16, heads: int = 2) -> None:
        super().__init__()
        self.heads = heads
        self.q, self.k, self.v, self.o = (nn.Linear(width, width) for _ in range(4))
        self.norm1 = nn.LayerNorm(width)
        self.ff1, self.ff2 = nn.Linear(width, 4 * width), nn.Linear(4 * width, width)
        self.norm2 = nn.LayerNorm(width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        batch, tokens, width = x.shape
        q, k, v = (p(x).view(batch, tokens, self.heads, -1).transpose(1, 2) for p in (self.q, self.k, self.v))
        scores = q @ k.transpose(-2, -1) / math.sqrt(width // self.heads)
        context = (scores.softmax(-1) @ v).transpose(1, 2).reshape(batch, tokens, width)
        h = self.norm1(x + self.o(context))
        return self.norm2(h + self.ff2(nn.functional.gelu(self.ff1(h))))


def test_resnet18_matches_torch() -> None:
    model = resnet18((3, 32, 32))
    reference = _randomized(TorchResNet18())
    assert model.num_parameters() == sum(p.numel() for p in reference.parameters()) == 11_181_642
    _assert_matches(model, reference, sample((2, 3, 32, 32), np.float32))


def test_unet_matches_torch() -> None:
    model = unet()
    reference = _randomized(TorchUNet())
    _assert_matches(model, reference, sample((2, 1, 32, 32), np.float32))
    assert model.output_shape == (2, 32, 32)


def test_encoder_block_matches_torch() -> None:
    model = encoder_block()
    reference = _randomized(TorchEncoderBlock())
    _assert_matches(model, reference, sample((3, 10, 16), np.float32))


BUILDS = {"resnet18": lambda: resnet18((3, 32, 32)), "unet": unet, "encoder": encoder_block}


@pytest.mark.parametrize("name", sorted(BUILDS))
def test_to_torch_runs_the_same_graph_with_the_same_weights(name: str) -> None:
    model = BUILDS[name]()
    converted = model.to_torch()
    assert not any("Lazy" in type(module).__name__ for module in converted.modules())
    x = sample((2, *model.input_shape), np.float32)
    with torch.no_grad():
        expected = converted(torch.from_numpy(x)).numpy()
    np.testing.assert_allclose(model(x), expected, rtol=1e-5, atol=1e-5)
    assert list(converted.state_dict()) == list(model.state_dict())
    parameters = list(converted.parameters())
    assert parameters and all(isinstance(p, nn.Parameter) and p.requires_grad and not p.is_meta for p in parameters)
    converted.train()(torch.from_numpy(x)).sum().backward()
    assert all(p.grad is not None for p in parameters)


def test_round_trip_through_torch_is_exact() -> None:
    model = unet()
    state = model.to_torch().state_dict()
    again = unet()
    again.reseed(np.random.default_rng(7))
    again.load_state_dict(state)
    for key, value in model.state_dict().items():
        restored = again.state_dict()[key]
        assert restored.dtype == value.dtype and restored.tobytes() == value.tobytes(), key
    x = sample((2, 1, 32, 32), np.float32)
    assert model(x).tobytes() == again(x).tobytes()


@pytest.mark.parametrize(
    ("name", "right", "wrong"),
    [
        ("resnet18", "nn.Linear(512, 10)", "nn.Linear(500, 10)"),
        ("unet", "nn.Conv2d(16, 8, 3, padding=1)", "nn.Conv2d(8, 8, 3, padding=1)"),
        ("encoder", "nn.Linear(16, 64)", "nn.Linear(15, 64)"),
    ],
)
def test_to_source_lints_clean_and_a_wrong_size_in_it_is_found(name: str, right: str, wrong: str) -> None:
    source = BUILDS[name]().to_source()
    assert "Lazy" not in source and source.count(right) == 1
    assert lint_source(source) == []
    findings = lint_source(source.replace(right, wrong))
    assert [finding.code for finding in findings] in (["SHP001"], ["SHP002"])


def test_to_source_of_a_graph_reads_as_plain_torch() -> None:
    x = rt.Input((4,))
    model = rt.Model(x, rt.Linear(2).named("head")(rt.ReLU()(rt.Linear(8)(x))), rng=0)
    assert model.to_source() == (
        "import torch\n"
        "from torch import nn\n"
        "\n"
        "\n"
        "# shapelint: input=(B, 4)\n"
        "class Model(nn.Module):\n"
        "    def __init__(self) -> None:\n"
        "        super().__init__()\n"
        "        self.linear = nn.Linear(4, 8)\n"
        "        self.relu = nn.ReLU()\n"
        "        self.head = nn.Linear(8, 2)\n"
        "\n"
        "    def forward(self, x: torch.Tensor) -> torch.Tensor:\n"
        "        y1 = self.linear(x)\n"
        "        y2 = self.relu(y1)\n"
        "        y3 = self.head(y2)\n"
        "        return y3\n"
        "\n"
        "\n"
        "model = Model()\n"
    )
    assert list(model.state_dict()) == ["linear.weight", "linear.bias", "head.weight", "head.bias"]


def test_a_module_called_twice_shares_its_weights() -> None:
    x = rt.Input((6,))
    shared = rt.Linear(6)
    model = rt.Model(x, shared(rt.Tanh()(shared(x))), rng=0)
    assert list(model.state_dict()) == ["linear.weight", "linear.bias"]
    assert "linear (Linear, shared)" in model.summary()
    converted = model.to_torch()
    data = sample((3, 6), np.float32)
    with torch.no_grad():
        expected = converted(torch.from_numpy(data)).numpy()
    np.testing.assert_allclose(model(data), expected, rtol=1e-6, atol=1e-6)


def test_several_inputs_and_outputs() -> None:
    image, extra = rt.Input((1, 8, 8)), rt.Input((3,))
    features = rt.Cat(dim=1)(rt.Flatten()(rt.Conv2d(2, 3)(image)), extra)
    first, second = rt.Split((40, 35), dim=1)(features)
    model = rt.Model([image, extra], [rt.Linear(4)(features), first, second], rng=0)
    assert [piece.shape for piece in (first, second)] == [(rt.module.BATCH, 40), (rt.module.BATCH, 35)]
    inputs = sample((2, 1, 8, 8), np.float32), sample((2, 3), np.float32)
    outputs = model(*inputs)
    assert isinstance(outputs, tuple) and [o.shape for o in outputs] == [(2, 4), (2, 40), (2, 35)]
    source = model.to_source()
    assert "# shapelint: input=(B, 1, 8, 8), (B, 3)\n" in source and lint_source(source) == []
    with torch.no_grad():
        expected = model.to_torch()(*(torch.from_numpy(x) for x in inputs))
    for actual, wanted in zip(outputs, expected):
        np.testing.assert_allclose(actual, wanted.numpy(), rtol=1e-6, atol=1e-6)


def test_a_wrong_size_fails_at_the_call_naming_the_layer_and_shape() -> None:
    x = rt.Input((120,))
    with pytest.raises(rt.LayerError) as raised:
        rt.Linear(10, in_features=100)(x)
    assert str(raised.value) == (
        "layer linear Linear(in_features=100, out_features=10): "
        "in_features=100 was given, but the incoming shape (B, 120) needs in_features=120"
    )


def test_shape_rules_of_ops_refuse_what_torch_refuses() -> None:
    a, b = rt.Input((3, 8, 8)), rt.Input((3, 4, 4))
    with pytest.raises(rt.ShapeError, match="cannot concatenate"):
        rt.Cat(dim=1)(a, b)
    with pytest.raises(rt.ShapeError, match="cannot be broadcast"):
        a + b
    with pytest.raises(rt.ShapeError, match="cannot view"):
        rt.Reshape(5, 5)(a)
    with pytest.raises(rt.ShapeError, match="cannot multiply"):
        rt.Input((3, 4)) @ rt.Input((5, 2))
    with pytest.raises(ValueError, match="not given in inputs"):
        rt.Model(a, a + rt.Input((3, 8, 8)))


def test_a_shared_layer_checks_its_second_input() -> None:
    shared = rt.Linear(4)
    shared(rt.Input((6,)))
    with pytest.raises(rt.LayerError, match=r"in_features=6 was given, but the incoming shape \(B, 5\)"):
        shared(rt.Input((5,)))


def test_a_layer_and_a_sequential_inside_a_graph_convert() -> None:
    layer = rt.Linear(3)
    layer(sample((2, 5), np.float32))
    assert layer.to_source() == "from torch import nn\n\n# shapelint: input=(B, 5)\nmodel = nn.Linear(5, 3)\n"
    assert type(layer.to_torch()) is nn.Linear
    tokens = rt.Input((7,), dtype="int")
    stack = rt.Sequential(rt.Conv1d(4, 3, padding=1), rt.ReLU())
    embedded = rt.Transpose(1, 2)(rt.Embedding(20, 6)(tokens))
    model = rt.Model(tokens, rt.Linear(2)(rt.Flatten()(stack(embedded))), rng=0)
    source = model.to_source()
    assert "# shapelint: input=(B, 7) dtype=long\n" in source and lint_source(source) == []
    assert "self.sequential = nn.Sequential(\n            nn.Conv1d(6, 4, 3, padding=1),\n" in source
    assert list(model.state_dict())[:3] == ["embedding.weight", "sequential.0.weight", "sequential.0.bias"]
    ids = np.random.default_rng(0).integers(0, 20, (3, 7))
    with torch.no_grad():
        expected = model.to_torch()(torch.from_numpy(ids)).numpy()
    np.testing.assert_allclose(model(ids), expected, rtol=1e-5, atol=1e-5)


@pytest.mark.sampled
@settings(max_examples=examples(100), deadline=None)
@given(shape=st.lists(st.integers(1, 4), min_size=2, max_size=4), data=st.data())
def test_ops_match_torch(shape: list[int], data: st.DataObject) -> None:
    """Each op's numpy result and shape rule against torch's function on the same array."""
    x = sample(tuple(shape), np.float32)
    t = torch.from_numpy(x)
    rank = len(shape)
    order = data.draw(st.permutations(range(rank)))
    dim0, dim1 = data.draw(st.integers(-rank, rank - 1)), data.draw(st.integers(-rank, rank - 1))
    dim = data.draw(st.integers(0, rank - 1))
    size = data.draw(st.integers(1, 5))
    cases = [
        (rt.Permute(*order)(x), t.permute(*order)),
        (rt.Transpose(dim0, dim1)(x), t.transpose(dim0, dim1)),
        (rt.Reshape(-1)(x), t.reshape(t.shape[0], -1)),
        (rt.Cat(dim=dim)(x, x), torch.cat([t, t], dim=dim)),
        (rt.Add()(x, x[:1]), t + t[:1]),
        (rt.Scale(0.5)(x), t * 0.5),
        (rt.Matmul()(x, np.swapaxes(x, -1, -2)), t @ t.transpose(-1, -2)),
        *zip(rt.Split(size, dim=dim)(x), torch.split(t, size, dim=dim)),  # type: ignore[call-overload]
        *zip(rt.Chunk(size, dim=dim)(x), torch.chunk(t, size, dim=dim)),  # type: ignore[call-overload]
    ]
    for actual, expected in cases:
        assert actual.shape == tuple(expected.shape) and actual.dtype == np.float32
        np.testing.assert_allclose(actual, expected.numpy(), rtol=1e-6, atol=1e-6)
    traced = rt.Chunk(size, dim=rank - 1)(rt.Input(tuple(shape[1:])))
    assert [piece.shape[1:] for piece in traced] == [piece.shape[1:] for piece in torch.chunk(t, size, dim=-1)]


def test_the_readme_graph_example_prints_what_the_readme_shows() -> None:
    text = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    snippet = re.search(r"```python\n(from shapelint.runtime import AdaptiveAvgPool2d.*?)```", text, re.S)
    shown = re.search(r"<!-- runtime-graph-source -->\n```python\n(.*?)```\n<!-- /runtime-graph-source -->", text, re.S)
    assert snippet and shown
    namespace: dict[str, object] = {}
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(snippet.group(1), namespace)
    assert printed.getvalue() == shown.group(1) + "\n"
    model, converted = namespace["model"], namespace["torch_model"]
    assert isinstance(model, rt.Model) and isinstance(converted, nn.Module)
    assert lint_source(model.to_source()) == []
    x = sample((2, 16, 32, 32), np.float32)
    with torch.no_grad():
        np.testing.assert_allclose(model(x), converted(torch.from_numpy(x)).numpy(), rtol=1e-5, atol=1e-5)


def test_a_model_without_rng_keeps_the_weights_of_the_layers_it_shares() -> None:
    x = rt.Input((4,))
    encoder = rt.Linear(3)
    first = rt.Model(x, encoder(x), rng=0)
    weights = {key: np.full(value.shape, 0.5, value.dtype) for key, value in first.state_dict().items()}
    first.load_state_dict(weights)
    second = rt.Model(x, rt.Linear(2)(encoder(x)))
    assert second.state_dict()["linear.weight"].tobytes() == weights["linear.weight"].tobytes()
    assert rt.Model(x, encoder(x), rng=1).state_dict()["linear.weight"].tobytes() != weights["linear.weight"].tobytes()


def test_summary_rows_follow_the_calls() -> None:
    model = resnet18((3, 32, 32))
    text = model.summary()
    assert text.startswith("Model: input (B, 3, 32, 32)\n")
    assert "conv2d (Conv2d)" in text and "add_7 (Add)" in text and "linear (Linear)" in text
    assert "Total params: 11,181,642" in text


def test_a_sequential_in_a_graph_keeps_its_dtype() -> None:
    x = rt.Input((5,))
    model = rt.Model(x, rt.Sequential(rt.Linear(3), rt.Tanh(), dtype=np.float64)(x))
    assert model(sample((2, 5))).dtype == np.float64
    assert "nn.Linear(5, 3, dtype=torch.float64)" in model.to_source()
    assert model.to_torch().sequential[0].weight.dtype == torch.float64


def test_a_model_called_inside_another_is_one_module_with_shared_weights() -> None:
    inner = rt.Input((4,))
    encoder = rt.Model(inner, rt.Linear(3)(rt.ReLU()(rt.Linear(8)(inner)))).named("encoder")
    left, right = rt.Input((4,)), rt.Input((4,))
    model = rt.Model([left, right], rt.Linear(1)(encoder(left) + encoder(right)), rng=0)
    assert list(model.state_dict()) == [
        "encoder.linear.weight", "encoder.linear.bias", "encoder.linear_1.weight", "encoder.linear_1.bias",
        "linear.weight", "linear.bias",
    ]  # fmt: skip
    summary = model.summary()
    assert "encoder.linear_1 (Linear)" in summary and "encoder.linear_1 (Linear, shared)" in summary
    source = model.to_source()
    assert "class Model1(nn.Module):" in source and "self.encoder = Model1()" in source
    assert lint_source(source) == []
    inputs = sample((2, 4), np.float32), sample((2, 4), np.float32, seed=2)
    with torch.no_grad():
        expected = model.to_torch()(*(torch.from_numpy(x) for x in inputs)).numpy()
    np.testing.assert_allclose(model(*inputs), expected, rtol=1e-6, atol=1e-6)
    with pytest.raises(rt.LayerError, match=r"Model input 0 must have shape \(B, 4\), got \(B, 5\)"):
        encoder(rt.Input((5,)))


def test_a_sequential_prints_an_nn_sequential_the_linter_checks() -> None:
    model = rt.Sequential(
        rt.Conv2d(6, 5), rt.ReLU(), rt.MaxPool2d(2), rt.Flatten(), rt.Linear(10), input_shape=(1, 28, 28), rng=0
    )
    source = model.to_source()
    assert "# shapelint: input=(B, 1, 28, 28)\nmodel = nn.Sequential(\n    nn.Conv2d(1, 6, 5),\n" in source
    assert lint_source(source) == []
    assert [d.code for d in lint_source(source.replace("nn.Linear(864, 10)", "nn.Linear(400, 10)"))] == ["SHP001"]
    state = model.to_torch().state_dict()
    assert all(state[key].numpy().tobytes() == value.tobytes() for key, value in model.state_dict().items())


Shapes = list[tuple[int, ...]]


def cross_attention() -> tuple[rt.Model, Shapes]:
    """A query attends to a longer memory; the model returns the projected output and the averaged weights."""
    query, memory = rt.Input((5, 8), name="query"), rt.Input((7, 8), name="memory")
    out, weights = rt.MultiheadAttention(2, batch_first=True)(query, memory, memory)
    return rt.Model([query, memory], [rt.Linear(3)(out), weights], rng=0), [(5, 8), (7, 8)]


def attention_flags() -> tuple[rt.Model, Shapes]:
    """Self-attention without weights (torch's None), then attention to keys of another width, weights per head."""
    x, keys, values = rt.Input((6, 8)), rt.Input((4, 3)), rt.Input((4, 8))
    out, none = rt.MultiheadAttention(4, batch_first=True)(x, x, x, need_weights=False)
    assert none is None
    out, heads = rt.MultiheadAttention(2, batch_first=True, kdim=3)(out, keys, values, average_attn_weights=False)
    return rt.Model([x, keys, values], [out, heads], rng=0), [(6, 8), (4, 3), (4, 8)]


def bilinear() -> tuple[rt.Model, Shapes]:
    left, right = rt.Input((4,)), rt.Input((3,))
    return rt.Model([left, right], rt.Bilinear(3, 6)(rt.Tanh()(left), right), rng=0), [(4,), (3,)]


def stacked_lstms() -> tuple[rt.Model, Shapes]:
    """The second LSTM starts from the first one's final ``(h, c)``."""
    x = rt.Input((5, 4))
    out, (h, c) = rt.LSTM(6, num_layers=2, batch_first=True)(x)
    out, (h, c) = rt.LSTM(6, num_layers=2, batch_first=True)(out, (h, c))
    return rt.Model(x, [out, h, c], rng=0), [(5, 4)]


def gru_seq2seq() -> tuple[rt.Model, Shapes]:
    """An encoder GRU's final state starts a decoder GRU over another sequence."""
    source, target = rt.Input((7, 4)), rt.Input((5, 3))
    _, state = rt.GRU(6, batch_first=True)(source)
    out, state = rt.GRU(6, batch_first=True)(target, state)
    return rt.Model([source, target], [rt.Linear(2)(out), state], rng=0), [(7, 4), (5, 3)]


def bidirectional_rnn() -> tuple[rt.Model, Shapes]:
    x = rt.Input((5, 4))
    out, h = rt.RNN(3, num_layers=2, bidirectional=True, batch_first=True)(x)
    return rt.Model(x, [out, h], rng=0), [(5, 4)]


def transformer_decoder() -> tuple[rt.Model, Shapes]:
    """An encoder layer's memory feeds a decoder layer, as ``nn.Transformer`` wires them."""
    source, target = rt.Input((7, 8)), rt.Input((5, 8))
    memory = rt.TransformerEncoderLayer(2, dim_feedforward=16, batch_first=True)(source)
    out = rt.TransformerDecoderLayer(2, dim_feedforward=16, batch_first=True)(target, memory)
    return rt.Model([source, target], out, rng=0), [(7, 8), (5, 8)]


def masked_attention() -> tuple[rt.Model, Shapes]:
    """A boolean causal mask, the same mask as ``-inf`` floats, and a decoder layer's ``tgt_mask``."""
    x = rt.Input((5, 8))
    causal = np.triu(np.ones((5, 5), bool), 1)
    additive = np.where(causal, -np.inf, 0.0).astype(np.float32)
    out, weights = rt.MultiheadAttention(2, batch_first=True)(x, x, x, attn_mask=causal)
    out, _ = rt.MultiheadAttention(2, batch_first=True)(out, out, out, attn_mask=additive, need_weights=False)
    decoder = rt.TransformerDecoderLayer(2, dim_feedforward=16, batch_first=True)
    decoded = decoder(out, x, tgt_mask=additive, tgt_is_causal=True)
    return rt.Model(x, [weights, out, decoded], rng=0), [(5, 8)]


MULTI = {
    "cross_attention": cross_attention,
    "attention_flags": attention_flags,
    "masked_attention": masked_attention,
    "bilinear": bilinear,
    "stacked_lstms": stacked_lstms,
    "gru_seq2seq": gru_seq2seq,
    "bidirectional_rnn": bidirectional_rnn,
    "transformer_decoder": transformer_decoder,
}


def _outputs(model: rt.Model | nn.Module, inputs: list[np.ndarray]) -> list[np.ndarray]:
    if isinstance(model, nn.Module):
        with torch.no_grad():
            result = model(*(torch.from_numpy(x) for x in inputs))
        results = result if isinstance(result, tuple) else (result,)
        return [tensor.numpy() for tensor in results]
    result = model(*inputs)
    return list(result) if isinstance(result, tuple) else [result]


@pytest.mark.parametrize("name", sorted(MULTI))
def test_layers_with_several_inputs_or_a_state_convert_to_torch(name: str) -> None:
    model, shapes = MULTI[name]()
    inputs = [sample((2, *shape), np.float32, seed=index) for index, shape in enumerate(shapes)]
    converted = model.to_torch()
    actual, expected = _outputs(model, inputs), _outputs(converted, inputs)
    assert [a.shape for a in actual] == [e.shape for e in expected]
    batch = rt.module.BATCH
    assert [a.shape for a in actual] == [tuple(2 if d == batch else d for d in t.shape) for t in model.outputs]
    for a, e in zip(actual, expected):
        np.testing.assert_allclose(a, e, rtol=1e-5, atol=1e-5)
    assert list(converted.state_dict()) == list(model.state_dict())
    assert lint_source(model.to_source()) == []
    assert model.summary().startswith("Model: input ")


@pytest.mark.parametrize("name", sorted(MULTI))
def test_state_dict_of_such_a_graph_round_trips_through_torch(name: str) -> None:
    model, shapes = MULTI[name]()
    again, _ = MULTI[name]()
    again.reseed(np.random.default_rng(7))
    again.load_state_dict(model.to_torch().state_dict())
    for key, value in model.state_dict().items():
        assert again.state_dict()[key].tobytes() == value.tobytes(), key
    inputs = [sample((2, *shape), np.float32, seed=index) for index, shape in enumerate(shapes)]
    for a, b in zip(_outputs(model, inputs), _outputs(again, inputs)):
        assert a.tobytes() == b.tobytes()


def test_the_torch_code_unpacks_what_forward_returns() -> None:
    source = stacked_lstms()[0].to_source()
    assert "        y1_0, (y1_1, y1_2) = self.lstm(x)\n" in source
    assert "        y2_0, (y2_1, y2_2) = self.lstm_1(y1_0, (y1_1, y1_2))\n" in source
    source = attention_flags()[0].to_source()
    assert "        y1, _ = self.multiheadattention(x0, x0, x0, need_weights=False)\n" in source
    assert "self.multiheadattention_1(y1, x1, x2, average_attn_weights=False)\n" in source


def test_states_and_weights_take_their_shapes_from_the_catalog() -> None:
    query, memory = rt.Input((5, 8)), rt.Input((7, 8))
    _, weights = rt.MultiheadAttention(2, batch_first=True)(query, memory, memory)
    assert weights.shape == (rt.module.BATCH, 5, 7)
    with pytest.raises(rt.LayerError, match=r"the key \(B, 7, 8\) must have the rank and batch of the query"):
        rt.MultiheadAttention(2)(query, memory, memory)  # sequence first: the batches are 5 and 7
    x = rt.Input((5, 4))
    out, (h, c) = rt.LSTM(6, proj_size=2, num_layers=3, bidirectional=True, batch_first=True)(x)
    assert (out.shape, h.shape, c.shape) == ((rt.module.BATCH, 5, 4), (6, rt.module.BATCH, 2), (6, rt.module.BATCH, 6))


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda q, k: rt.MultiheadAttention(2, batch_first=True)(q, k, k), r"the key \(B, 7, 6\) must have 8 features"),
        (lambda q, k: rt.MultiheadAttention(2, batch_first=True)(q, q), "takes a query, a key and a value, got 2"),
        (lambda q, k: rt.MultiheadAttention(2, batch_first=True)(q, q, q, attn_weights=1), "takes no keyword"),
        (lambda q, k: rt.Bilinear(5, 3)(k, k), r"in2_features=5 was given, but .* needs in2_features=6"),
        (lambda q, k: rt.GRU(4, batch_first=True)(q, k), r"initial state of shape \(1, B, 4\), got \(B, 7, 6\)"),
        (lambda q, k: rt.LSTM(4, batch_first=True)(q, (k,)), r"initial state of shape \(1, B, 4\), \(1, B, 4\)"),
        (lambda q, k: rt.TransformerDecoderLayer(2, batch_first=True)(q, k), r"the memory \(B, 7, 6\) must have 8"),
        (lambda q, k: rt.Linear(3)(q, k), "takes one tensor, got 2"),
    ],
)
def test_a_call_torch_would_refuse_fails_when_the_graph_is_written(call: Any, message: str) -> None:
    with pytest.raises(rt.LayerError, match=message):
        call(rt.Input((5, 8)), rt.Input((7, 6)))


def test_a_mask_is_a_buffer_outside_the_state_dict_and_a_tensor_keyword_is_refused() -> None:
    model = masked_attention()[0]
    source = model.to_source()
    assert '        self.register_buffer("attn_mask_1", torch.tensor([[False, True, True, True, True], ' in source
    assert "dtype=torch.float32, device=\"cpu\"), persistent=False)\n" in source
    assert "        y1_0, y1_1 = self.multiheadattention(x, x, x, attn_mask=self.attn_mask_1)\n" in source
    assert not any("mask" in key for key in model.to_torch().state_dict())
    x = rt.Input((5, 4))
    _, state = rt.GRU(6, batch_first=True)(x)
    with pytest.raises(TypeError, match="a graph call takes flags and array keywords; hx is a SymbolicTensor"):
        rt.GRU(6, batch_first=True)(x, hx=state)


def test_a_sequential_ending_in_a_recurrent_layer_is_not_a_graph_node() -> None:
    """Its torch twin returns the LSTM's tuple, which no node after it could take; the LSTM itself is a node."""
    with pytest.raises(TypeError, match=r"Sequential returns LSTM's \(output, state\): call the LSTM in the graph"):
        rt.Sequential(rt.Linear(4), rt.LSTM(3, batch_first=True))(rt.Input((5, 4)))
