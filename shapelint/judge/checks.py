"""Judges the evaluated model: propagates input shapes and turns mismatches into diagnostics."""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping

import libcst as cst

from shapelint.catalog import Family, Problem, ShapeError
from shapelint.judge.codes import CODES
from shapelint.judge.diagnostics import Diagnostic, Fix
from shapelint.inputs.directives import Directive, find_directives
from shapelint.dims import Shape, is_int
from shapelint.evaluator.evaluate import Interpreter
from shapelint.source.positions import Positions, Span
from shapelint.evaluator.flow import Mismatch
from shapelint.inputs.annotations import annotated_input
from shapelint.evaluator.values import ClassValue, Instance, Origin, SequentialValue, Source, Tensor

_SIZE_CODES = {Family.LINEAR: "linear-in-features", Family.CONV: "conv-in-channels", Family.NORM: "norm-num-features"}
_PROBLEM_CODES = {Problem.COLLAPSE: "size-collapses", Problem.RANK: "wrong-rank"}
_UNITS = {Family.LINEAR: "features", Family.CONV: "channels"}


def check_module(
    module: cst.Module, path: str, text: str | None = None, tree: ast.Module | None = None
) -> list[Diagnostic]:
    """All shape findings in one parsed module; ``text`` and its ``ast`` ``tree``, if already at hand, save work."""
    source = module.code if text is None else text
    directives = find_directives(source, tree)
    interpreter = Interpreter(lambda cls: class_input(cls, directives, positions), may_yield="yield" in source)
    positions = Positions(module, tree, source, interpreter.places)
    propagator = interpreter.propagator
    checked: set[int] = set()
    declared: list[Mismatch] = []

    def check_roots() -> None:
        """Propagate each declared input through every Sequential not nested in another."""
        for sequential, statement in interpreter.sequentials:
            if id(sequential) not in interpreter.children and id(sequential) not in checked:
                checked.add(id(sequential))
                start = len(propagator.mismatches)
                propagator.run(sequential, _input_flow(sequential, statement, directives, positions))
                declared.extend(propagator.mismatches[start:])

    interpreter.run_module(module, between=check_roots)
    check_roots()
    shared = {key for key, values in interpreter.written_values.items() if len(values) > 1} | propagator.accepted
    first = {id(m) for m in declared}
    ordered = declared + [m for m in propagator.mismatches if id(m) not in first]
    judged = [_judge(m, path, positions, shared) for m in ordered]
    disagreements = _disagreements(interpreter, directives, positions, path)
    return _deduplicate(judged) + disagreements + [_bad_directive(d, path) for d in directives.values() if d.error]


def _disagreements(
    interpreter: Interpreter, directives: Mapping[int, Directive], positions: Positions, path: str
) -> list[Diagnostic]:
    """Example calls and summaries whose input contradicts the model's declared input."""
    statements = {id(seq): stmt for seq, stmt in interpreter.sequentials}
    found: dict[tuple[int, int], Diagnostic] = {}
    for model, shape, node in interpreter.examples:
        if isinstance(model, Instance):
            declared = class_input(model.cls, directives, positions)
        elif isinstance(model, SequentialValue) and id(model) in statements:
            declared = _input_flow(model, statements[id(model)], directives, positions)
        else:
            continue
        if declared is None or declared.origin is None or not _conflict(declared.shape, shape):
            continue
        where = positions.of(node)
        origin = _describe_origin(declared.origin, declared.shape, positions)
        message = f"this call passes an input of shape {shape}, but {origin} says {declared.shape}"
        key = (where.line, where.column)
        found.setdefault(key, _diagnostic_at(path, where, "inputs-disagree", message))
    return list(found.values())


def _conflict(declared: Shape, example: Shape) -> bool:
    """Whether two inputs certainly differ, the batch dimension aside."""
    if declared.open:
        return False
    if len(declared.dims) != len(example.dims):
        return True
    return any(is_int(a) and is_int(b) and a != b for a, b in zip(declared.dims[1:], example.dims[1:]))


def _diagnostic_at(
    path: str, where: Span, name: str, message: str, expected: object = None, found: object = None, fix: Fix | None = None
) -> Diagnostic:
    """A finding at a 0-based source range, reported with 1-based columns as flake8 and ruff do."""
    code = CODES[name].code
    start, end = where.column + 1, where.end_column + 1
    return Diagnostic(path, where.line, start, where.end_line, end, code, message, expected, found, fix)


def _input_flow(
    sequential: SequentialValue, statement: cst.CSTNode, directives: Mapping[int, Directive], positions: Positions
) -> Tensor:
    """The declared input of a root Sequential, or a shape about which nothing is known."""
    if sequential.input_shape is not None:
        line = positions.line(sequential.node, within=statement)
        return Tensor(sequential.input_shape, Origin(f"input_shape {sequential.input_shape} given", line=line))
    if directives:
        declared = declared_input(directives, positions, statement, sequential.node)
        if declared is not None:
            return declared
    return Tensor(Shape.anything(), None)


