"""Run a layer under torch and under the catalog, and report both outcomes alike.

An outcome is ``("ok", shape)``, ``("construct", None)`` when the constructor
rejects the hyperparameters, or ``("forward", None)`` when the forward call
rejects the input.  OverflowError counts as a rejection: ``Upsample`` raises
it for a scale factor too large for a float, ``F.interpolate`` for an
infinite one in some modes.

torch runs with oneDNN (mkldnn) off: on CPU, oneDNN's convolution kernels skip
some of torch's own checks (an empty output where torch says "Output size is
too small", dilation 0 with a kernel of 1), depending on batch size and
groups.  The catalog follows torch's own kernels, which every backend shares.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

import torch
from hypothesis import event

from shapelint.catalog import CATALOG, Problem, ShapeError, state_entries
from shapelint.dims import Shape

Outcome = tuple[str, tuple[int, ...] | None]


@contextmanager
def torch_checks() -> Iterator[None]:
    """torch's own kernels, warnings silenced: the verdict comes from exceptions alone."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with torch.backends.mkldnn.flags(enabled=False):
            yield


def torch_outcome(
    name: str,
    args: Mapping[str, object],
    shape: tuple[int, ...],
    dtype: torch.dtype = torch.float32,
    training: bool = False,
) -> Outcome:
    with torch_checks():
        try:
            layer = getattr(torch.nn, name)(**args)
        except (ValueError, TypeError, RuntimeError, IndexError, AssertionError, OverflowError):
            return ("construct", None)
        layer.train(training)
        try:
            with torch.no_grad():
                out = layer(torch.zeros(shape, dtype=dtype))
        except (ValueError, TypeError, RuntimeError, IndexError, AssertionError, NotImplementedError, OverflowError):
            return ("forward", None)
    return ("ok", tuple(out.shape))


def catalog_outcome(
    name: str,
    args: Mapping[str, object],
    shape: tuple[int, ...],
    dtype: str = "float",
    reasons: Mapping[Problem, str] | None = None,
    training: bool = False,
) -> tuple[str, object]:
    """The catalog's outcome; with ``reasons``, a forward refusal names its problem, and a kind that keeps a state
    (recurrent layers, attention's weights) gives ``(output, state)`` as torch's forward returns them; ``training``
    adds what the kind refuses in training mode."""
    kind = CATALOG[name]
    bound = kind.bind((), args)
    try:
        kind.check_hyperparameters(bound)
    except ShapeError:
        return ("construct", None)
    incoming = Shape(shape, dtype=dtype)
    try:
        out = kind.infer(bound, incoming)
        if training and kind.training_rule is not None:
            kind.training_rule(bound, incoming)
    except ShapeError as error:
        return ("forward", None if reasons is None else reasons.get(error.problem, f"other: {error}"))
    if reasons is None or kind.state is None:
        return ("ok", known_dims(out))
    return ("ok", (known_dims(out), known_dims(kind.state(bound, incoming))))


def known_dims(value: object) -> object:
    """The sizes of a shape, or of each shape in a (nested) tuple of them; every one must be known."""
    if isinstance(value, torch.Tensor):
        return tuple(value.shape)
    if isinstance(value, Shape):
        assert not value.open, "an open shape for a fully known input"
        return value.dims
    assert isinstance(value, tuple), value
    return tuple(known_dims(item) for item in value)


def assert_agrees(
    name: str, args: Mapping[str, object], shape: tuple[int, ...], dtype: str = "float", training: bool = False
) -> None:
    """The catalog and torch agree on ``name(**args)`` applied to an input of ``shape``, in eval mode or, with
    ``training``, in training mode."""
    torch_dtype = torch.long if dtype == "int" else torch.float32
    expected = torch_outcome(name, args, shape, torch_dtype, training)
    actual = catalog_outcome(name, args, shape, dtype, training=training)
    event(f"torch: {expected[0]}")
    assert actual == expected, f"{name}({dict(args)}) on {shape}: torch {expected}, catalog {actual}"


def assert_same_entries(name: str, args: Mapping[str, object]) -> None:
    """The catalog lists the state-dict entries torch's layer has: names, shapes, and which are trained."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        layer = getattr(torch.nn, name)(**args)
    trainable = {key for key, _ in layer.named_parameters()}
    expected = [(key, tuple(value.shape), key in trainable) for key, value in layer.state_dict().items()]
    kind = CATALOG[name]
    entries = state_entries(kind, kind.bind((), args))
    assert entries is not None
    assert [(e.name, e.shape, e.trainable) for e in entries] == expected
