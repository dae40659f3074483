"""The fix for a wrong input size: the propagated value written over the expression, when that is sound.

A fix is offered only for a fully known size that torch would build the
layer with; it is *safe* when the expression replaced is literal arithmetic
written at the layer and read nowhere else, and *unsafe* when it is a name,
an attribute, a value passed through a parameter, or a literal another layer
reads back (``Linear(128, self.fc.in_features)``): their other uses would change too.
"""

from __future__ import annotations

import libcst as cst

from shapelint.catalog import ShapeError
from shapelint.dims import is_int
from shapelint.evaluator import Mismatch, Source
from shapelint.judge.diagnostics import Fix
from shapelint.source import Span


def fix_for(mismatch: Mismatch, source: Source | None, where: Span, read_elsewhere: frozenset[int]) -> Fix | None:
    """``read_elsewhere``: expressions another layer reads through an attribute, so replacing them changes it too."""
    expected = mismatch.error.expected
    if source is None or not _fully_known_size(expected) or not _constructible(mismatch, expected):
        return None
    safe = _is_constant(source.node) and not source.via_parameter and id(source.node) not in read_elsewhere
    replacement = _render(expected, source.node)
    return Fix(where.line, where.column + 1, where.end_line, where.end_column + 1, replacement, safe)


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


def _render(value: object, node: cst.BaseExpression) -> str:
    if isinstance(value, (tuple, list)):
        inner = ", ".join(str(item) for item in value)
        if isinstance(node, cst.List):
            return f"[{inner}]"
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    return str(value)


def _is_constant(node: cst.CSTNode) -> bool:
    """Literal arithmetic only: replacing it cannot change any other use of a name."""
    if isinstance(node, (cst.Integer, cst.Float)):
        return True
    if isinstance(node, cst.UnaryOperation):
        return _is_constant(node.expression)
    if isinstance(node, cst.BinaryOperation):
        return _is_constant(node.left) and _is_constant(node.right)
    if isinstance(node, (cst.Tuple, cst.List)):
        return all(_is_constant(element.value) for element in node.elements)
    return False
