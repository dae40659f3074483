"""What makes two built models the same configuration: a zoo builds SE-ResNet-18 to -152 once from each file that
runs them, and each of their hundreds of blocks holds the same few Sequentials.  Running every copy on an unknown
input again finds nothing the first copy did not; nor does running a model again on the batch another training
script fed the same configuration of it."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence

from shapelint.dims import UNKNOWN
from shapelint.evaluator.machine import Machine
from shapelint.evaluator.values import Instance, Layer, SequentialValue, Tensor

_PLAIN = (int, float, str, bool, type(None))
_PLAIN_TYPES = frozenset(_PLAIN)
_MAX_DEPTH = 8


class Configurations:
    """Keys equal for two models built at the same places with the same arguments all the way down; ``None`` for a
    value that holds anything else (a tensor, a function), which is then never taken for another.  Each value's
    key is worked out once (the blocks of a stage are in every Sequential that holds the stage)."""

    def __init__(self) -> None:
        self.keys: dict[int, Hashable | None] = {}
        self.held: list[object] = []
        """The values keyed, kept alive so that their ids stay theirs."""

    def of(self, value: object, depth: int = 0) -> Hashable | None:
        plain = _plain_key(value)
        if plain is not None:
            return plain
        if depth > _MAX_DEPTH:
            return None
        if id(value) not in self.keys:
            self.keys[id(value)] = self._work_out(value, depth)
            self.held.append(value)
        return self.keys[id(value)]

    def _work_out(self, value: object, depth: int) -> Hashable | None:
        if isinstance(value, tuple):
            return self._all(("tuple",), value, depth)
        if isinstance(value, Tensor):
            return ("tensor", value.shape)
        if isinstance(value, Layer):
            return self._all(("layer", id(value.node), value.inferred, *value.args), value.args.values(), depth)
        if isinstance(value, SequentialValue) and value.input_shape is None:
            names = tuple(name for name, _ in value.children)
            return self._all(("sequential", id(value.node), names), (child for _, child in value.children), depth)
        if isinstance(value, Instance) and value.known and value.layer is None and value.sequential is None:
            return self._all(("instance", id(value.cls), *value.attributes), value.attributes.values(), depth)
        return None

    def _all(self, head: tuple[Hashable, ...], parts: Iterable[object], depth: int) -> Hashable | None:
        keys: list[Hashable] = []
        for part in parts:
            # a layer's arguments are mostly numbers: keyed here, without a call each
            key = _plain_key(part) or self.of(part, depth + 1)
            if key is None:
                return None
            keys.append(key)
        return (*head, *keys)


def _plain_key(value: object) -> Hashable | None:
    """A number, string, ``None`` or the unknown, with its type (``1`` and ``True`` are two arguments)."""
    plain = value is UNKNOWN or value.__class__ in _PLAIN_TYPES or isinstance(value, _PLAIN)
    return (value.__class__.__name__, value) if plain else None


def run_key(
    m: Machine, module: Instance, flow: object, rest: Sequence[object], kwargs: Mapping[str, object] | None
) -> Hashable | None:
    """What a model's run on its arguments depends on: the same key gives the same findings and the same result.
    ``None`` when an argument or the model holds what no key describes."""
    keys = Configurations()
    named = sorted((kwargs or {}).items())
    parts = [keys.of(value) for value in (module, flow, *rest, *(value for _, value in named))]
    if any(part is None for part in parts):
        return None
    return (*parts, tuple(name for name, _ in named), m.binder.depth > 0)


def reusable(result: object) -> bool:
    """Whether a run's result can be handed to another caller as it is: tensors and numbers are never changed in
    place, a list or a model may be."""
    if isinstance(result, tuple):
        return all(reusable(item) for item in result)
    return result is UNKNOWN or isinstance(result, (Tensor, *_PLAIN))
