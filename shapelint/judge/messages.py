"""Findings' messages: a code row's template filled with the layer, the values and where the shape came from."""

from __future__ import annotations

import os

import libcst as cst

from shapelint.catalog import Family
from shapelint.dims import Shape, is_int, spelled
from shapelint.evaluator import Configuration, Evaluation, Mismatch, ModuleSource, Origin, Requirement
from shapelint.judge.codes import CODES, SIZE_MESSAGE
from shapelint.source import Positions

_UNITS = {Family.LINEAR: "features", Family.CONV: "channels"}


def render(name: str, **fields: object) -> str:
    """The message of a finding of the code called ``name``."""
    return CODES[name].message.format(**fields)


def size_message(mismatch: Mismatch, origin: str) -> str:
    """A wrong input-size argument, in the size codes' words (PReLU's, reported as SHP006, too)."""
    error, unit, context = mismatch.error, *_received(mismatch, origin)
    fields = {"layer": mismatch.label, "argument": error.argument, "found": repr(error.found)}
    return SIZE_MESSAGE.format(**fields, expected=_plain(error.expected), unit=unit, context=context)


def library_size_message(mismatch: Mismatch, where: str, origin: str) -> str:
    """A library's layer that rejects the size it is fed: the layer, where the library defines it, what arrives."""
    error, unit, context = mismatch.error, *_received(mismatch, origin)
    layer = f"{mismatch.label}({error.argument}={error.found!r}) at {where}"
    return f"{layer} receives {_plain(error.expected)} {unit}{context}"


def _received(mismatch: Mismatch, origin: str) -> tuple[str, str]:
    """What a size arrives as (``features``, ``channels``) and where it comes from."""
    error, family = mismatch.error, mismatch.layer.kind.family if mismatch.layer else None
    unit = _UNITS.get(family, "channels" if is_int(error.expected) else "trailing dimensions")  # type: ignore[arg-type]
    return unit, f"; {origin}" if origin else f" (input shape {mismatch.incoming})"


def problem_message(name: str, mismatch: Mismatch, origin: str) -> str:
    """Any other rejection: the shape rule's words, and the origin of the shape in parentheses."""
    return render(name, detail=mismatch.error.message, context=f" ({origin})" if origin else "")


MAX_CALL_SHOWN = 72


def configuration_note(mismatch: Mismatch, places: Places) -> str:
    """``; with ResNet(Bottleneck, [3, 4, 6, 3]) from resnet50() at line 212``: the configuration that exposed a
    finding, when the model was built with arguments or by a factory (a plain ``Net()`` tells nothing more)."""
    built = mismatch.configuration
    if built is None or (not built.call.args and built.factory is None):
        return ""
    return f"; with {_configuration(built, places)}"


def input_note(mismatch: Mismatch, places: Places) -> str:
    """``; input (B, 1, 28, 28) from datasets.MNIST at train.py:31``: what the model was fed, where that came from
    the data pipeline or another file (a training script), unless the message already starts from it."""
    fed = mismatch.fed
    origin = fed.origin if fed is not None else None
    if fed is None or origin is None or origin.node is None or origin == mismatch.origin:
        return ""
    if not (places.elsewhere(origin.node) or origin.dataset):
        return ""
    return f"; input {fed.shape} from {origin.label} at {places.of(origin.node)}"


def disagreement_note(first: Requirement, second: Requirement, places: Places) -> str:
    """Why a size finding has no fix: two runs need different sizes and no expression gives both; the runs are
    named by their configurations where they are two."""
    needs = [_plain(first.needed), _plain(second.needed)]
    built = [first.configuration, second.configuration]
    if built[0] is None or built[1] is None or built[0] == built[1]:
        return f"; no fix: one run needs {needs[0]} and another {needs[1]}, and no single expression gives both"
    runs = [f"{need} with {_configuration(b, places)}" for need, b in zip(needs, built) if b is not None]
    return f"; no fix: no single expression gives {runs[0]} and {runs[1]}"


def _configuration(built: Configuration, places: Places) -> str:
    call = " ".join(_EMPTY_MODULE.code_for_node(built.call).split())
    if len(call) > MAX_CALL_SHOWN:
        call = f"{call[: MAX_CALL_SHOWN - 4]}...)"
    factory = f" from {built.factory}()" if built.factory else ""
    return f"{call}{factory} at {places.of(built.call)}"


_EMPTY_MODULE = cst.Module([])


def _plain(value: object) -> str:
    return repr(value) if isinstance(value, (list, tuple)) else spelled(value)


class Places:
    """Where a node is, in a finding's words: ``line 13`` in the judged file, ``data.py:31`` in a module it imports."""

    def __init__(self, positions: Positions, evaluation: Evaluation) -> None:
        self.positions = positions
        self._evaluation = evaluation
        self._imported: dict[str, Positions] = {}

    def elsewhere(self, node: cst.CSTNode) -> bool:
        """Whether ``node`` is in another file than the judged one."""
        return self._evaluation.imported_from(node) is not None

    def of(self, node: cst.CSTNode) -> str:
        source = self._evaluation.imported_from(node)
        if source is None:
            return f"line {self.positions.of(node).line}"
        positions = self._imported.setdefault(source.path, Positions(source.module))
        return f"{_shown(source.path) if not source.installed else _installed(source)}:{positions.of(node).line}"


def _installed(source: ModuleSource) -> str:
    """An installed module's file as its package lays it out (``torchvision/models/resnet.py``)."""
    return source.name.replace(".", "/") + ("/__init__.py" if source.package else ".py")


def _shown(path: str) -> str:
    """A path as a user reads it: relative to the working directory when it is under it."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def describe_origin(origin: Origin | None, incoming: Shape, places: Places) -> str:
    """Where the incoming shape came from, e.g. ``Flatten at line 13 turns (B, 16, 4, 4) into (B, 256)``."""
    if origin is None:
        return ""
    if origin.node is None:
        return f"{origin.label} at line {origin.line}"
    where = places.of(origin.node)
    if origin.before is None:
        return f"{origin.label} at {where} gives {incoming}"
    return f"{origin.label} at {where} turns {origin.before} into {incoming}"


def rejected_origin(mismatch: Mismatch, places: Places) -> str:
    """Where the rejected shape came from; for a loss, where its input and its target each came from."""
    origin = describe_origin(mismatch.origin, mismatch.incoming, places)
    target = mismatch.target
    if target is None:
        return origin
    described = (("input", origin), ("target", describe_origin(target.origin, target.shape, places)))
    return "; ".join(f"{role} from {text}" for role, text in described if text)
