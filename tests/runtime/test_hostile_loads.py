"""Hostile runtime inputs that ``tests/runtime`` leaves out: all-or-nothing loads for each bad key, odd values."""

from __future__ import annotations

import re

import numpy as np
import pytest
import shapelint.runtime as rt
import torch

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


def test_a_ragged_value_is_named_and_nothing_is_loaded() -> None:
    model = _model()
    before = {key: value.copy() for key, value in model.state_dict().items()}
    state = {**_state(), "0.weight": [[1.0], [1.0, 2.0]]}
    with pytest.raises(rt.StateDictError, match=re.escape("'0.weight': not an array")):
        model.load_state_dict(state)
    assert all(np.array_equal(before[key], value) for key, value in model.state_dict().items())


def test_parameters_that_require_grad_load_as_in_torch() -> None:
    twin = torch.nn.Linear(4, 3)
    parameters = dict(twin.named_parameters())
    twin.load_state_dict(parameters)
    model = rt.Sequential(rt.Linear(3), input_shape=(4,))
    model.load_state_dict({f"0.{key}": value for key, value in parameters.items()})
    loaded = model.state_dict()
    assert all(np.array_equal(loaded[f"0.{key}"], value.detach().numpy()) for key, value in parameters.items())


@pytest.mark.parametrize("state", [[1, 2], None, "abc"])
def test_a_non_mapping_state_is_a_type_error_as_in_torch(state: object) -> None:
    with pytest.raises(TypeError, match="Expected state_dict to be dict-like") as torch_error:
        torch.nn.Linear(2, 3).load_state_dict(state)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=re.escape(str(torch_error.value))):
        _model().load_state_dict(state)  # type: ignore[arg-type]


def _torch_rejects(name: str, args: dict[str, object], shape: tuple[int, ...]) -> None:
    """torch refuses the layer, at construction or on the first call."""
    dtype = torch.long if name == "Embedding" else torch.float32
    with pytest.raises((TypeError, ValueError, RuntimeError, OverflowError, IndexError)):
        layer = getattr(torch.nn, name)(**args).eval()
        with torch.no_grad():
            layer(torch.zeros(shape, dtype=dtype))


WRONG_TYPES = [
    ("BatchNorm1d", {}, {"num_features": 4}, "eps", "x", (2, 4)),
    ("BatchNorm2d", {}, {"num_features": 4}, "momentum", "x", (2, 4, 3, 3)),
    ("BatchNorm3d", {}, {"num_features": 4}, "eps", None, (2, 4, 2, 2, 2)),
    ("InstanceNorm1d", {}, {"num_features": 4}, "momentum", (4, 5), (2, 4, 5)),
    ("LayerNorm", {}, {"normalized_shape": 4}, "eps", 1j, (2, 4)),
    ("GroupNorm", {"num_groups": 2}, {"num_channels": 4}, "eps", "x", (2, 4)),
    ("RMSNorm", {}, {"normalized_shape": 4}, "eps", "x", (2, 4)),
    ("LocalResponseNorm", {"size": 2}, {}, "k", "x", (2, 4, 5)),
    ("LeakyReLU", {}, {}, "negative_slope", "x", (2, 4)),
    ("ELU", {}, {}, "alpha", None, (2, 4)),
    ("Softplus", {}, {}, "beta", "x", (2, 4)),
    ("Threshold", {"threshold": 0.1}, {}, "value", None, (2, 4)),
    ("Hardtanh", {}, {}, "min_val", "x", (2, 4)),
    ("RReLU", {}, {}, "lower", None, (2, 4)),
    ("PReLU", {}, {}, "init", "x", (2, 4)),
    ("Dropout", {}, {}, "p", "x", (2, 4)),
    ("ConstantPad1d", {"padding": 1}, {}, "value", "x", (2, 4, 5)),
]


@pytest.mark.parametrize(
    ("name", "args", "sizes", "param", "value", "shape"), WRONG_TYPES, ids=[f"{c[0]}-{c[3]}" for c in WRONG_TYPES]
)
def test_a_real_hyperparameter_of_another_type_is_refused_at_construction(
    name: str, args: dict[str, object], sizes: dict[str, object], param: str, value: object, shape: tuple[int, ...]
) -> None:
    _torch_rejects(name, {**args, **sizes, param: value}, shape)
    message = f"^{name}: {param} must be a real number, got {re.escape(repr(value))}$"
    with pytest.raises(TypeError, match=message):
        getattr(rt, name)(**args, **{param: value})


