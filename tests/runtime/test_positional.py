"""A torch-style positional call of a runtime layer is refused, naming torch's reading and the runtime spelling.

Every catalogued kind the runtime builds is tried generically: torch's positional form (the input size first,
then every positional prefix of the rest, at their defaults) must construct in torch, be refused by the runtime,
and the runtime spellings the message suggests must build the layer torch's reading describes.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import shapelint.runtime as rt
from torch import nn

from shapelint.catalog import CATALOG, REQUIRED, LayerKind, TorchStyleCall, inferred_argument, runtime_positional
from tests.runtime.torch_style import CALLS, IDS


def _refusal(name: str, args: tuple[object, ...]) -> TorchStyleCall:
    with pytest.raises(TorchStyleCall) as caught:
        getattr(rt, name)(*args)
    return caught.value


def _suggestions(error: TorchStyleCall) -> tuple[str, str]:
    found = re.search(r": write (.*), or (.*) to keep the explicit size$", str(error))
    assert found is not None, str(error)
    return found[1], found[2]


@pytest.mark.parametrize(("name", "args"), CALLS, ids=IDS)
def test_torch_positional_calls_are_refused_with_both_spellings(name: str, args: tuple[object, ...]) -> None:
    getattr(nn, name)(*args)  # the reading is torch's: torch builds it
    kind = CATALOG[name]
    error = _refusal(name, args)
    assert isinstance(error, TypeError)
    torch_reading = ", ".join(f"{p.name}={value!r}" for p, value in zip(kind.params, args))
    assert str(error).startswith(f"{name}({', '.join(map(repr, args))}) reads as torch's {name}({torch_reading}); ")
    inferred, explicit = _suggestions(error)
    expected = kind.bind(args)
    built = eval(explicit, vars(rt))
    assert built.given == expected
    skipped = inferred_argument(kind)
    assert eval(inferred, vars(rt)).given == {**expected, skipped: built.placeholder}


@pytest.mark.parametrize("kind", [k for k in CATALOG.values() if hasattr(rt, k.name)], ids=lambda k: k.name)
def test_runtime_positional_parameters(kind: LayerKind) -> None:
    """Past an inferred size only torch's required arguments are positional; without one, torch's signature."""
    skip = inferred_argument(kind)
    torch_positional = tuple(p.name for p in kind.params if not p.keyword_only)
    if skip is None:
        assert runtime_positional(kind) == torch_positional
    else:
        assert skip not in runtime_positional(kind)
        assert all(kind.params[torch_positional.index(n)].default is REQUIRED for n in runtime_positional(kind))


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: rt.Conv2d(1, 6, 5),
            "Conv2d(1, 6, 5) reads as torch's Conv2d(in_channels=1, out_channels=6, kernel_size=5); in the runtime the "
            "input size is inferred: write Conv2d(6, 5), or Conv2d(6, 5, in_channels=1) to keep the explicit size",
        ),
        (
            lambda: rt.Linear(784, 10),
            "Linear(784, 10) reads as torch's Linear(in_features=784, out_features=10); in the runtime the input size "
            "is inferred: write Linear(10), or Linear(10, in_features=784) to keep the explicit size",
        ),
        (
            lambda: rt.Conv2d(1, 6, kernel_size=5, padding=2),
            "Conv2d(1, 6, kernel_size=5, padding=2) reads as torch's Conv2d(in_channels=1, out_channels=6, "
            "kernel_size=5, padding=2); in the runtime the input size is inferred: write Conv2d(6, 5, padding=2), "
            "or Conv2d(6, 5, padding=2, in_channels=1) to keep the explicit size",
        ),
        (
            lambda: rt.BatchNorm2d(64, 1e-3),
            "BatchNorm2d(64, 0.001) reads as torch's BatchNorm2d(num_features=64, eps=0.001); in the runtime the input "
            "size is inferred: write BatchNorm2d(eps=0.001), or BatchNorm2d(eps=0.001, num_features=64) to keep the "
            "explicit size",
        ),
        (
            lambda: rt.GroupNorm(4, 32, affine=False),
            "GroupNorm(4, 32, affine=False) reads as torch's GroupNorm(num_groups=4, num_channels=32, affine=False); "
            "in the runtime the input size is inferred: write GroupNorm(4, affine=False), or "
            "GroupNorm(4, affine=False, num_channels=32) to keep the explicit size",
        ),
    ],
    ids=["conv", "linear", "keyword-fits-torch", "batchnorm-eps", "groupnorm"],
)
def test_torch_style_messages(call: object, message: str) -> None:
    with pytest.raises(TorchStyleCall) as caught:
        call()  # type: ignore[operator]
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: rt.Linear(10, True), r"^Linear\(\) takes 1 positional argument \(out_features\) but 2 were given"),
        (lambda: rt.Conv2d(6, 5, 2, in_channels=3), r"^Conv2d\(\) takes 2 positional arguments"),
        (lambda: rt.BatchNorm2d(True), r"^BatchNorm2d\(\) takes 0 positional arguments \(\) but 1 were given"),
    ],
    ids=["bias-positional", "explicit-size-and-stride", "flag"],
)
def test_calls_torch_cannot_read_either_are_plain_type_errors(call: object, message: str) -> None:
    """No torch reading to show: torch's signature would not bind, or binds a flag to a size."""
    with pytest.raises(TypeError, match=message) as caught:
        call()  # type: ignore[operator]
    assert not isinstance(caught.value, TorchStyleCall)


@pytest.mark.parametrize(
    "call",
    [
        lambda: rt.Conv2d(6, 5),
        lambda: rt.Conv2d(6, 5, in_channels=1),
        lambda: rt.Conv2d(6, kernel_size=5, stride=2),
        lambda: rt.Linear(10, bias=False),
        lambda: rt.BatchNorm2d(),
        lambda: rt.GroupNorm(2),
        lambda: rt.MaxPool2d(2, 2),
        lambda: rt.AvgPool2d(3, 2, 1),
        lambda: rt.Dropout(0.5),
        lambda: rt.Embedding(100, 8),
        lambda: rt.PReLU(4),
    ],
    ids=[
        "conv",
        "conv-explicit",
        "conv-keywords",
        "linear",
        "batchnorm",
        "groupnorm",
        "maxpool",
        "avgpool",
        "dropout",
        "embedding",
        "prelu",
    ],
)
def test_runtime_calls_still_build(call: object) -> None:
    """Runtime spellings, and torch's own for kinds whose size is not inferred (Embedding's vocabulary, PReLU's
    optional count)."""
    call()  # type: ignore[operator]


def test_the_readme_shows_the_real_error() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    shown = re.search(r"<!-- torch-style-call -->\n```\n>>> (.*)\nTypeError: (.*)\n```", readme)
    assert shown is not None
    with pytest.raises(TorchStyleCall) as caught:
        eval(shown[1], vars(rt))
    assert str(caught.value) == shown[2]
