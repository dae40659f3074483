"""``torch.einsum`` with a literal equation: the output shape, and the size clashes torch refuses.

Subscripts repeated across operands broadcast (a size of 1 takes the other's), as do the dimensions an ellipsis
covers; a subscript repeated within one operand (a diagonal) needs equal sizes.  An equation torch cannot parse
gives an unknown shape: it is a typo torch reports on its own, not a shape mismatch.
"""

from __future__ import annotations

from collections.abc import Sequence

from shapelint.catalog.base import Problem, ShapeError
from shapelint.catalog.tensor_ops import broadcast
from shapelint.dims import UNKNOWN, Dim, Shape, is_int, same

ELLIPSIS = "..."
Subscripts = tuple[str, ...]
"""One operand's (or the output's) subscripts: single letters, and at most one :data:`ELLIPSIS`."""


def einsum_shape(equation: str, operands: Sequence[Shape]) -> Shape:
    """The shape of ``torch.einsum(equation, *operands)``; raises where torch certainly refuses the operands."""
    parsed = parse(equation)
    if parsed is None:
        return Shape.anything()
    inputs, output = parsed
    if len(inputs) != len(operands):
        relation = "fewer" if len(operands) < len(inputs) else "more"
        raise ShapeError(
            f"einsum {equation!r}: {relation} operands ({len(operands)}) than the equation names ({len(inputs)})",
            Problem.OTHER,
        )
    sizes: dict[str, Dim] = {}
    covered: Shape | None = None
    for position, (subscripts, shape) in enumerate(zip(inputs, operands)):
        letters, spanned = _bind(subscripts, shape, equation, position)
        for letter, size in letters.items():
            sizes[letter] = size if letter not in sizes else _across(sizes[letter], size, letter, equation)
        if spanned is not None:
            covered = spanned if covered is None else _ellipses(covered, spanned, equation)
    if output is None:
        once = sorted(letter for letter in sizes if sum(s.count(letter) for s in inputs) == 1)
        output = ((ELLIPSIS,) if covered is not None else ()) + tuple(once)
    return _output(output, sizes, covered or Shape(()), operands)


def parse(equation: str) -> tuple[list[Subscripts], Subscripts | None] | None:
    """The inputs' subscripts and the output's (``None`` when implicit), or ``None`` for what torch cannot parse."""
    left, arrow, right = equation.partition("->")
    pieces = [_subscripts(piece) for piece in left.split(",")]
    output = _subscripts(right) if arrow else None
    inputs = [piece for piece in pieces if piece is not None]
    if len(inputs) != len(pieces) or (arrow and output is None):
        return None
    if output is not None and not _valid_output(output, inputs):
        return None
    return inputs, output


def _subscripts(text: str) -> Subscripts | None:
    text = text.replace(" ", "")
    if text.count(ELLIPSIS) > 1:
        return None
    head, dots, tail = text.partition(ELLIPSIS)
    if not all(part == "" or (part.isascii() and part.isalpha()) for part in (head, tail)):
        return None
    return (*head, *((ELLIPSIS,) if dots else ()), *tail)


def _valid_output(output: Subscripts, inputs: list[Subscripts]) -> bool:
    """Each output letter once, and named by some input."""
    letters = [s for s in output if s != ELLIPSIS]
    return len(set(letters)) == len(letters) and all(any(letter in s for s in inputs) for letter in letters)


def _bind(subscripts: Subscripts, shape: Shape, equation: str, position: int) -> tuple[dict[str, Dim], Shape | None]:
    """Each letter's size in one operand, and the dimensions its ellipsis covers (``None`` without one).

    Without an ellipsis the letters are aligned from the right, so an operand of unknown leading dimensions still
    gives its last letters' sizes."""
    ellipsis = ELLIPSIS in subscripts
    at = subscripts.index(ELLIPSIS) if ellipsis else 0
    before, after = subscripts[:at], subscripts[at + 1 :] if ellipsis else subscripts
    rank, named = len(shape.dims), len(before) + len(after)
    if (rank > named and not ellipsis) or (rank < named and not shape.open):
        raise ShapeError(
            f"einsum {equation!r}: operand {position} of shape {shape} does not have the dimensions "
            f"its subscripts {''.join(subscripts)!r} name",
            Problem.RANK,
        )
    head = (UNKNOWN,) * len(before) if shape.open else shape.dims[: len(before)]
    letters: dict[str, Dim] = {}
    for letter, size in zip(before + after, (*head, *shape.tail(len(after)))):
        seen = letters.get(letter)
        letters[letter] = size if seen is None else _diagonal(seen, size, letter, equation, position)
    return letters, _covered(shape, len(before), len(after)) if ellipsis else None


def _covered(shape: Shape, before: int, after: int) -> Shape:
    """The dimensions an operand's ellipsis covers: for an operand of unknown rank, only those known to lie between
    no letter on its left and the letters on its right."""
    rank = len(shape.dims)
    if not shape.open:
        return Shape(shape.dims[before : rank - after])
    if before or rank < after:
        return Shape.anything()
    return Shape(shape.dims[: rank - after], open=True)


def _diagonal(a: Dim, b: Dim, letter: str, equation: str, position: int) -> Dim:
    """A letter repeated within one operand: its sizes must be equal."""
    if same(a, b) is False:
        raise ShapeError(
            f"einsum {equation!r}: subscript {letter} is repeated in operand {position} with sizes {a} and {b}",
            Problem.OTHER,
        )
    return a if is_int(a) or a == b else b


def _across(a: Dim, b: Dim, letter: str, equation: str) -> Dim:
    """A letter in two operands: the sizes broadcast."""
    try:
        return broadcast(Shape((a,)), Shape((b,))).dims[0]
    except ShapeError:
        raise ShapeError(
            f"einsum {equation!r}: subscript {letter} has sizes {a} and {b}, which do not broadcast", Problem.OTHER
        ) from None


def _ellipses(a: Shape, b: Shape, equation: str) -> Shape:
    try:
        return broadcast(a, b)
    except ShapeError:
        raise ShapeError(
            f"einsum {equation!r}: the dimensions the ellipses cover, {a} and {b}, do not broadcast", Problem.OTHER
        ) from None


def _output(output: Subscripts, sizes: dict[str, Dim], covered: Shape, operands: Sequence[Shape]) -> Shape:
    """The output's sizes; an ellipsis of unknown length is representable only at the front."""
    dtypes = {shape.dtype for shape in operands}
    dtype = dtypes.pop() if len(dtypes) == 1 else None
    if covered.open and ELLIPSIS in output and output[0] != ELLIPSIS:
        return Shape.anything()
    dims: list[Dim] = []
    for subscript in output:
        dims.extend(covered.dims if subscript == ELLIPSIS else (sizes[subscript],))
    return Shape(tuple(dims), open=covered.open and ELLIPSIS in output, dtype=dtype)