def test_layer_norm_with_a_positional_shape_reads_as_torch() -> None:
    """normalized_shape is inferred, so keyword-only, and eps is keyword-only too: a positional (4, 5) is torch's
    normalized_shape, and is refused as such rather than landing on eps."""
    with pytest.raises(TypeError, match=r"^LayerNorm\(\(4, 5\)\) reads as torch's LayerNorm\(normalized_shape=\(4, 5\)\)"):
        rt.LayerNorm((4, 5))


def test_a_real_hyperparameter_past_any_float_is_refused_at_construction() -> None:
    _torch_rejects("LeakyReLU", {"negative_slope": 10**400}, (2, 4))
    with pytest.raises(ValueError, match=r"^LeakyReLU: negative_slope=10{400} is too large for a float$"):
        rt.LeakyReLU(10**400)


@pytest.mark.parametrize(
    ("name", "args", "sizes", "shape"),
    [
        ("BatchNorm1d", {"momentum": None}, {"num_features": 4}, (3, 4)),
        ("InstanceNorm1d", {"momentum": None, "track_running_stats": True}, {"num_features": 4}, (3, 4, 5)),
        ("RMSNorm", {"eps": None}, {"normalized_shape": 5}, (3, 4, 5)),
        ("ConstantPad1d", {"padding": 1, "value": None}, {}, (3, 4, 5)),
    ],
)
def test_none_where_torch_takes_it_runs_as_in_torch(
    name: str, args: dict[str, object], sizes: dict[str, object], shape: tuple[int, ...]
) -> None:
    x = np.random.default_rng(0).standard_normal(shape).astype(np.float32)
    with torch.no_grad():
        expected = getattr(torch.nn, name)(**args, **sizes).eval()(torch.from_numpy(x)).numpy()
    actual = rt.Sequential(getattr(rt, name)(**args), input_shape=shape[1:])(x)
    np.testing.assert_allclose(actual, expected, rtol=1e-5, atol=1e-6)


REFUSED_ON_FIRST_CALL = [
    ("Upsample", {"scale_factor": float("nan")}, {}, (1, 4, 4), r"Upsample\(scale_factor=nan\): .*not a finite number"),
    ("Dropout", {"p": float("nan")}, {}, (4,), r"Dropout\(p=nan\): dropout probability has to be between 0 and 1"),
    ("BatchNorm1d", {"eps": -1.0}, {"num_features": 4}, (4,), r"BatchNorm1d\(.*eps=-1.0\): .*must be non-negative"),
    (
        "BatchNorm1d",
        {"eps": 0.0, "track_running_stats": False},
        {"num_features": 4},
        (4,),
        r"BatchNorm1d\(.*\): batch_norm eps must be positive with batch statistics, got 0.0",
    ),
    ("RReLU", {"upper": float("inf")}, {}, (4,), r"RReLU\(upper=inf\): RReLU upper bound must be finite"),
    ("Softshrink", {"lambd": float("nan")}, {}, (4,), r"Softshrink\(lambd=nan\): .*finite and not negative"),
]


@pytest.mark.parametrize(
    ("name", "args", "sizes", "shape", "pattern"),
    REFUSED_ON_FIRST_CALL,
    ids=[f"{case[0]}-{sorted(case[1].items())[0]}" for case in REFUSED_ON_FIRST_CALL],
)
def test_a_value_torch_refuses_on_the_first_call_is_refused_at_build_naming_the_layer(
    name: str, args: dict[str, object], sizes: dict[str, object], shape: tuple[int, ...], pattern: str
) -> None:
    _torch_rejects(name, {**args, **sizes}, (2,) + shape)
    with pytest.raises(ShapeError, match="^layer 0 " + pattern):
        rt.Sequential(getattr(rt, name)(**args), input_shape=shape)


WRONG_SIZES = [
    ("PixelShuffle", {}, {}, "upscale_factor", 2.5, (1, 8, 2, 2), "an int"),
    ("PixelUnshuffle", {}, {}, "downscale_factor", -0.0, (1, 2, 4, 4), "an int"),
    ("ChannelShuffle", {}, {}, "groups", None, (1, 4, 2, 2), "an int"),
    ("GLU", {}, {}, "dim", "x", (2, 4), "an int"),
    ("Embedding", {"num_embeddings": 10, "embedding_dim": 3}, {}, "padding_idx", 2.5, (2,), "an int"),
    ("AvgPool2d", {"kernel_size": 2}, {}, "divisor_override", "x", (1, 2, 4, 4), "an int"),
    ("Conv2d", {"out_channels": 3, "kernel_size": 3}, {"in_channels": 2}, "stride", None, (1, 2, 4, 4), "an int or"),
    ("ZeroPad2d", {}, {}, "padding", "x", (1, 2, 4, 4), "an int or"),
    ("MaxPool2d", {}, {}, "kernel_size", "x", (1, 2, 4, 4), "an int or"),
]


