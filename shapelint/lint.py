"""The pipeline: source → evaluator (with the declared inputs) → judge → suppression comments.

``lint_source`` is the library API; :func:`check` is the same pipeline on an
already parsed source, giving each finding with its node, for the fixes.
"""

from __future__ import annotations

import ast
import functools
import os
from dataclasses import dataclass

import libcst as cst

from shapelint.evaluator import Evaluation, Trace, called_with_arguments, evaluate, may_find
from shapelint.inputs import InputSources, find_directives, resolve_inputs
from shapelint.judge import Diagnostic, Finding, judge
from shapelint.project import imported_files, project_of
from shapelint.source import (
    PARSE_ERRORS,
    Parsed,
    Positions,
    Reparser,
    Skipped,
    Suppressions,
    freeze_parsed,
    kept_parse,
    parse,
    parse_file,
    read_source_bytes,
    syntax_tree,
    unlimited_int_digits,
)

__all__ = ["PARSE_ERRORS", "Checked", "Linted", "check", "check_all", "check_source", "lint_file", "lint_source"]


@dataclass(frozen=True)
class Checked:
    """One source checked: its evaluation and input sources (the summary replays a model on them) and its findings."""

    evaluation: Evaluation
    sources: InputSources
    findings: list[Finding]

    @property
    def incomplete(self) -> str | None:
        """Why part of the file went unchecked, for a notice: never a silent pass."""
        stopped = self.evaluation.stopped_at
        if stopped is None:
            return None
        line = None if isinstance(stopped, cst.Module) else self.sources.positions.of(stopped).line
        where = "in code it imports" if line is None else f"at line {line}"
        return f"not fully checked: the analysis ran out of its step budget {where}; what follows is not checked"


@dataclass(frozen=True)
class Linted:
    """What linting one source gave: its findings, and why part of it went unchecked, if it did."""

    diagnostics: list[Diagnostic]
    incomplete: str | None = None


def check(parsed: Parsed, path: str) -> list[Finding]:
    """Every unsuppressed finding in one parsed source, sorted by position."""
    return check_all(parsed, path).findings


def check_all(parsed: Parsed, path: str, trace: Trace | None = None) -> Checked:
    """:func:`check`, keeping what the findings were judged from; ``trace`` gets every layer applied with the
    tensor it gave (the editor's shape hints)."""
    with unlimited_int_digits():
        return _check_all(parsed, path, trace)


def _check_all(parsed: Parsed, path: str, trace: Trace | None = None) -> Checked:
    positions = Positions(parsed.module, parsed.tree, parsed.text)
    sources = InputSources(find_directives(parsed.text, parsed.tree), positions)
    evaluation = evaluate(
        parsed.module,
        lambda model, statement: resolve_inputs(model, sources, statement),
        "yield" in parsed.text,
        project_of(path),
        trace,
    )
    positions.suggest(evaluation.places)
    findings = judge(evaluation, sources, path)
    if findings:
        suppressions = Suppressions(parsed.text)
        findings = [f for f in findings if not suppressions.silence(f.diagnostic.line, f.diagnostic.code)]
    ordered = sorted(findings, key=lambda f: (f.diagnostic.line, f.diagnostic.column, f.diagnostic.code))
    return Checked(evaluation, sources, ordered)


def lint_source(source: str | bytes, path: str = "<string>", *, newer_syntax: bool = True) -> list[Diagnostic]:
    """Every unsuppressed finding in ``source``, sorted by position (:func:`lint_file`'s findings)."""
    return lint_file(source, path, newer_syntax=newer_syntax).diagnostics


def lint_file(source: str | bytes, path: str = "<string>", *, newer_syntax: bool = True) -> Linted:
    """Every unsuppressed finding in ``source``, sorted by position, and whether all of it was checked.

    With ``newer_syntax`` off, source the running interpreter cannot parse is
    refused even when libcst reads it: ``--fix`` only writes what CPython parses.

    Raises one of :data:`PARSE_ERRORS` when the source cannot be parsed: ``SyntaxError``,
    ``libcst.ParserSyntaxError``, ``UnicodeDecodeError`` or ``RecursionError``.
    """
    checked = check_source(source, path, newer_syntax=newer_syntax)
    if checked is None:
        return Linted([])
    return Linted([finding.diagnostic for finding in checked.findings], checked.incomplete)


def check_source(
    source: str | bytes,
    path: str = "<string>",
    *,
    newer_syntax: bool = True,
    trace: Trace | None = None,
    reparser: Reparser | None = None,
) -> Checked | None:
    """:func:`check_all` on unparsed source, or ``None`` when the text prefilter shows it can hold no finding.

    ``reparser`` parses a text it parsed a version of before again, reusing what did not change (the editor's).
    Raises one of :data:`PARSE_ERRORS` when the source cannot be parsed, as :func:`lint_file` does.
    """
    data = source if newer_syntax and isinstance(source, bytes) and os.path.isfile(path) else None
    kept = kept_parse(path, data) if data is not None else None
    tree = kept.tree if kept is not None else syntax_tree(source)
    if tree is not None and not _may_hold_findings(tree, source, path):
        return None
    if kept is not None:
        parsed = kept
    elif data is not None:
        parsed = parse_file(path, data, tree)
        freeze_parsed()
    elif reparser is not None and isinstance(source, str):
        parsed = reparser.parse(source, tree)
    else:
        parsed = parse(source, newer_syntax=newer_syntax, tree=tree)
    return check_all(parsed, path, trace)


def _may_hold_findings(tree: ast.Module, source: str | bytes, path: str) -> bool:
    """The text prefilter: whether the source names something an analysis starts from, carries a directive, or
    builds a model of a project file with arguments (a finding's place may be that call: ``Net(cin=1)``)."""
    if may_find(tree) or "shapelint" in _ascii(source):
        return True
    imported = imported_files(tree, path, called_with_arguments(tree))
    return any(_file_may_find(file) for file in set(imported.values()))


def _file_may_find(path: str) -> bool:
    """:func:`may_find` of a project file's source, read once per version of the file; unreadable means no."""
    try:
        status = os.stat(path)
    except OSError:
        return False
    return _read_may_find(path, status.st_mtime_ns, status.st_size)


@functools.lru_cache(maxsize=4096)
def _read_may_find(path: str, modified: int, size: int) -> bool:
    try:
        tree = syntax_tree(read_source_bytes(path))
    except (OSError, Skipped):
        return False
    except PARSE_ERRORS:
        return False
    return tree is None or may_find(tree)


def _ascii(source: str | bytes) -> str:
    """The source's text as far as ASCII words go (a directive's ``shapelint``), whatever its encoding."""
    return source if isinstance(source, str) else source.decode("latin-1")