def declared_input(
    directives: Mapping[int, Directive], positions: Positions, statement: cst.CSTNode, node: cst.CSTNode | None = None
) -> Tensor | None:
    """The input declared on the first line of ``statement`` or of ``node`` within it, or on the line above.

    The node's own line is only worked out when a directive lies inside the statement.
    """
    start, end = positions.extent(statement)
    lines = {start}
    if node is not None and any(start < line <= end for line in directives):
        lines.add(positions.line(node, within=statement))
    for line in sorted(lines | {line - 1 for line in lines}, reverse=True):
        directive = directives.get(line)
        if directive is not None and directive.shape is not None:
            return Tensor(directive.shape, Origin(f"the input {directive.shape} declared", line=line))
    return None


def class_input(cls: ClassValue, directives: Mapping[int, Directive], positions: Positions) -> Tensor | None:
    """A module's input: a directive on its ``class`` line (or above), else a jaxtyping annotation."""
    if directives:
        declared = declared_input(directives, positions, cls.node)
        if declared is not None:
            return declared
    shape = annotated_input(cls.node)
    return Tensor(shape, Origin(f"the input {shape} annotated")) if shape is not None else None


def _judge(mismatch: Mismatch, path: str, positions: Positions, shared: set[int]) -> tuple[Diagnostic, object]:
    """The diagnostic for one mismatch; no fix where the written expression also serves other layers."""
    error, layer = mismatch.error, mismatch.layer
    code = _code_for(mismatch)
    source = None
    if layer is not None and error.problem is Problem.SIZE:
        source = layer.arg_nodes.get(error.argument or "")
    where = positions.of(source.node if source is not None else mismatch.node)
    origin = _describe_origin(mismatch.origin, mismatch.incoming, positions)
    if error.problem is Problem.SIZE:
        message = _size_message(mismatch, origin)
    else:
        message = f"{error.message} ({origin})" if origin else error.message
    fixable = CODES[code].fixable and not (source is not None and id(source.node) in shared)
    fix = _fix_for(mismatch, source, where) if fixable else None
    size = error.problem is Problem.SIZE
    found = _diagnostic_at(path, where, code, message, error.expected if size else None, error.found if size else None, fix)
    return found, error.expected


def _code_for(mismatch: Mismatch) -> str:
    problem = mismatch.error.problem
    if problem is Problem.SIZE and mismatch.layer is not None:
        return _SIZE_CODES.get(mismatch.layer.kind.family, "incompatible")
    return _PROBLEM_CODES.get(problem, "incompatible")


def _size_message(mismatch: Mismatch, origin: str) -> str:
    error, family = mismatch.error, mismatch.layer.kind.family if mismatch.layer else None
    unit = _UNITS.get(family, "channels" if is_int(error.expected) else "trailing dimensions")
    expected = _plain(error.expected)
    where = f"; {origin}" if origin else f" (input shape {mismatch.incoming})"
    return f"{mismatch.label}({error.argument}={error.found!r}) receives {expected} {unit}{where}; expected {expected}"


def _plain(value: object) -> str:
    return repr(value) if isinstance(value, (list, tuple)) else str(value)


def _describe_origin(origin: Origin | None, incoming: Shape, positions: Positions) -> str:
    """Where the incoming shape came from, e.g. ``Flatten at line 13 turns (B, 16, 4, 4) into (B, 256)``."""
    if origin is None:
        return ""
    if origin.node is None:
        return f"{origin.label} at line {origin.line}"
    line = positions.of(origin.node).line
    if origin.before is None:
        return f"{origin.label} at line {line} gives {incoming}"
    return f"{origin.label} at line {line} turns {origin.before} into {incoming}"


def _fix_for(mismatch: Mismatch, source: Source | None, where: Span) -> Fix | None:
    expected = mismatch.error.expected
    if source is None or not _fully_known_size(expected) or not _constructible(mismatch, expected):
        return None
    safe = _is_constant(source.node) and not source.via_parameter
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


def _deduplicate(judged: Iterable[tuple[Diagnostic, object]]) -> list[Diagnostic]:
    """One finding per place and code; a place seen with different expectations gets no fix."""
    kept: dict[tuple[int, int, str], Diagnostic] = {}
    expectations: dict[tuple[int, int, str], object] = {}
    for diagnostic, expected in judged:
        key = (diagnostic.line, diagnostic.column, diagnostic.code)
        if key not in kept:
            kept[key] = diagnostic
            expectations[key] = expected
        elif expectations[key] != expected and kept[key].fix is not None:
            kept[key] = _without_fix(kept[key])
    return list(kept.values())


def _without_fix(diagnostic: Diagnostic) -> Diagnostic:
    from dataclasses import replace

    return replace(diagnostic, fix=None)


def _bad_directive(directive: Directive, path: str) -> Diagnostic:
    start = directive.column - 1
    where = Span(directive.line, start, directive.line, start + len(directive.text))
    message = f"cannot parse input-shape directive `{directive.text.strip()}`: {directive.error}"
    return _diagnostic_at(path, where, "bad-directive", message)