@pytest.mark.parametrize(
    ("name", "args", "sizes", "param", "value", "shape", "expected"),
    WRONG_SIZES,
    ids=[f"{case[0]}-{case[3]}" for case in WRONG_SIZES],
)
def test_an_integer_hyperparameter_of_another_type_is_refused_at_construction(
    name: str,
    args: dict[str, object],
    sizes: dict[str, object],
    param: str,
    value: object,
    shape: tuple[int, ...],
    expected: str,
) -> None:
    """Strings pass only for a convolution's padding ('same', 'valid'); None only where torch's default is None."""
    _torch_rejects(name, {**args, **sizes, param: value}, shape)
    with pytest.raises(TypeError, match=f"^{name}: {param} must be {expected}.*, got {re.escape(repr(value))}$"):
        getattr(rt, name)(**args, **{param: value})


def test_an_output_too_large_to_hold_is_refused_at_build_naming_the_layer() -> None:
    _torch_rejects("Conv2d", {"in_channels": 2, "out_channels": 3, "kernel_size": 3, "padding": 10**30}, (1, 2, 4, 4))
    pattern = r"^layer 0 Conv2d\(.*padding=10{30}\): an output of shape \(B, 3, 2(0{29})2, 2\1?2\) would need"
    with pytest.raises(ShapeError, match=pattern):
        rt.Sequential(rt.Conv2d(3, 3, padding=10**30), input_shape=(2, 4, 4))


@pytest.mark.parametrize(
    ("name", "args", "shape"),
    [
        ("ZeroPad2d", {"padding": (1, 2)}, (1, 2, 3, 3)),
        ("ZeroPad2d", {"padding": ()}, (1, 2, 3, 3)),
        ("ConstantPad3d", {"padding": (1, 0, 0, 2), "value": 1.5}, (1, 2, 2, 3, 3)),
        ("Conv2d", {"in_channels": 2, "out_channels": 3, "kernel_size": 3, "padding": "same"}, (1, 2, 4, 4)),
        ("MaxPool2d", {"kernel_size": 2, "stride": None}, (1, 2, 4, 4)),
        ("Upsample", {"scale_factor": True}, (1, 2, 3, 3)),
        ("AdaptiveMaxPool2d", {"output_size": (0, 2)}, (1, 2, 4, 4)),
        ("AdaptiveMaxPool1d", {"output_size": 0}, (1, 2, 4)),
    ],
)
def test_odd_but_valid_hyperparameters_run_as_in_torch(
    name: str, args: dict[str, object], shape: tuple[int, ...]
) -> None:
    torch.manual_seed(0)
    x = np.random.default_rng(0).standard_normal(shape).astype(np.float32)
    twin = getattr(torch.nn, name)(**args).eval()
    runtime_args = {key: value for key, value in args.items() if key != "in_channels"}
    model = rt.Sequential(getattr(rt, name)(**runtime_args), input_shape=shape[1:])
    model.load_state_dict({f"0.{key}": value.detach().numpy() for key, value in twin.state_dict().items()})
    with torch.no_grad():
        expected = twin(torch.from_numpy(x)).numpy()
    np.testing.assert_allclose(model(x), expected, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize(
    ("name", "args", "shape"),
    [
        ("Conv2d", {"in_channels": 4, "out_channels": 3, "kernel_size": 3}, (0, 4, 6, 6)),
        ("GroupNorm", {"num_groups": 2, "num_channels": 4}, (0, 4, 6)),
        ("Softmax", {"dim": 1}, (0, 4)),
        ("LogSoftmax", {"dim": -1}, (3, 0)),
        ("AdaptiveAvgPool2d", {"output_size": 2}, (0, 4, 6, 6)),
        ("ZeroPad2d", {"padding": 1}, (2, 4, 0)),
        ("ConstantPad1d", {"padding": 2, "value": 3.0}, (0, 4)),
    ],
)
def test_empty_inputs_give_torch_shapes(name: str, args: dict[str, object], shape: tuple[int, ...]) -> None:
    """Built on first call: ``input_shape`` itself must be positive."""
    with torch.no_grad():
        expected = getattr(torch.nn, name)(**args).eval()(torch.zeros(shape)).numpy()
    runtime_args = {key: value for key, value in args.items() if key not in ("in_channels", "num_channels")}
    actual = rt.Sequential(getattr(rt, name)(**runtime_args))(np.zeros(shape, np.float32))
    assert actual.shape == expected.shape and actual.dtype == expected.dtype
    np.testing.assert_array_equal(actual, expected)
