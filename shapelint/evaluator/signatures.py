"""What makes two built models the same configuration: a zoo builds SE-ResNet-18 to -152 once from each file that
runs them, and each of their hundreds of blocks holds the same few Sequentials.  Running every copy on an unknown
input again finds nothing the first copy did not."""

from __future__ import annotations

from collections.abc import Hashable, Iterable

from shapelint.dims import UNKNOWN
from shapelint.evaluator.values import Instance, Layer, SequentialValue

_PLAIN = (int, float, str, bool, type(None))
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
        if value is UNKNOWN or isinstance(value, _PLAIN):
            return (type(value).__name__, value)
        if depth > _MAX_DEPTH:
            return None
        if id(value) not in self.keys:
            self.keys[id(value)] = self._work_out(value, depth)
            self.held.append(value)
        return self.keys[id(value)]

    def _work_out(self, value: object, depth: int) -> Hashable | None:
        if isinstance(value, tuple):
            return self._all(("tuple",), value, depth)
        if isinstance(value, Layer):
            return self._all(("layer", id(value.node), value.inferred, *value.args), value.args.values(), depth)
        if isinstance(value, SequentialValue) and value.input_shape is None:
            names = tuple(name for name, _ in value.children)
            return self._all(("sequential", id(value.node), names), (child for _, child in value.children), depth)
        if isinstance(value, Instance) and value.known and value.layer is None and value.sequential is None:
            return self._all(("instance", id(value.cls.node), *value.attributes), value.attributes.values(), depth)
        return None

    def _all(self, head: tuple[Hashable, ...], parts: Iterable[object], depth: int) -> Hashable | None:
        keys = [self.of(part, depth + 1) for part in parts]
        return None if any(key is None for key in keys) else (*head, *keys)
