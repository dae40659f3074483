"""Hostile runtime inputs that ``tests/runtime`` leaves out: all-or-nothing loads for each bad key, odd values."""

from __future__ import annotations

import numpy as np
import pytest

import shapelint.runtime as rt
from shapelint.catalog import ShapeError


def _model() -> rt.Sequential:
    return rt.Sequential(rt.Linear(3), rt.ReLU(), rt.Linear(2), input_shape=(4,), rng=0)


def _state() -> dict[str, np.ndarray]:
    return {key: np.full(value.shape, 7, value.dtype) for key, value in _model().state_dict().items()}


def _misspelt(state: dict[str, np.ndarray]) -> None:
    state["2.weigth"] = state.pop("2.weight")


def _missing(state: dict[str, np.ndarray]) -> None:
    del state["0.bias"]


def _extra(state: dict[str, np.ndarray]) -> None:
    state["3.weight"] = np.zeros((2, 2), np.float32)


@pytest.mark.parametrize(
    ("spoil", "named"),
    [(_misspelt, ["missing key '2.weight'", "unexpected key '2.weigth'"]), (_missing, ["missing key '0.bias'"]),
     (_extra, ["unexpected key '3.weight'"])],
    ids=["misspelt", "missing", "extra"],
)
def test_a_bad_key_is_named_and_nothing_is_loaded(spoil: object, named: list[str]) -> None:
    model = _model()
    before = {key: value.copy() for key, value in model.state_dict().items()}
    state = _state()
    spoil(state)  # type: ignore[operator]
    with pytest.raises(rt.StateDictError) as caught:
        model.load_state_dict(state)
    assert all(part in str(caught.value) for part in named), str(caught.value)
    after = model.state_dict()
    assert all(np.array_equal(before[key], after[key]) for key in before)


def test_a_good_state_after_a_refused_one_loads_whole() -> None:
    model = _model()
    state = _state()
    with pytest.raises(rt.StateDictError):
        model.load_state_dict({**state, "0.weight": state["0.weight"][:2]})
    model.load_state_dict(state)
    assert all((value == 7).all() for value in model.state_dict().values())


@pytest.mark.parametrize(
    ("make", "error", "pattern"),
    [
        (lambda: rt.Linear(float("nan")), TypeError, r"Linear: out_features must be an int, got nan"),
        (lambda: rt.Linear(float("inf")), TypeError, r"Linear: out_features must be an int, got inf"),
        (lambda: rt.Linear(True), TypeError, r"Linear: out_features must be an int, got True"),
        (lambda: rt.Embedding(-1, 3), ShapeError, r"Embedding: num_embeddings must not be negative, got -1"),
        (lambda: rt.Dropout(p=2), ShapeError, r"Dropout: dropout probability has to be between 0 and 1, but got 2"),
    ],
)
def test_impossible_hyperparameters_at_construction(make: object, error: type[Exception], pattern: str) -> None:
    with pytest.raises(error, match=pattern):
        make()  # type: ignore[operator]


@pytest.mark.parametrize(
    ("layer", "shape", "pattern"),
    [
        (lambda: rt.Linear(2**63), (4,), r"^layer 0 Linear\(.*out_features=9223372036854775808\): weight of shape"),
        (lambda: rt.Conv2d(4, 3, stride=0), (1, 8, 8), r"^layer 0 Conv2d\(.*stride must be positive, got 0"),
        (lambda: rt.Conv2d(4, 3, dilation=0), (1, 8, 8), r"^layer 0 Conv2d\(.*dilation must be positive, got 0"),
        (lambda: rt.Conv2d(4, 3, padding=-1), (1, 8, 8), r"^layer 0 Conv2d\(.*negative padding is not supported"),
        (lambda: rt.Conv2d(4, (3, 3, 3)), (1, 8, 8), r"^layer 0 Conv2d\(.*kernel_size must have 2 elements"),
        (lambda: rt.MaxPool2d(2**63), (1, 8, 8), r"^layer 0 MaxPool2d\(kernel_size=9223372036854775808\)"),
        (lambda: rt.Embedding(10**30, 3), (4,), r"^layer 0 Embedding\(num_embeddings=10{30}, .*would need"),
        (lambda: rt.Upsample(scale_factor=-1), (1, 4, 4), r"^layer 0 Upsample\(scale_factor=-1\)"),
        (lambda: rt.Flatten(start_dim=5), (1, 4, 4), r"^layer 0 Flatten\(start_dim=5\): .*out of range"),
    ],
)
def test_impossible_hyperparameters_at_build_name_the_layer_and_value(
    layer: object, shape: tuple[int, ...], pattern: str
) -> None:
    with pytest.raises(ShapeError, match=pattern):
        rt.Sequential(layer(), input_shape=shape)  # type: ignore[operator]


@pytest.mark.parametrize(
    ("x", "pattern"),
    [
        (np.float32(1.0), r"^layer 0 Linear\(.*at least 1-D input, got shape \(\)"),
        (np.zeros(5, np.float32), r"needs in_features=5$"),
    ],
    ids=["0-d", "1-d-wrong-size"],
)
def test_wrong_rank_inputs_to_linear(x: np.ndarray, pattern: str) -> None:
    with pytest.raises(ShapeError, match=pattern):
        _model()(x)


@pytest.mark.parametrize("dtype", [bool, complex, object])
def test_non_real_inputs_are_refused(dtype: type) -> None:
    with pytest.raises(TypeError, match=f"numeric array, got dtype {np.dtype(dtype)}"):
        _model()(np.zeros((2, 4), dtype))


@pytest.mark.xfail(strict=True, reason="runtime/state.py: a ragged value raises numpy's ValueError, naming no key")
def test_a_ragged_value_is_named() -> None:
    state = {**_state(), "0.weight": [[1.0], [1.0, 2.0]]}
    with pytest.raises(rt.StateDictError, match="'0.weight'"):
        _model().load_state_dict(state)


@pytest.mark.xfail(strict=True, reason="runtime/state.py: a non-mapping raises AttributeError, torch raises TypeError")
def test_a_non_mapping_state_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        _model().load_state_dict([1, 2])  # type: ignore[arg-type]


@pytest.mark.xfail(strict=True, reason="runtime: a non-number eps is only found by numpy at forward, naming no layer")
def test_a_string_eps_names_the_layer() -> None:
    with pytest.raises((TypeError, ShapeError), match=r"BatchNorm1d.*eps"):
        rt.Sequential(rt.BatchNorm1d(eps="x"), input_shape=(4,))(np.zeros((2, 4), np.float32))


@pytest.mark.xfail(strict=True, reason="catalog upsample: int() of a NaN scale factor, naming no layer")
def test_a_nan_scale_factor_names_the_layer() -> None:
    with pytest.raises(ShapeError, match=r"^layer 0 Upsample"):
        rt.Sequential(rt.Upsample(scale_factor=float("nan")), input_shape=(1, 4, 4))
