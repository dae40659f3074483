"""``match`` statements: which cases can run, decided where the subject and the pattern tell.

``match x.shape: case (b, d): ...`` on a 3-D tensor never runs its case, whose layer would get the wrong rank: a
sequence pattern is decided by the subject's length, a value pattern by equality, a capture always matches.  A case
that cannot be decided may run or not, as an undecided ``if`` branch; the names its pattern captures are then
unknown.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import libcst as cst

from shapelint.dims import UNKNOWN
from shapelint.evaluator import operators
from shapelint.evaluator.machine import Machine
from shapelint.evaluator.values import ListValue, Scope
from shapelint.source import syntax_children

Bindings = dict[str, object]


def exec_match(m: Machine, node: cst.Match, scope: Scope) -> None:
    """Run the case that certainly matches, or walk every case that may (and the path where none did)."""
    subject = m.ev(node.subject, scope)
    possible: list[Sequence[cst.CSTNode]] = []
    for case in node.cases:
        bindings: Bindings = {}
        matched = _matches(m, case.pattern, subject, scope, bindings)
        if matched is not False and case.guard is not None:
            scope_vars = dict(scope.vars)
            scope.vars.update(bindings)
            guard = operators.truth(m.ev(case.guard, scope))
            scope.vars = scope_vars
            matched = False if guard is False else matched if guard else None
        if matched is False:
            continue
        if matched and not possible:
            scope.vars.update(bindings)
            m.exec_block(case.body.body, scope)
            return
        for name in _captured(case.pattern):
            scope.vars[name] = UNKNOWN
        possible.append(case.body.body)
        if matched:
            break
    else:
        possible.append(())  # no case matched
    if possible:
        m.binder.branches(scope, *possible)


def _matches(m: Machine, pattern: cst.MatchPattern, subject: object, scope: Scope, bindings: Bindings) -> bool | None:
    """Whether ``pattern`` matches ``subject`` (``None``: cannot tell), filling ``bindings`` when it does."""
    if isinstance(pattern, cst.MatchAs):
        matched = True if pattern.pattern is None else _matches(m, pattern.pattern, subject, scope, bindings)
        if matched and pattern.name is not None:
            bindings[pattern.name.value] = subject
        return matched
    if isinstance(pattern, cst.MatchValue):
        outcome = operators.compare(cst.Equal(), subject, m.ev(pattern.value, scope))
        return None if outcome is UNKNOWN else bool(outcome)
    if isinstance(pattern, (cst.MatchList, cst.MatchTuple)):
        return _sequence(m, pattern.patterns, subject, scope, bindings)
    if isinstance(pattern, cst.MatchOr):
        results = [_matches(m, option.pattern, subject, scope, {}) for option in pattern.patterns]
        if all(result is False for result in results):
            return False
        return True if True in results and not _captures_any(pattern) else None
    return None


def _sequence(
    m: Machine,
    elements: Sequence[cst.MatchSequenceElement | cst.MatchStar],
    subject: object,
    scope: Scope,
    bindings: Bindings,
) -> bool | None:
    """A sequence pattern against a tuple or list whose length is known."""
    if not isinstance(subject, (tuple, list)):
        return None
    items = list(subject)
    stars = [index for index, element in enumerate(elements) if isinstance(element, cst.MatchStar)]
    fixed = len(elements) - len(stars)
    if len(items) < fixed or (not stars and len(items) != fixed):
        return False
    if stars:
        at = stars[0]
        star = elements[at]
        middle = items[at : len(items) - (len(elements) - at - 1)]
        if isinstance(star, cst.MatchStar) and star.name is not None:
            bindings[star.name.value] = ListValue(list(middle))
        pairs = list(zip(elements[:at], items[:at])) + list(
            zip(elements[at + 1 :], items[len(items) - (len(elements) - at - 1) :])
        )
    else:
        pairs = list(zip(elements, items))
    results = [
        _matches(m, element.value, item, scope, bindings)
        for element, item in pairs
        if isinstance(element, cst.MatchSequenceElement)
    ]
    return False if False in results else True if all(results) else None


def _captures_any(pattern: cst.CSTNode) -> bool:
    return next(_captured(pattern), None) is not None


def _captured(pattern: cst.CSTNode) -> Iterator[str]:
    """The names a pattern binds (``case (b, d):``, ``case [first, *rest]:``, ``case {"k": v, **others}:``)."""
    if isinstance(pattern, (cst.MatchAs, cst.MatchStar)) and pattern.name is not None:
        yield pattern.name.value
    if isinstance(pattern, cst.MatchMapping) and pattern.rest is not None:
        yield pattern.rest.value
    for child in syntax_children(pattern):
        yield from _captured(child)
