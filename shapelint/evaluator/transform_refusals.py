"""Transforms that raise on the samples they are given, whatever the model.

``Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5))`` on MNIST's one-channel images fails on the first sample a loader
draws: torchvision subtracts the means in place, one per channel, and ``(1, 28, 28)`` cannot take the broadcast
shape ``(3, 28, 28)``.  Building the dataset raises nothing, so the refusal rides with the sample's description
until the code draws a sample; only then is it a finding, at the transform.  The sample goes on as it was, as it
will once the transform's arguments fit it, so that what comes after it is checked too.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from shapelint.catalog import ShapeError
from shapelint.dims import UNKNOWN, Dim, Shape, is_int
from shapelint.evaluator.values import ListValue


@dataclass(frozen=True, slots=True)
class Refusal:
    """A transform at ``node`` that raises on a sample of shape ``shape`` (its shape as the transform sees it)."""

    label: str
    node: cst.CSTNode
    error: ShapeError
    shape: Shape


@dataclass(frozen=True, slots=True)
class PerChannel:
    """``Normalize(mean, std)``'s values, by argument name, where their counts are known."""

    counts: dict[str, int]

    def normalized(self, channels: Dim, in_place: bool) -> tuple[Dim, str | None]:
        """The channels of an image of ``channels`` channels once normalized, or why it is refused: a count that is
        neither one per channel nor one for all.  Subtracted ``in_place``, the means cannot add channels; otherwise
        three means broadcast a one-channel image to three.  The standard deviations divide in place."""
        if not is_int(channels):
            return channels, None
        result: Dim = channels
        mean = self.counts.get("mean")
        if mean is None and not in_place and channels == 1:
            result = UNKNOWN
        elif mean is not None and mean not in (1, channels):
            if in_place or channels != 1:
                return channels, _refusal("mean", mean, channels)
            result = mean
        std = self.counts.get("std")
        if std is not None and is_int(result) and std not in (1, result):
            return channels, _refusal("std", std, result)
        return result, None


def _refusal(name: str, count: int, channels: int) -> str:
    unit = "channel" if channels == 1 else "channels"
    return (
        f"Normalize's {name} has {count} values for images of {channels} {unit}; torch takes one value per channel,"
        " or a single one for all"
    )


def per_channel(args: list[object], kwargs: dict[str, object]) -> PerChannel:
    """The counts of ``Normalize``'s mean and std written as tuples or lists (others are not checked)."""
    values = {"mean": args[0] if args else kwargs.get("mean"), "std": args[1] if len(args) > 1 else kwargs.get("std")}
    counts = {name: _count(value) for name, value in values.items()}
    return PerChannel({name: count for name, count in counts.items() if count is not None})


def _count(value: object) -> int | None:
    items = value.items if isinstance(value, ListValue) else value
    return len(items) if isinstance(items, (tuple, list)) and items else None
