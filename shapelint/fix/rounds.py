"""The fix loop: fix, re-check, repeat to a fixpoint, and give up (changing nothing) whenever a result is in doubt.

Nothing is trusted: the fixed text must parse again, and no fixed finding may
come back on the node that replaced it, or the file is left as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import libcst as cst

from shapelint import lint
from shapelint.fix.replace import FixError, replace_nodes
from shapelint.judge import Diagnostic, Finding, Fix
from shapelint.source import PARSE_ERRORS, Parsed, describe_parse_error, parse, reparsed

MAX_ROUNDS = 4
"""Fixing one layer can reveal a finding downstream; a few rounds reach the fixpoint."""

Wanted = Callable[[str], bool]
"""Which codes a run reports and fixes: ``--select``/``--ignore`` and the configuration."""


def every_code(code: str) -> bool:
    return True


@dataclass(frozen=True)
class FileFix:
    """The outcome of fixing one file: enough to write it, diff it and summarise it."""

    path: str
    before: bytes
    after: bytes
    fixed: tuple[Diagnostic, ...]
    remaining: tuple[Diagnostic, ...]
    withheld_unsafe: int
    error: str | None
    incomplete: str | None = None
    """Why part of the file went unchecked (the step budget ran out), for a notice."""


@dataclass(frozen=True)
class _Outcome:
    parsed: Parsed
    fixed: tuple[Diagnostic, ...]
    remaining: tuple[Diagnostic, ...]


def _fix_rounds(
    parsed: Parsed, source: str | bytes, path: str, unsafe: bool, findings: Sequence[Finding], wanted: Wanted
) -> _Outcome:
    """Fix what may be fixed, re-check and verify, until nothing fixable is left."""
    fixed: list[Diagnostic] = []
    as_bytes = isinstance(source, bytes)
    for _ in range(MAX_ROUNDS):
        chosen = _non_overlapping([f for f in findings if f.diagnostic.fixable(unsafe) and wanted(f.diagnostic.code)])
        if not chosen:
            break
        if not fixed:
            _require_round_trip(parsed.module.bytes if as_bytes else parsed.module.code, source)
        module, replaced = replace_nodes(parsed.module, _replacements(chosen))
        try:
            parsed = reparsed(module, as_bytes)
            findings = lint.check(parsed, path)
        except PARSE_ERRORS as error:
            raise FixError(f"fixed source does not parse: {_reason(error)}") from error
        still = [old for old in chosen if any(_same(old, new, replaced) for new in findings)]
        if still:
            first = still[0].diagnostic
            raise FixError(f"fix did not remove {first.code} at {first.line}:{first.column}")
        fixed.extend(finding.diagnostic for finding in chosen)
    return _Outcome(parsed, tuple(fixed), tuple(finding.diagnostic for finding in findings))


def _replacements(chosen: Sequence[Finding]) -> list[tuple[cst.CSTNode, str]]:
    """Each fixed node and its new text."""
    pairs = []
    for finding in chosen:
        fix = finding.diagnostic.fix
        assert fix is not None
        if finding.node is None:
            raise FixError(f"the fix at {fix.line}:{fix.column} names no node")
        pairs.append((finding.node, fix.replacement))
    return pairs


def _same(old: Finding, new: Finding, replaced: Mapping[cst.CSTNode, cst.CSTNode]) -> bool:
    """Whether ``new`` is ``old`` again: the same code, about the node that replaced ``old``'s."""
    return new.diagnostic.code == old.diagnostic.code and new.node is replaced.get(old.node)  # type: ignore[arg-type]


def _span(fix: Fix) -> tuple[tuple[int, int], tuple[int, int]]:
    return (fix.line, fix.column), (fix.end_line, fix.end_column)


def _non_overlapping(findings: Sequence[Finding]) -> list[Finding]:
    """The findings whose fixes can share one pass; one that overlaps an earlier fix waits for the next round."""
    chosen: list[Finding] = []
    taken: set[Fix] = set()
    pairs = [(f, f.diagnostic.fix) for f in findings if f.diagnostic.fix is not None]
    for finding, fix in sorted(pairs, key=lambda pair: _span(pair[1])):
        if fix in taken or not any(_overlap(_span(fix), _span(other)) for other in taken):
            taken.add(fix)
            chosen.append(finding)
    return chosen


def _overlap(first: tuple, second: tuple) -> bool:
    return first[0] < second[1] and second[0] < first[1]


def _reason(error: BaseException) -> str:
    """One line saying why, with the line number when there is one."""
    if isinstance(error, PARSE_ERRORS):
        reason, line = describe_parse_error(error)
        return f"{reason} (line {line})" if line else reason
    return str(error).splitlines()[0] if str(error) else type(error).__name__


def _require_round_trip(regenerated: str | bytes, source: str | bytes) -> None:
    """A file libcst cannot write back byte for byte is not fixed: a form feed before the first statement and a
    CR-only file's last line break are lost in libcst's round trip, and a fix must change nothing else."""
    if regenerated != source:
        raise FixError("libcst cannot write this file back byte for byte (a leading form feed or CR-only line ends)")


def _withheld(findings: Sequence[Diagnostic], unsafe: bool, wanted: Wanted) -> int:
    return sum(1 for d in findings if d.fix is not None and not d.fixable(unsafe) and wanted(d.code))


def fix_bytes(source: bytes, path: str, *, unsafe: bool = False, wanted: Wanted = every_code) -> FileFix:
    """Fix one file's bytes without touching the disk; on any doubt ``after == before`` and ``error`` says why.

    Only findings whose code is ``wanted`` are fixed; ``remaining`` keeps every finding, for the caller to filter.
    """
    try:
        parsed = parse(source, newer_syntax=False)
        checked = lint.check_all(parsed, path)
    except PARSE_ERRORS as error:
        return FileFix(path, source, source, (), (), 0, f"cannot parse: {_reason(error)}")
    findings, incomplete = checked.findings, checked.incomplete
    try:
        outcome = _fix_rounds(parsed, source, path, unsafe, findings, wanted)
    except (FixError, RecursionError) as error:
        diagnostics = tuple(finding.diagnostic for finding in findings)
        withheld = _withheld(diagnostics, unsafe, wanted)
        return FileFix(path, source, source, (), diagnostics, withheld, _reason(error), incomplete)
    withheld = _withheld(outcome.remaining, unsafe, wanted)
    after = outcome.parsed.module.bytes if outcome.fixed else source
    return FileFix(path, source, after, outcome.fixed, outcome.remaining, withheld, None, incomplete)


def fix_source(source: str, *, unsafe: bool = False) -> str:
    """``source`` with its fixable findings repaired; raises ``FixError`` when it cannot be fixed safely."""
    try:
        parsed = parse(source, newer_syntax=False)
        outcome = _fix_rounds(parsed, source, "<string>", unsafe, lint.check(parsed, "<string>"), every_code)
    except PARSE_ERRORS as error:
        raise FixError(f"cannot parse: {_reason(error)}") from error
    return outcome.parsed.module.code if outcome.fixed else source
