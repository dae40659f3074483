"""What a fix writes: the expression that produces the size, when one gives the right size in every checked run.

A number is right for the configuration that was checked; inside a class or a
function built in several configurations it is a trap (``Linear(512, n)`` for
a ResNet built as resnet18 and resnet50).  The candidates, in order:

1. a literal product after a flatten keeps the author's factors (``16 * 5 * 5`` → ``16 * 4 * 4``), and any
   other literal stays a literal when every run needs the same size;
2. the expression the producing layer was given for its size (``2 * hidden`` of ``Linear(hidden, 2 * hidden)``,
   ``64`` of ``Linear(n, 64)``);
3. the number of a product the author wrote, changed (``256 * block.expansion`` → ``512 * block.expansion``), or
   the expression written times another size in scope (``widths[-1]`` → ``widths[-1] * block.expansion``);
4. a name or attribute in scope that holds the size (``in_features``, ``HIDDEN_DIM``, ``config.n_embd``), then,
   where the runs need several sizes, the size written times or divided by a small whole number (``hidden`` →
   ``2 * hidden``: a factor guessed from one run's numbers is too often a coincidence);
5. the producing layer's own attribute (``self.conv3.out_channels``).

Each candidate is read back in the scope of every run that checked the layer (:func:`read`); the first that gives
each run's size is chosen.  A name that merely holds the right number in a single run may be a coincidence, so
that fix is unsafe.  When nothing fits every run and the runs need different sizes, there is no fix.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import libcst as cst

from shapelint.dims import is_int
from shapelint.evaluator import (
    Layer,
    Mismatch,
    Requirement,
    Source,
    layer_attribute,
    loop_bound,
    read,
    visible_sizes,
)
from shapelint.source import name_counts

_EMPTY_MODULE = cst.Module([])


@dataclass(frozen=True, slots=True)
class Repair:
    """The text a fix writes, and whether it stands on more than one run's number."""

    text: str
    principled: bool


def choose(mismatch: Mismatch, source: Source, requirements: Sequence[Requirement], runs: int) -> Repair | None:
    """The repair of ``source`` for every run in ``requirements``; ``runs``: how many values it gave in all runs
    (checked or not).  ``None`` when no single expression fits."""
    needed = _distinct([r.needed for r in requirements])
    if len(needed) == 1 and is_constant(source.node):
        return Repair(_flattened(mismatch, source.node, needed[0]) or render(needed[0], source.node), True)
    if all(r.scope is not None for r in requirements) and all(is_int(value) for value in needed):
        stale = _finished_loop_names(mismatch, requirements)
        for text, principled in _candidates(mismatch, source, requirements[0], len(needed) > 1):
            node = _expression(text)
            if node is not None and _fits(node, requirements, stale):
                return Repair(text, principled or len(needed) > 1)
    if len(needed) == 1 and runs == 1:
        return Repair(render(needed[0], source.node), False)
    return None


def _finished_loop_names(mismatch: Mismatch, requirements: Sequence[Requirement]) -> set[str]:
    """Names that ``for`` loops bound and that hold a finished loop's last step where the fix is written: writing
    ``b`` of ``for a, b in zip(widths, widths[1:])`` after the loop would hold by chance, and break for one width."""
    running = set(mismatch.layer.looping) if mismatch.layer is not None else set()
    return {name for r in requirements if r.scope is not None for name in loop_bound(r.scope)} - running


def disagreeing(requirements: Sequence[Requirement]) -> tuple[Requirement, Requirement] | None:
    """Two runs that need different sizes, to name where no single expression fits."""
    for requirement in requirements[1:]:
        if requirement.needed != requirements[0].needed:
            return requirements[0], requirement
    return None


def render(value: object, node: cst.BaseExpression) -> str:
    """A size as source text, in the brackets of the expression it replaces."""
    if isinstance(value, (tuple, list)):
        inner = ", ".join(str(item) for item in value)
        if isinstance(node, cst.List):
            return f"[{inner}]"
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    return str(value)


def is_constant(node: cst.CSTNode) -> bool:
    """Literal arithmetic only: replacing it cannot change any other use of a name."""
    if isinstance(node, (cst.Integer, cst.Float)):
        return True
    if isinstance(node, cst.UnaryOperation):
        return is_constant(node.expression)
    if isinstance(node, cst.BinaryOperation):
        return is_constant(node.left) and is_constant(node.right)
    if isinstance(node, (cst.Tuple, cst.List)):
        return all(is_constant(element.value) for element in node.elements)
    return False


def _distinct(values: Sequence[object]) -> list[object]:
    found: list[object] = []
    for value in values:
        if value not in found:
            found.append(value)
    return found


def _flattened(mismatch: Mismatch, node: cst.BaseExpression, needed: object) -> str | None:
    """``16 * 4 * 4`` for a product of as many literal factors as the flattened dimensions it should multiply."""
    before = mismatch.origin.before if mismatch.origin is not None else None
    factors = _literal_factors(node)
    if mismatch.incoming.dims[1:] != (needed,):
        return None  # not a flatten into the features this layer reads
    if before is None or factors is None or len(factors) < 2 or len(before.dims) != len(factors) + 1:
        return None
    dims = [dim for dim in before.dims[1:] if isinstance(dim, int)]
    if len(dims) != len(factors) or math.prod(dims) != needed:
        return None
    return " * ".join(str(dim) for dim in dims)


