"""The fix for a wrong input size: the expression :mod:`~shapelint.judge.repairs` chooses, when that is sound.

A fix is offered only for a fully known size that torch would build the layer
with.  It is *safe* when it follows from the code in every checked run (a
literal for a literal, or an expression read back in each run), and the
expression replaced is written at the layer and read nowhere else.  It is
*unsafe* when it is a value passed through a parameter, a literal another
layer reads back (``Linear(128, self.fc.in_features)``), or a number written
over a name on the strength of one run.
"""

from __future__ import annotations

from collections.abc import Sequence

from shapelint.catalog import ShapeError
from shapelint.dims import is_int
from shapelint.evaluator import Mismatch, Requirement, Source
from shapelint.judge.diagnostics import Fix
from shapelint.judge.repairs import choose
from shapelint.source import Span


def fix_for(
    mismatch: Mismatch,
    source: Source,
    where: Span,
    requirements: Sequence[Requirement],
    runs: int,
    read_elsewhere: frozenset[int],
) -> Fix | None:
    """``requirements``: what each checked run needs at ``source``; ``runs``: how many values it gave in all runs;
    ``read_elsewhere``: expressions another layer reads through an attribute, so replacing them changes it too."""
    if not requirements or not all(_fully_known_size(r.needed) for r in requirements):
        return None
    if not _constructible(mismatch, mismatch.error.expected):
        return None
    repair = choose(mismatch, source, requirements, runs)
    if repair is None:
        return None
    safe = repair.principled and not source.via_parameter and id(source.node) not in read_elsewhere
    return Fix(where.line, where.column + 1, where.end_line, where.end_column + 1, repair.text, safe)


def _constructible(mismatch: Mismatch, expected: object) -> bool:
    """Whether torch builds the layer with the repaired size: 66 features cannot split into 4 attention heads."""
    layer, argument = mismatch.layer, mismatch.error.argument
    if layer is None or argument is None:
        return False
    try:
        layer.kind.check_hyperparameters({**layer.args, argument: expected})
    except (ShapeError, TypeError, ValueError):
        return False
    return True


def _fully_known_size(value: object) -> bool:
    if isinstance(value, (tuple, list)):
        return bool(value) and all(is_int(item) for item in value)
    return is_int(value)
