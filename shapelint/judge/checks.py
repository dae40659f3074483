"""Judges an evaluation: every mismatch, example call and directive becomes a finding with its code and fix."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

import libcst as cst

from shapelint.catalog import Family, Problem
from shapelint.dims import Shape, is_int
from shapelint.evaluator import Evaluation, Instance, Mismatch, SequentialValue, Source
from shapelint.inputs import Directive, InputSources, resolve_input
from shapelint.judge.codes import CODES
from shapelint.judge.diagnostics import Diagnostic, Fix
from shapelint.judge.fixes import fix_for
from shapelint.judge.messages import (
    Places,
    configuration_note,
    describe_origin,
    disagreement_note,
    input_note,
    library_size_message,
    problem_message,
    rejected_origin,
    render,
    size_message,
)
from shapelint.judge.repairs import disagreeing
from shapelint.source import Span

_SIZE_CODES = {Family.LINEAR: "linear-in-features", Family.CONV: "conv-in-channels", Family.NORM: "norm-num-features"}
_PROBLEM_CODES = {Problem.COLLAPSE: "size-collapses", Problem.RANK: "wrong-rank"}


@dataclass(frozen=True, slots=True)
class Finding:
    """A diagnostic and the node it is about, in the tree that was judged; a fix replaces that node."""

    diagnostic: Diagnostic
    node: cst.CSTNode | None = None


def judge(evaluation: Evaluation, sources: InputSources, path: str) -> list[Finding]:
    """Every finding of one evaluated module; ``sources`` are the declarations it was evaluated with."""
    places = Places(sources.positions, evaluation)
    first: dict[tuple[int, str], tuple[Mismatch, cst.CSTNode]] = {}
    calls: dict[tuple[int, str], tuple[Mismatch, cst.CSTNode]] = {}
    for mismatch in evaluation.mismatches:
        node = _reported_at(mismatch)
        if evaluation.imported_from(node) is None:
            first.setdefault((id(node), _code_for(mismatch)), (mismatch, node))
        elif _rejected_by_a_library(evaluation, mismatch, node):
            assert mismatch.called_at is not None
            calls.setdefault((id(mismatch.called_at), _code_for(mismatch)), (mismatch, mismatch.called_at))
    judged = [_judge(mismatch, node, path, places, evaluation) for mismatch, node in first.values()]
    judged += [_judge_call(mismatch, call, path, places) for mismatch, call in calls.values()]
    disagreements = _disagreements(evaluation, sources, path, places)
    if disagreements:
        # two sources give a model different inputs: a fix would follow whichever ran, so none is made
        judged = [replace(f, diagnostic=replace(f.diagnostic, fix=None)) for f in judged]
    bad = [_bad_directive(directive, path) for directive in sources.directives.values() if directive.error]
    bad += [
        _bad_directive(replace(sources.directives[line], error=reason), path)
        for line, reason in sources.unbatched.items()
    ]
    return _deduplicate(judged) + disagreements + bad


def _written_size(mismatch: Mismatch) -> Source | None:
    """Where a wrong input size was written, for a size finding."""
    error, layer = mismatch.error, mismatch.layer
    if layer is not None and error.problem is Problem.SIZE:
        return layer.arg_nodes.get(error.argument or "")
    return None


def _reported_at(mismatch: Mismatch) -> cst.CSTNode:
    """The node a finding points at: the written size it is about, else the step that rejected its input."""
    source = _written_size(mismatch)
    return source.node if source is not None else mismatch.node


def _judge(mismatch: Mismatch, node: cst.CSTNode, path: str, places: Places, evaluation: Evaluation) -> Finding:
    """The finding for one mismatch at ``node``, with the fix that holds in every run that checked it."""
    error = mismatch.error
    name = _code_for(mismatch)
    source = _written_size(mismatch)
    where = places.positions.of(node)
    origin = rejected_origin(mismatch, places)
    size = error.problem is Problem.SIZE
    message = size_message(mismatch, origin) if size else problem_message(name, mismatch, origin)
    message += configuration_note(mismatch, places) + input_note(mismatch, places)
    fix = None
    if CODES[name].fixable and source is not None:
        requirements = evaluation.requirements.get(id(source.node), ())
        runs = len(evaluation.written.get(id(source.node), ()))
        fix = fix_for(mismatch, source, where, requirements, runs, evaluation.read_elsewhere)
        disagreement = disagreeing(requirements) if fix is None else None
        message += disagreement_note(*disagreement, places) if disagreement else ""
    expected, found = (error.expected, error.found) if size else (None, None)
    return Finding(_diagnostic_at(path, where, name, message, expected, found, fix), node)


def _rejected_by_a_library(evaluation: Evaluation, mismatch: Mismatch, node: cst.CSTNode) -> bool:
    """Whether an installed library's model rejected what a call of this file fed it (torchvision's ResNet fed
    one-channel images): nobody lints the library, so the call that feeds it is this file's finding."""
    source = evaluation.imported_from(node)
    called = mismatch.called_at
    return source is not None and source.installed and called is not None and evaluation.imported_from(called) is None


