"""state_dict keys and layouts are PyTorch's; loading is all or nothing and names what is wrong."""

from __future__ import annotations

import numpy as np
import pytest
import shapelint.runtime as rt
from torch import nn

from tests.runtime.helpers import torch_state


def _model() -> rt.Sequential:
    return rt.Sequential(
        rt.Conv2d(4, 3), rt.BatchNorm2d(), rt.ReLU(), rt.Sequential(rt.Flatten(), rt.Linear(5)), input_shape=(2, 6, 6), rng=0
    )


def _reference() -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(2, 4, 3), nn.BatchNorm2d(4), nn.ReLU(), nn.Sequential(nn.Flatten(), nn.Linear(64, 5)))


def test_keys_shapes_and_dtypes_are_torchs() -> None:
    ours, theirs = _model().state_dict(), torch_state(_reference())
    assert list(ours) == list(theirs)
    for key in theirs:
        assert ours[key].shape == theirs[key].shape, key
        assert ours[key].dtype == theirs[key].dtype, key


def test_wrong_shape_names_key_expected_and_given() -> None:
    state = torch_state(_reference())
    state["3.1.weight"] = np.zeros((5, 63), np.float32)
    with pytest.raises(rt.StateDictError, match=r"'3\.1\.weight': expected shape \(5, 64\), given shape \(5, 63\)"):
        _model().load_state_dict(state)


def test_missing_and_unexpected_keys_are_all_named() -> None:
    state = torch_state(_reference())
    del state["1.running_var"]
    state["9.weight"] = np.zeros(3)
    with pytest.raises(rt.StateDictError) as caught:
        _model().load_state_dict(state)
    assert "missing key '1.running_var' (expected shape (4,))" in str(caught.value)
    assert "unexpected key '9.weight' (shape (3,))" in str(caught.value)


def test_failed_load_changes_nothing() -> None:
    model = _model()
    before = {key: value.copy() for key, value in model.state_dict().items()}
    state = torch_state(_reference())
    state["0.bias"] = np.zeros(5, np.float32)
    with pytest.raises(rt.StateDictError):
        model.load_state_dict(state)
    after = model.state_dict()
    assert all(np.array_equal(before[key], after[key]) for key in before)


def test_load_copies_and_casts_to_the_model_dtype() -> None:
    model = rt.Sequential(rt.Linear(2), input_shape=(3,), dtype=np.float64)
    weight = np.ones((2, 3), np.float32)
    model.load_state_dict({"0.weight": weight, "0.bias": np.zeros(2, np.float32)})
    weight[0, 0] = 5
    assert model.state_dict()["0.weight"].dtype == np.float64
    assert model.state_dict()["0.weight"][0, 0] == 1


def test_unbuilt_model_has_no_state_yet() -> None:
    with pytest.raises(RuntimeError, match="not built yet"):
        rt.Sequential(rt.Linear(2)).state_dict()


def test_layer_attributes_expose_tensors() -> None:
    model = _model()
    assert model[1].running_var.shape == (4,)
    assert model[3][1].weight is model.state_dict()["3.1.weight"]


@pytest.mark.parametrize(
    ("runtime", "reference", "shape"),
    [
        (lambda: rt.Linear(3, bias=False), lambda: nn.Linear(5, 3, bias=False), (5,)),
        (lambda: rt.Conv1d(6, 3, groups=2, bias=False), lambda: nn.Conv1d(4, 6, 3, groups=2, bias=False), (4, 9)),
        (
            lambda: rt.ConvTranspose3d(4, (1, 2, 3), groups=2),
            lambda: nn.ConvTranspose3d(6, 4, (1, 2, 3), groups=2),
            (6, 2, 3, 3),
        ),
        (lambda: rt.BatchNorm1d(affine=False), lambda: nn.BatchNorm1d(3, affine=False), (3,)),
        (
            lambda: rt.InstanceNorm2d(affine=True, track_running_stats=True),
            lambda: nn.InstanceNorm2d(3, affine=True, track_running_stats=True),
            (3, 4, 4),
        ),
        (lambda: rt.LayerNorm(normalized_shape=(4, 5), bias=False), lambda: nn.LayerNorm((4, 5), bias=False), (3, 4, 5)),
        (lambda: rt.RMSNorm(normalized_shape=5), lambda: nn.RMSNorm(5), (3, 5)),
        (lambda: rt.GroupNorm(2), lambda: nn.GroupNorm(2, 4), (4, 3)),
        (lambda: rt.PReLU(3), lambda: nn.PReLU(3), (3, 2)),
        (lambda: rt.Embedding(7, 2, padding_idx=1), lambda: nn.Embedding(7, 2, padding_idx=1), (4,)),
    ],
)
def test_every_layer_with_tensors_has_torchs_entries(runtime: object, reference: object, shape: tuple) -> None:
    """Names, order, shapes and dtypes come from the catalog; torch is the judge."""
    dtype = "int" if shape == (4,) else None
    ours = rt.Sequential(runtime(), input_shape=shape, input_dtype=dtype).state_dict()  # type: ignore[operator]
    theirs = torch_state(nn.Sequential(reference()))  # type: ignore[operator]
    assert [(key, value.shape, value.dtype) for key, value in ours.items()] == [
        (key, value.shape, value.dtype) for key, value in theirs.items()
    ]


def test_torch_state_dict_loads_directly() -> None:
    reference = _reference()
    model = _model()
    model.load_state_dict(reference.state_dict())
    np.testing.assert_array_equal(model.state_dict()["3.1.weight"], reference.state_dict()["3.1.weight"].numpy())


def test_non_numeric_value_is_named() -> None:
    state = torch_state(_reference())
    state["0.bias"] = np.array(["a", "b", "c", "d"])
    with pytest.raises(rt.StateDictError, match=r"'0\.bias': expected numbers, given dtype <U1"):
        _model().load_state_dict(state)
