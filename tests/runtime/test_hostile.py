"""Bad hyperparameters and inputs fail with a plain message naming the layer and the value."""

from __future__ import annotations

import numpy as np
import pytest
import shapelint.runtime as rt
import torch
from torch import nn

from shapelint.catalog import ShapeError


def test_explicit_size_mismatch_names_index_repr_expected_and_given() -> None:
    with pytest.raises(ShapeError) as caught:
        rt.Sequential(rt.Flatten(), rt.Linear(120), rt.Linear(10, in_features=100), input_shape=(1, 28, 28))
    message = str(caught.value)
    assert message.startswith("layer 2 Linear(in_features=100, out_features=10):")
    assert message.endswith("in_features=100 was given, but the incoming shape (B, 120) needs in_features=120")
    assert (caught.value.expected, caught.value.found) == (120, 100)


def test_explicit_matching_size_is_accepted() -> None:
    model = rt.Sequential(rt.Flatten(), rt.Linear(10, in_features=784), input_shape=(1, 28, 28))
    assert model.output_shape == (10,)


def test_explicit_in_channels_and_num_features_are_checked() -> None:
    with pytest.raises(ShapeError, match=r"^layer 0 Conv2d\(in_channels=1, .*needs in_channels=3"):
        rt.Sequential(rt.Conv2d(8, 3, in_channels=1), input_shape=(3, 8, 8))
    with pytest.raises(ShapeError, match=r"^layer 1 BatchNorm2d\(num_features=16.*needs num_features=8"):
        rt.Sequential(rt.Conv2d(8, 3), rt.BatchNorm2d(num_features=16), input_shape=(3, 8, 8))


@pytest.mark.parametrize(
    ("layer", "pattern"),
    [
        (lambda: rt.Linear(-3), r"^Linear: out_features must not be negative, got -3"),
        (lambda: rt.Conv2d(4, -1), r"^Conv2d: kernel_size must not be negative, got -1"),
    ],
)
def test_sizes_torch_rejects_at_construction_are_refused_at_construction(layer: object, pattern: str) -> None:
    with pytest.raises(ShapeError, match=pattern):
        layer()  # type: ignore[operator]


@pytest.mark.parametrize(
    ("layer", "pattern"),
    [
        (lambda: rt.Conv2d(0, 3), "out_channels must be positive"),
        (lambda: rt.MaxPool2d(0), "kernel_size"),
    ],
)
def test_sizes_torch_rejects_at_its_first_call_are_refused_at_build(layer: object, pattern: str) -> None:
    with pytest.raises(ShapeError, match=r"^layer 0 .*" + pattern):
        rt.Sequential(layer(), input_shape=(3, 5, 5))  # type: ignore[operator]


@pytest.mark.parametrize(
    ("make", "pattern"),
    [
        (lambda: rt.Linear(2.5), r"Linear: out_features must be an int, got 2\.5"),
        (lambda: rt.Linear("10"), r"Linear: out_features must be an int, got '10'"),
        (lambda: rt.Linear(10, bias=True), None),
        (lambda: rt.Linear(10, True), r"takes 1 positional argument \(out_features\) but 2 were given; the others are"),
        (lambda: rt.Linear(784, 128), r"^Linear\(784, 128\) reads as torch's Linear\(in_features=784, out_features=128\)"),
        (lambda: rt.Conv2d(4, kernel_size=3.0), r"Conv2d: kernel_size must be an int or a tuple of ints, got 3\.0"),
        (lambda: rt.Linear(4, width=3), r"unexpected keyword argument 'width'"),
        (lambda: rt.Linear(), r"missing required argument 'out_features'"),
    ],
)
def test_wrong_types(make: object, pattern: str | None) -> None:
    if pattern is None:
        make()  # type: ignore[operator]
        return
    with pytest.raises(TypeError, match=pattern):
        make()  # type: ignore[operator]


@pytest.mark.parametrize(
    ("make", "pattern"),
    [
        (lambda: rt.Dropout(p="x", inplace="y"), r"^Dropout: p must be a real number, got 'x'$"),
        (lambda: rt.Conv2d(4, 3, stride="x", groups=1.5), r"^Conv2d: stride must be an int or a tuple of ints"),
        (lambda: rt.BatchNorm1d(affine=1, bias=2), r"^BatchNorm1d: affine must be a bool, got 1$"),
    ],
)
def test_of_several_wrong_types_the_first_in_torchs_order_is_named(make: object, pattern: str) -> None:
    with pytest.raises(TypeError, match=pattern):
        make()  # type: ignore[operator]


def test_huge_sizes_are_refused_at_build_without_allocating() -> None:
    pattern = r"^layer 0 Linear\(in_features=4, out_features=1000000000000\): weight of shape \(1000000000000, 4\) would need"
    with pytest.raises(ShapeError, match=pattern):
        rt.Sequential(rt.Linear(10**12), input_shape=(4,))


