"""The fix loop: fix, re-check, repeat to a fixpoint, and give up (changing nothing) whenever a result is in doubt.

Nothing is trusted: the fixed text must parse again, and no fixed finding may
come back on the node that replaced it, or the file is left as it was.
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

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
    notice: str | None = None
    """What the user should know that is not an error: part of the file went unchecked (the step budget ran out),
    or it was checked but not fixed (syntax newer than the running Python)."""


@dataclass(frozen=True)
class _Outcome:
    parsed: Parsed
    fixed: tuple[Diagnostic, ...]
    remaining: tuple[Diagnostic, ...]
    margins: tuple[str | bytes, str | bytes] = ("", "")
    """What libcst's round trip drops at the file's ends, put back around the fixed text."""

    def text(self, source: str | bytes) -> str | bytes:
        """The fixed file: ``source`` itself when nothing was fixed."""
        if not self.fixed:
            return source
        head, tail = self.margins
        body = self.parsed.module.bytes if isinstance(source, bytes) else self.parsed.module.code
        return head + body + tail  # type: ignore[operator]


def _fix_rounds(
    parsed: Parsed, source: str | bytes, path: str, unsafe: bool, findings: Sequence[Finding], wanted: Wanted
) -> _Outcome:
    """Fix what may be fixed, re-check and verify, until nothing fixable is left."""
    fixed: list[Diagnostic] = []
    as_bytes = isinstance(source, bytes)
    margins: tuple[str | bytes, str | bytes] = ("", "")
    for _ in range(MAX_ROUNDS):
        chosen = _non_overlapping([f for f in findings if f.diagnostic.fixable(unsafe) and wanted(f.diagnostic.code)])
        if not chosen:
            break
        if not fixed:
            margins = _margins(parsed.module.bytes if as_bytes else parsed.module.code, source)
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
    return _Outcome(parsed, tuple(fixed), tuple(finding.diagnostic for finding in findings), margins)


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


def _margins(regenerated: str | bytes, source: str | bytes) -> tuple[str | bytes, str | bytes]:
    """What libcst's round trip drops at the ends of ``source``, to be put back: form feeds before the first
    statement, and a last line break that is a lone CR.  A file that comes back different anywhere else is not
    fixed: a fix must change nothing but its own text."""
    if regenerated == source:
        return source[:0], source[:0]
    start = source.find(regenerated)  # type: ignore[arg-type]
    head, tail = source[:start], source[start + len(regenerated) :]
    form_feed, carriage_return = ("\x0c", "\r") if isinstance(source, str) else (b"\x0c", b"\r")
    if start < 0 or head.strip(form_feed) or tail.strip(carriage_return):  # type: ignore[arg-type]
        raise FixError("libcst cannot write this file back byte for byte")
    return head, tail


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
        return _unfixed(source, path, error)
    findings, incomplete = checked.findings, checked.incomplete
    try:
        outcome = _fix_rounds(parsed, source, path, unsafe, findings, wanted)
    except (FixError, RecursionError) as error:
        diagnostics = tuple(finding.diagnostic for finding in findings)
        withheld = _withheld(diagnostics, unsafe, wanted)
        return FileFix(path, source, source, (), diagnostics, withheld, _reason(error), incomplete)
    withheld = _withheld(outcome.remaining, unsafe, wanted)
    after = outcome.text(source)
    assert isinstance(after, bytes)
    if not _changes_within(source, after, outcome.fixed):
        diagnostics = tuple(finding.diagnostic for finding in findings)
        stray = "the fixed text differs outside the fixed expressions"
        return FileFix(path, source, source, (), diagnostics, _withheld(diagnostics, unsafe, wanted), stray, incomplete)
    return FileFix(path, source, after, outcome.fixed, outcome.remaining, withheld, None, incomplete)


def _changes_within(before: bytes, after: bytes, fixed: Sequence[Diagnostic]) -> bool:
    """Whether every line the fix changed holds a fixed expression: the last guard before a write, so that no
    byte outside the fixes can change, whatever happened on the way."""
    lines = {line for d in fixed if d.fix is not None for line in range(d.fix.line, d.fix.end_line + 1)}
    matcher = difflib.SequenceMatcher(None, before.splitlines(keepends=True), after.splitlines(keepends=True), False)
    changed = [(start, end) for tag, start, end, _, _ in matcher.get_opcodes() if tag != "equal"]
    return all(any(start < line <= max(end, start + 1) for line in lines) for start, end in changed)


def _unfixed(source: bytes, path: str, error: BaseException) -> FileFix:
    """A file the running Python cannot parse: an error, unless it is newer syntax libcst reads, which is linted and
    left as it is (a fix is only written where CPython parses the result), with a notice saying so."""
    try:
        findings = lint.check(parse(source), path)
    except PARSE_ERRORS:
        return FileFix(path, source, source, (), (), 0, f"cannot parse: {_reason(error)}")
    diagnostics = tuple(replace(finding.diagnostic, fix=None) for finding in findings)
    notice = f"not fixed: it uses syntax this Python ({sys.version_info[0]}.{sys.version_info[1]}) cannot parse"
    return FileFix(path, source, source, (), diagnostics, 0, None, notice)


def fix_source(source: str, *, unsafe: bool = False) -> str:
    """``source`` with its fixable findings repaired; raises ``FixError`` when it cannot be fixed safely."""
    try:
        parsed = parse(source, newer_syntax=False)
        outcome = _fix_rounds(parsed, source, "<string>", unsafe, lint.check(parsed, "<string>"), every_code)
    except PARSE_ERRORS as error:
        raise FixError(f"cannot parse: {_reason(error)}") from error
    after = outcome.text(source)
    assert isinstance(after, str)
    return after
