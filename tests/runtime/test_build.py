"""Construction: propagation without a forward, lazy build, summary, repr, seeding and init statistics."""

from __future__ import annotations

import math
import subprocess
import sys

import numpy as np
import pytest
import shapelint.runtime as rt
import torch
from torch import nn


def _lenet(**options: object) -> rt.Sequential:
    return rt.Sequential(
        rt.Conv2d(6, 5, padding=2), rt.ReLU(), rt.MaxPool2d(2),
        rt.Conv2d(16, 5), rt.ReLU(), rt.MaxPool2d(2),
        rt.Flatten(), rt.Linear(120), rt.ReLU(), rt.Linear(84), rt.ReLU(), rt.Linear(10),
        **options,  # type: ignore[arg-type]
    )


def test_sizes_come_from_propagation_without_materialising_weights() -> None:
    model = _lenet(input_shape=(1, 28, 28))
    assert model[7].args["in_features"] == 16 * 5 * 5
    assert model[3].args["in_channels"] == 6
    assert model.output_shape == (10,) and model.input_shape == (1, 28, 28)
    assert all(not layer.values for layer in model)  # type: ignore[attr-defined]
    assert model.num_parameters() == 61_706


def test_lazy_build_on_first_call() -> None:
    model = _lenet(rng=0)
    assert not model.built
    with pytest.raises(RuntimeError, match="not built yet"):
        _ = model.output_shape
    assert model(np.zeros((3, 1, 28, 28), np.float32)).shape == (3, 10)
    assert model.output_shape == (10,) and model.input_shape == (1, 28, 28)
    assert model(np.zeros((5, 1, 28, 28), np.float32)).shape == (5, 10)


def test_lazy_and_eager_builds_give_the_same_weights() -> None:
    eager = _lenet(input_shape=(1, 28, 28), rng=7)
    lazy = _lenet(rng=7)
    lazy(np.zeros((1, 1, 28, 28), np.float32))
    for key, value in eager.state_dict().items():
        np.testing.assert_array_equal(value, lazy.state_dict()[key])


def test_weights_do_not_depend_on_the_order_they_are_touched_in() -> None:
    first, second = _lenet(input_shape=(1, 28, 28), rng=3), _lenet(input_shape=(1, 28, 28), rng=3)
    late = second[11].weight.copy()  # type: ignore[attr-defined]
    np.testing.assert_array_equal(first.state_dict()["11.weight"], late)
    assert not np.array_equal(first.state_dict()["0.weight"], _lenet(input_shape=(1, 28, 28), rng=4).state_dict()["0.weight"])


def test_standalone_layer_builds_on_call() -> None:
    layer = rt.Linear(3)
    assert layer(np.ones((2, 5), np.float32)).shape == (2, 3)
    assert repr(layer) == "Linear(in_features=5, out_features=3)"


def test_repr() -> None:
    model = rt.Sequential(rt.Linear(8), rt.Sequential(rt.ReLU(), rt.Linear(2, bias=False)), input_shape=(4,))
    assert repr(model) == (
        "Sequential(\n"
        "  input_shape=(4,)\n"
        "  (0): Linear(in_features=4, out_features=8)\n"
        "  (1): Sequential(\n"
        "    input_shape=(8,)\n"
        "    (0): ReLU()\n"
        "    (1): Linear(in_features=8, out_features=2, bias=False)\n"
        "  )\n"
        ")"
    )
    assert repr(rt.Sequential(rt.Linear(8))) == "Sequential(\n  (0): Linear(out_features=8)\n)"


def test_summary_table() -> None:
    model = rt.Sequential(rt.Conv2d(4, 3), rt.BatchNorm2d(), rt.Sequential(rt.Flatten(), rt.Linear(10)), input_shape=(1, 6, 6))
    assert model.summary() == "\n".join(
        [
            "Sequential: input (B, 1, 6, 6)",
            "===================================================",
            "Layer (type)     Output Shape    Param #  Mult-Adds",
            "===================================================",
            "0 (Conv2d)       (B, 4, 4, 4)         40        640",
            "1 (BatchNorm2d)  (B, 4, 4, 4)          8          8",
            "2.0 (Flatten)    (B, 64)               0          0",
            "2.1 (Linear)     (B, 10)             650        650",
            "===================================================",
            "Total params: 698",
            "Trainable params: 698",
            "Non-trainable params: 0",
            "Total mult-adds (M): 0.00",
            "===================================================",
            "Input size (MB): 0.00",
            "Forward/backward pass size (MB): 0.00",
            "Params size (MB): 0.00",
            "Estimated Total Size (MB): 0.00",
            "===================================================",
            "Sizes and mult-adds are for a batch of 1 (B = 1).",
        ]
    )
    assert model.num_parameters(trainable=False) == 9  # BatchNorm's running statistics, which torchinfo leaves out
    assert all(not layer.values for layer in model.layers[:2])  # type: ignore[attr-defined]


def test_parameter_count_matches_torch() -> None:
    reference = nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10),
    )
    assert _lenet(input_shape=(1, 28, 28)).num_parameters() == sum(p.numel() for p in reference.parameters())


@pytest.mark.parametrize(
    ("runtime", "reference", "shape", "key"),
    [
        (lambda: rt.Linear(300), lambda: nn.Linear(400, 300), (400,), "weight"),
        (lambda: rt.Linear(3000), lambda: nn.Linear(400, 3000), (400,), "bias"),
        (lambda: rt.Conv2d(64, 3), lambda: nn.Conv2d(32, 64, 3), (32, 9, 9), "weight"),
        (lambda: rt.Conv2d(2048, 3, groups=4), lambda: nn.Conv2d(32, 2048, 3, groups=4), (32, 9, 9), "bias"),
        (lambda: rt.ConvTranspose2d(48, 3, groups=2), lambda: nn.ConvTranspose2d(32, 48, 3, groups=2), (32, 9, 9), "weight"),
        (lambda: rt.Embedding(500, 64), lambda: nn.Embedding(500, 64), (4,), "weight"),
    ],
)
def test_initial_distribution_matches_torchs(runtime: object, reference: object, shape: tuple, key: str) -> None:
    """Same support and spread: max |w| and std within a few percent of torch's draw."""
    dtype = "int" if key == "weight" and shape == (4,) else None
    model = rt.Sequential(runtime(), input_shape=shape, input_dtype=dtype, rng=0)  # type: ignore[operator]
    ours = model.state_dict()[f"0.{key}"]
    torch.manual_seed(0)
    theirs = reference().state_dict()[key].numpy()  # type: ignore[operator]
    assert ours.shape == theirs.shape and ours.dtype == theirs.dtype
    assert math.isclose(ours.std(), theirs.std(), rel_tol=0.08)
    assert math.isclose(np.abs(ours).max(), np.abs(theirs).max(), rel_tol=0.08)
    assert abs(ours.mean()) < 4 * theirs.std() / math.sqrt(ours.size)


def test_norm_layers_start_as_torchs() -> None:
    ours = rt.Sequential(rt.BatchNorm2d(), rt.LayerNorm(), input_shape=(3, 4, 5)).state_dict()
    theirs = nn.Sequential(nn.BatchNorm2d(3), nn.LayerNorm(5)).state_dict()
    assert list(ours) == list(theirs)
    for key, value in theirs.items():
        np.testing.assert_array_equal(ours[key], value.numpy())


def test_importing_shapelint_does_not_import_numpy() -> None:
    code = "import sys, shapelint, shapelint.catalog; assert 'numpy' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