def _judge_call(mismatch: Mismatch, call: cst.CSTNode, path: str, places: Places) -> Finding:
    """The finding at the call that feeds an installed library's model an input it rejects; no fix: what is wrong
    is the input, not the library."""
    error, name = mismatch.error, _code_for(mismatch)
    origin = rejected_origin(mismatch, places)
    where = places.of(_reported_at(mismatch))
    if error.problem is Problem.SIZE:
        message = library_size_message(mismatch, where, origin)
    else:
        message = f"{problem_message(name, mismatch, origin)} at {where}"
    message += "; the input this call feeds does not fit the model"
    message += configuration_note(mismatch, places) + input_note(mismatch, places)
    return Finding(_diagnostic_at(path, places.positions.of(call), name, message), call)


def _code_for(mismatch: Mismatch) -> str:
    problem = mismatch.error.problem
    if problem is Problem.SIZE and mismatch.layer is not None:
        return _SIZE_CODES.get(mismatch.layer.kind.family, "incompatible")
    return _PROBLEM_CODES.get(problem, "incompatible")


def _diagnostic_at(
    path: str,
    where: Span,
    name: str,
    message: str,
    expected: object = None,
    found: object = None,
    fix: Fix | None = None,
) -> Diagnostic:
    """A finding at a 0-based source range, reported with 1-based columns as flake8 and ruff do."""
    code = CODES[name].code
    start, end = where.column + 1, where.end_column + 1
    return Diagnostic(path, where.line, start, where.end_line, end, code, message, expected, found, fix)


def _disagreements(evaluation: Evaluation, sources: InputSources, path: str, places: Places) -> list[Finding]:
    """Example calls and summaries whose input contradicts the model's declared input."""
    statements = {id(sequential): statement for sequential, statement in evaluation.sequentials}
    found: dict[tuple[int, int], Finding] = {}
    for example in evaluation.examples:
        model = example.model
        if isinstance(model, SequentialValue) and id(model) not in statements:
            continue
        if not isinstance(model, (Instance, SequentialValue)):
            continue
        declared = resolve_input(model, sources, statements.get(id(model)))
        if declared is None or declared.origin is None or not _conflict(declared.shape, example.shape):
            continue
        where = sources.positions.of(example.node)
        origin = describe_origin(declared.origin, declared.shape, places)
        message = render("inputs-disagree", example=example.shape, origin=origin, declared=declared.shape)
        finding = Finding(_diagnostic_at(path, where, "inputs-disagree", message), example.node)
        found.setdefault((where.line, where.column), finding)
    return list(found.values())


def _conflict(declared: Shape, example: Shape) -> bool:
    """Whether two inputs certainly differ, the batch dimension aside."""
    if declared.open:
        return False
    if len(declared.dims) != len(example.dims):
        return True
    return any(is_int(a) and is_int(b) and a != b for a, b in zip(declared.dims[1:], example.dims[1:]))


def _deduplicate(judged: Iterable[Finding]) -> list[Finding]:
    """One finding per place and code: the first run that exposed it; its fix already holds for every run."""
    kept: dict[tuple[int, int, str], Finding] = {}
    for finding in judged:
        diagnostic = finding.diagnostic
        kept.setdefault((diagnostic.line, diagnostic.column, diagnostic.code), finding)
    return list(kept.values())


def _bad_directive(directive: Directive, path: str) -> Finding:
    start = directive.column - 1
    where = Span(directive.line, start, directive.line, start + len(directive.text))
    message = render("bad-directive", text=directive.text.strip(), reason=directive.error)
    return Finding(_diagnostic_at(path, where, "bad-directive", message))