def test_allocation_failure_names_the_layer_and_tensor() -> None:
    model = rt.Sequential(rt.Linear(3), input_shape=(2**35,))
    with pytest.raises(MemoryError, match=r"Linear\(in_features=34359738368, out_features=3\): cannot allocate weight"):
        model.state_dict()


def test_numpy_integers_are_sizes() -> None:
    layers = (rt.Conv2d(np.int64(4), (np.int32(3), 3)), rt.Flatten(), rt.Linear(np.int64(2)))
    assert rt.Sequential(*layers, input_shape=np.array([1, 5, 5]).tolist()).output_shape == (2,)
    assert rt.Sequential(rt.Linear(2), input_shape=(np.int64(3),)).input_shape == (3,)


def test_kernel_larger_than_input() -> None:
    with pytest.raises(ShapeError, match=r"^layer 2 Conv2d\("):
        rt.Sequential(rt.Conv2d(4, 3), rt.ReLU(), rt.Conv2d(8, 9), input_shape=(1, 8, 8))


def test_torch_also_rejects_the_kernel_larger_than_input() -> None:
    with pytest.raises(RuntimeError):
        nn.Conv2d(4, 8, 9)(torch.zeros(1, 4, 6, 6))


def test_wrong_rank_input_at_forward() -> None:
    model = rt.Sequential(rt.Conv2d(4, 3), input_shape=(1, 8, 8))
    with pytest.raises(ShapeError, match=r"^layer 0 Conv2d\(.*3-D or 4-D"):
        model(np.zeros((2, 8)))


def test_wrong_channels_at_forward() -> None:
    model = rt.Sequential(rt.Conv2d(4, 3), input_shape=(1, 8, 8))
    pattern = r"^layer 0 Conv2d\(in_channels=1, .*in_channels=1 was set at build, "
    pattern += r"but the incoming shape \(2, 3, 8, 8\) needs in_channels=3$"
    with pytest.raises(ShapeError, match=pattern):
        model(np.zeros((2, 3, 8, 8), np.float32))


def test_other_spatial_size_at_forward_follows_the_catalog() -> None:
    model = rt.Sequential(rt.Conv2d(4, 3), input_shape=(1, 8, 8))
    assert model(np.zeros((2, 1, 10, 12), np.float32)).shape == (2, 4, 8, 10)


@pytest.mark.parametrize(
    ("model", "x", "pattern"),
    [
        (lambda: rt.Sequential(rt.Linear(3), input_shape=(4,)), np.zeros((2, 4), np.int64), "floating-point input, got int64"),
        (lambda: rt.Sequential(rt.Embedding(10, 3), input_shape=(4,)), np.zeros((2, 4)), "integer indices, got float64"),
        (lambda: rt.Sequential(rt.Linear(3), input_shape=(4,)), np.array([["a"] * 4]), "numeric array, got dtype <U1"),
    ],
)
def test_wrong_dtype_at_forward(model: object, x: np.ndarray, pattern: str) -> None:
    with pytest.raises(TypeError, match=pattern):
        model()(x)  # type: ignore[operator]


def test_embedding_index_out_of_range() -> None:
    model = rt.Sequential(rt.Embedding(10, 3), input_shape=(2,), input_dtype="int")
    with pytest.raises(IndexError, match=r"indices must lie in \[0, 10\), got values in \[0, 10\]"):
        model(np.array([[0, 10]]))


@pytest.mark.parametrize("shape", [(0, 5), (-1,), 5, (2.0, 3), None.__class__])
def test_bad_input_shape(shape: object) -> None:
    with pytest.raises(ValueError, match="input_shape must be a tuple of positive ints"):
        rt.Sequential(rt.Linear(3), input_shape=shape)  # type: ignore[arg-type]


def test_non_layer_in_sequential() -> None:
    with pytest.raises(TypeError, match="layer 1 must be a runtime layer"):
        rt.Sequential(rt.Linear(3), nn.ReLU())  # type: ignore[arg-type]


def test_unsupported_options_are_refused() -> None:
    with pytest.raises(ValueError, match="return_indices"):
        rt.MaxPool2d(2, return_indices=True)
    with pytest.raises(ValueError, match="device='cuda'"):
        rt.Linear(3, device="cuda")
    with pytest.raises(ValueError, match="Upsample: mode 'bicubic' is not supported by the runtime"):
        rt.Upsample(scale_factor=2, mode="bicubic")


def test_nested_layer_errors_carry_the_index_path() -> None:
    with pytest.raises(ShapeError) as caught:
        rt.Sequential(
            rt.Flatten(), rt.Sequential(rt.Linear(8), rt.Linear(2, in_features=7)), input_shape=(4,)
        )
    assert str(caught.value) == (
        "layer 1.1 Linear(in_features=7, out_features=2): "
        "in_features=7 was given, but the incoming shape (B, 8) needs in_features=8"
    )