def _literal_factors(node: cst.BaseExpression) -> list[int] | None:
    """The numbers of a product of integer literals written without brackets; ``None`` for anything else."""
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Multiply) and not node.lpar:
        left, right = _literal_factors(node.left), _literal_factors(node.right)
        return None if left is None or right is None else left + right
    return [node.evaluated_value] if isinstance(node, cst.Integer) else None


def _candidates(
    mismatch: Mismatch, source: Source, first: Requirement, several: bool
) -> Iterator[tuple[str, bool]]:
    """Texts to try, best first, each with whether it follows from the code rather than from one run's number;
    ``several``: the runs need several sizes, so a guessed factor is checked at more than one point."""
    assert first.scope is not None
    producer = mismatch.origin.producer if mismatch.origin is not None else None
    sizes = _producer_sizes(producer, mismatch.error.expected) if producer is not None else []
    yield from ((_code(written.node), True) for _, written in sizes)
    sizes_in_scope = list(visible_sizes(first.scope))
    if not is_constant(source.node):
        yield from ((text, True) for text in _scaled(source.node, first))
        yield from ((text, False) for text in _products(source.node, first, sizes_in_scope))
    yield from ((name, False) for name, value in sizes_in_scope if value == first.needed)
    if not is_constant(source.node) and several:
        yield from ((text, False) for text in _multiple(source.node, first))
    reached = layer_attribute(first.scope, producer) if producer is not None else None
    yield from ((f"{reached}.{name}", True) for name, _ in sizes if reached is not None)


def _producer_sizes(producer: Layer, received: object) -> list[tuple[str, Source]]:
    """The producing layer's output-size arguments that gave the size this layer ``received``, with their
    expressions (``out_features``, ``out_channels``)."""
    outputs = producer.kind.traced_sizes - {producer.kind.input_arg}
    return [
        (name, producer.arg_nodes[name])
        for name in sorted(outputs)
        if name in producer.arg_nodes and producer.args.get(name) == received
    ]


def _scaled(node: cst.BaseExpression, first: Requirement) -> Iterator[str]:
    """``k * X`` written with the wrong number ``k``: the same product with the number the first run needs."""
    assert first.scope is not None
    base, literal_first = _unscaled(node)
    value, needed = read(base, first.scope), first.needed
    if base is node or not isinstance(value, int) or not isinstance(needed, int) or value <= 0:
        return
    text = _code(base)
    if needed % value == 0:
        factor = needed // value
        yield text if factor == 1 else (f"{factor} * {text}" if literal_first else f"{text} * {factor}")


MAX_FACTOR = 8
"""The largest whole factor a fix puts on a written size that has none (``2 * hidden``, ``hidden // 4``)."""


def _multiple(node: cst.BaseExpression, first: Requirement) -> Iterator[str]:
    """A bare written size times or divided by a small whole number: ``LayerNorm(hidden)`` after a layer that gives
    ``2 * hidden`` in a scope that cannot name that layer's own expression."""
    assert first.scope is not None
    value, needed = read(node, first.scope), first.needed
    if not isinstance(value, int) or not isinstance(needed, int) or value <= 0 or needed <= 0:
        return
    text = _code(node)
    if needed % value == 0 and 1 < needed // value <= MAX_FACTOR:
        yield f"{needed // value} * {text}"
    elif value % needed == 0 and 1 < value // needed <= MAX_FACTOR:
        yield f"{text} // {value // needed}"


def _products(
    node: cst.BaseExpression, first: Requirement, sizes_in_scope: list[tuple[str, object]]
) -> Iterator[str]:
    """The written expression times another size in scope (``widths[-1] * block.expansion``)."""
    assert first.scope is not None
    base, _ = _unscaled(node)
    value = read(base, first.scope)
    if not isinstance(value, int) or value <= 0:
        return
    text = _code(base)
    for name, factor in sizes_in_scope:
        if isinstance(factor, int) and value * factor == first.needed and name != text:
            yield f"{text} * {name}"


def _unscaled(node: cst.BaseExpression) -> tuple[cst.BaseExpression, bool]:
    """``X`` of ``k * X`` or ``X * k`` (and whether the number came first); the expression itself otherwise."""
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Multiply) and not node.lpar:
        if isinstance(node.left, cst.Integer) and not is_constant(node.right):
            return node.right, True
        if isinstance(node.right, cst.Integer) and not is_constant(node.left):
            return node.left, False
    return node, True


def _expression(text: str) -> cst.BaseExpression | None:
    """A candidate's tree; ``None`` for text that joined a comment into the code (``(a  # wide\n b)``)."""
    try:
        return cst.parse_expression(text)
    except cst.ParserSyntaxError:
        return None


def _fits(node: cst.BaseExpression, requirements: Sequence[Requirement], stale: set[str]) -> bool:
    """Whether ``node`` gives every run's size and reads no name a finished loop left behind."""
    if name_counts(node).keys() & stale:
        return False
    return all(r.scope is not None and read(node, r.scope) == r.needed for r in requirements)


def _code(node: cst.BaseExpression) -> str:
    """The expression's text on one line, without brackets around the whole of it."""
    return " ".join(_EMPTY_MODULE.code_for_node(node.with_changes(lpar=(), rpar=())).split())
