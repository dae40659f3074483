"""What pytest passes a test it runs: the value of the ``@pytest.fixture`` function each parameter names, and each
row of its ``@pytest.mark.parametrize`` decorators.

A test run standalone on unknown arguments checks nothing; with these, ``def test_forward(net)`` runs on the model
the ``net`` fixture builds, and ``@pytest.mark.parametrize("channels", [1, 3])`` runs the test once per row, each a
configuration of its own.  Fixtures are those of the test's own module, then of the ``conftest.py`` files of its
package and the packages above; one that ``yield``s gives the value its body yields at its top level.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import libcst as cst

from shapelint.dims import UNKNOWN
from shapelint.evaluator import operators
from shapelint.evaluator.classes import dotted
from shapelint.evaluator.functions import call_function, default_arguments, parameters_of
from shapelint.evaluator.imports import load
from shapelint.evaluator.machine import Machine
from shapelint.evaluator.values import Function, Scope

MAX_ROWS = 16
"""Parametrized runs of one test at most (the product of its decorators' rows); a larger table is not run."""
MAX_FIXTURE_DEPTH = 4


def argument_sets(m: Machine, function: Function, skip: int) -> list[tuple[list[object], dict[str, object]]]:
    """The arguments of each run pytest would make of ``function`` (its first ``skip`` positional parameters
    given by the caller): one per parametrized row, fixtures for the parameters left; its defaults and unknown
    values when it is not a test."""
    positional, keywords = default_arguments(function, skip)
    if not function.node.name.value.startswith("test"):
        return [(positional, keywords)]
    names = parameters_of(function).positional[skip:]
    runs = []
    for row in _rows(m, function):
        given = [row.get(name, _fixture(m, function.scope, name, value, 0)) for name, value in zip(names, positional)]
        runs.append((given, {name: row.get(name, value) for name, value in keywords.items()}))
    return runs


def _rows(m: Machine, function: Function) -> list[dict[str, object]]:
    """Each combination of the rows of the test's ``parametrize`` decorators; one empty row without any, or when
    there are more than :data:`MAX_ROWS` or one cannot be read."""
    tables = [_table(m, decorator, function.scope) for decorator in function.node.decorators]
    if any(table is None for table in tables):
        return [{}]
    combined = [
        dict(itertools.chain.from_iterable(row.items() for row in rows))
        for rows in itertools.product(*(table for table in tables if table))
    ]
    return combined if 0 < len(combined) <= MAX_ROWS else [{}]


def _table(m: Machine, decorator: cst.Decorator, scope: Scope) -> list[dict[str, object]] | None:
    """The rows of a ``@pytest.mark.parametrize(names, values)``, each by name; ``[]`` for another decorator,
    ``None`` for one that cannot be read (``indirect=``, values unknown)."""
    call = decorator.decorator
    if not isinstance(call, cst.Call) or not dotted(call.func).endswith("mark.parametrize"):
        return []
    positional = [arg.value for arg in call.args if arg.keyword is None]
    keywords = {arg.keyword.value: arg.value for arg in call.args if arg.keyword is not None}
    if "indirect" in keywords or len(positional) < 2:
        return None
    names = m.ev(positional[0], scope)
    if isinstance(names, str):
        names = tuple(part.strip() for part in names.split(",") if part.strip())
    items = operators.iterate(names)
    if not items or not all(isinstance(name, str) for name in items):
        return None
    rows = [_row(value, len(items), wrapped) for value, wrapped in _values(m, positional[1], scope)]
    if not rows or any(row is None for row in rows):
        return None
    return [dict(zip(items, row)) for row in rows if row is not None]  # type: ignore[arg-type]


def _values(m: Machine, node: cst.BaseExpression, scope: Scope) -> Iterator[tuple[object, bool]]:
    """The table's rows as written, each with whether it is a ``pytest.param(...)`` (a tuple of its values)."""
    if isinstance(node, (cst.List, cst.Tuple)):
        for element in node.elements:
            value = element.value
            if isinstance(value, cst.Call) and dotted(value.func).endswith("param"):
                if any(arg.keyword is not None and arg.keyword.value == "marks" for arg in value.args):
                    continue  # an ``xfail`` or ``skip`` row: it may feed a wrong shape on purpose
                yield tuple(m.ev(arg.value, scope) for arg in value.args if arg.keyword is None), True
            else:
                yield m.ev(value, scope), False
        return
    yield from ((value, False) for value in operators.iterate(m.ev(node, scope)) or [UNKNOWN])


def _row(value: object, width: int, wrapped: bool) -> list[object] | None:
    """A row's values, one per name: a single name takes the value whole (a tuple ``(8,)`` stays one)."""
    if width == 1:
        return [value[0] if wrapped and isinstance(value, tuple) and len(value) == 1 else value]
    items = operators.iterate(value)
    return items if items is not None and len(items) == width else None


def _fixture(m: Machine, scope: Scope, name: str, otherwise: object, depth: int) -> object:
    """The value of the fixture ``name`` of the module, built as pytest would (its own fixtures first); ``otherwise``
    when the module defines no such fixture."""
    if otherwise is not UNKNOWN or depth > MAX_FIXTURE_DEPTH:
        return otherwise
    fixture = next(filter(None, (_defined(m, where, name) for where in _fixture_scopes(m, scope))), None)
    if fixture is None:
        return otherwise
    positional, keywords = default_arguments(fixture, 0)
    names = parameters_of(fixture).positional
    given = [_fixture(m, scope, other, value, depth + 1) for other, value in zip(names, positional)]
    return call_function(m, fixture, given, keywords, until=_yield_at_top(fixture.node))


def _defined(m: Machine, scope: Scope, name: str) -> Function | None:
    """The fixture ``name`` the module of ``scope`` defines."""
    return next((f for f in m.functions if f.scope is scope and f.node.name.value == name and _is_fixture(f)), None)


def _fixture_scopes(m: Machine, scope: Scope) -> Iterator[Scope]:
    """Where pytest looks for a test module's fixtures: the module, then the ``conftest.py`` of its package and of
    each package above it, nearest first (each run from source once, as an import)."""
    yield scope
    dotted = m.module_names.get(id(scope))
    if dotted is None:
        return
    parts = dotted.split(".")[:-1]
    for depth in range(len(parts), -1, -1):
        conftest = load(m, ".".join([*parts[:depth], "conftest"]), imported=False)
        if conftest is not None:
            yield conftest.scope


def _yield_at_top(node: cst.FunctionDef) -> cst.SimpleStatementLine | None:
    """A fixture's ``yield value`` at its body's top level (``net = Net(); yield net``), which gives the test its
    value; what follows is teardown, after the test."""
    statements = node.body.body if isinstance(node.body, cst.IndentedBlock) else ()
    for statement in statements:
        if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1:
            small = statement.body[0]
            if isinstance(small, cst.Expr) and isinstance(small.value, cst.Yield) and small.value.value is not None:
                return statement
    return None


def _is_fixture(function: Function) -> bool:
    """Decorated ``@pytest.fixture`` or ``@fixture``, with arguments or without."""
    for decorator in function.node.decorators:
        written = decorator.decorator
        name = dotted(written.func if isinstance(written, cst.Call) else written)
        if name in ("pytest.fixture", "fixture"):
            return True
    return False
