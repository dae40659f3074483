"""Calling user functions: binding arguments as Python does, running the body, tracing parameters to call sites."""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from shapelint.dims import UNKNOWN
from shapelint.evaluator import generators
from shapelint.evaluator.binder import join_returns
from shapelint.evaluator.control import LoopExit, Raise, Return
from shapelint.evaluator.machine import MAX_CALL_DEPTH, Machine
from shapelint.evaluator.values import CallSite, DictValue, Function, Parameters, Scope, Source
from shapelint.source import contains, name_counts


def call_function(
    m: Machine,
    function: Function,
    args: list[object],
    kwargs: dict[str, object],
    site: CallSite | None = None,
    until: cst.SimpleStatementLine | None = None,
) -> object:
    """Run ``function``'s body on the arguments; ``until``, a top-level ``yield value`` of the body: run it up to
    there and give that value (a pytest fixture's, whose teardown follows)."""
    function.calls += 1
    generator = until is None and m.fact(_is_generator, function.node) and _may_yield(m, function.node)
    if len(m.frames) >= MAX_CALL_DEPTH or (generator and not generators.takes_data(args, kwargs)):
        m.propagator.training = False  # the code not run may set a model's mode
        return UNKNOWN
    if generator:
        return _generated(m, function, args, kwargs, site)
    return _run(m, function, args, kwargs, site, until)


def call_hook(m: Machine, function: Function, args: list[object], kwargs: dict[str, object]) -> object:
    """Run a function of the project that a library would call (a loader's ``collate_fn``, a Lightning step), as
    code that may not run; one that raises gives an unknown result."""
    with m.binder.uncertainty():
        try:
            return call_function(m, function, args, kwargs)
        except Raise:
            return UNKNOWN


def _generated(
    m: Machine, function: Function, args: list[object], kwargs: dict[str, object], site: CallSite | None
) -> object:
    """A generator given a data loader: its body runs now, as code that may not run (it runs as the generator is
    iterated, or never), and what it yields is what a loop over it binds."""
    with generators.collecting(m, function.node) as yields, m.binder.uncertainty():
        try:
            _run(m, function, args, kwargs, site, None)
        except Raise:
            return UNKNOWN
    return generators.generated(yields)


def _run(
    m: Machine,
    function: Function,
    args: list[object],
    kwargs: dict[str, object],
    site: CallSite | None,
    until: cst.SimpleStatementLine | None,
) -> object:
    scope = Scope(function.scope)
    if not bind_parameters(function, args, dict(kwargs), scope):
        m.propagator.training = False
        return UNKNOWN
    m.ran.add(id(function.node))
    _record_sources(function, scope, site)
    m.frames.append((function, scope))
    saved = m.statement, m.binder.returned, m.binder.returns
    m.binder.returned, m.binder.returns = False, []
    result: object = None
    raised = exited = False
    try:
        if until is None:
            m.exec_block(body(function.node), scope)
        else:
            result = _run_until(m, function.node, until, scope)
    except Return as returned:
        result = returned.value
    except LoopExit:
        exited = True
    except Raise:
        raised = True
    finally:
        uncertain, returns = m.binder.returned, m.binder.returns
        m.frames.pop()
        m.statement, m.binder.returned, m.binder.returns = saved
    if raised and not uncertain:
        raise Raise  # every path through the body raised: so does the call (an ``assert`` a helper fails)
    if exited or (uncertain and raised):  # a call that may raise instead gives nothing a caller can rely on
        return UNKNOWN
    return join_returns([*returns, result], function.node) if uncertain else result


def _run_until(m: Machine, node: cst.FunctionDef, until: cst.SimpleStatementLine, scope: Scope) -> object:
    statements = list(body(node))
    m.exec_block(statements[: statements.index(until)], scope)
    m.statement = until
    expression = until.body[0]
    assert isinstance(expression, cst.Expr) and isinstance(expression.value, cst.Yield)
    yielded = expression.value.value
    return m.ev(yielded, scope) if isinstance(yielded, cst.BaseExpression) else UNKNOWN


def bind_parameters(function: Function, args: list[object], kwargs: dict[str, object], scope: Scope) -> bool:
    """Bind call arguments as Python would; ``False`` when the call cannot match."""
    names = parameters_of(function)
    defaults = function.defaults
    for index, name in enumerate(names.positional):
        if index < len(args):
            scope.vars[name] = args[index]
        elif not _bind_named(name, kwargs, defaults, scope):
            return False
    extra = args[len(names.positional) :]
    if names.star is not None:
        scope.vars[names.star] = tuple(extra)
    elif extra:
        return False
    if not all(_bind_named(name, kwargs, defaults, scope) for name in names.keyword_only):
        return False
    if names.double_star is not None:
        scope.vars[names.double_star] = DictValue(dict(kwargs.items()))
    elif kwargs:
        return False
    return True


def parameters_of(function: Function) -> Parameters:
    if function.parameters is None:
        function.parameters = Parameters.of(function.node.params)
    return function.parameters


def _bind_named(name: str, kwargs: dict[str, object], defaults: dict[str, object], scope: Scope) -> bool:
    """Bind a parameter from a keyword argument, else its default; ``False`` when it has neither."""
    if name in kwargs:
        scope.vars[name] = kwargs.pop(name)
    elif name in defaults:
        scope.vars[name] = defaults[name]
    else:
        return False
    return True


def eval_defaults(m: Machine, node: cst.FunctionDef, scope: Scope) -> dict[str, object]:
    params = node.params
    every = [*params.posonly_params, *params.params, *params.kwonly_params]
    return {p.name.value: m.ev(p.default, scope) for p in every if p.default is not None}


def default_arguments(target: Function, skip: int) -> tuple[list[object], dict[str, object]]:
    """Arguments for a call that passes nothing: defaults, and unknown for the rest."""
    names = parameters_of(target)
    args = [target.defaults.get(name, UNKNOWN) for name in names.positional[skip:]]
    kwargs = {name: target.defaults.get(name, UNKNOWN) for name in names.keyword_only}
    return args, kwargs


def body(node: cst.FunctionDef) -> Sequence[cst.CSTNode]:
    suite = node.body
    if isinstance(suite, cst.SimpleStatementSuite):
        return (cst.SimpleStatementLine(body=suite.body),)
    return suite.body


def _may_yield(m: Machine, node: cst.FunctionDef) -> bool:
    """Whether a ``yield`` of ``node`` can be real: ``may_yield`` speaks for the evaluated file alone, not for the
    modules it imports or the importers that run it (a training script's ``utils.progress``).  Asked after the
    cached syntactic fact, so only of generators: finding a node's module walks the modules loaded."""
    return m.may_yield or not m.local(node)


def _is_generator(node: cst.FunctionDef) -> bool:
    return contains(node.body, (cst.Yield,), stop=(cst.FunctionDef, cst.ClassDef, cst.Lambda))


def _record_sources(function: Function, scope: Scope, site: CallSite | None) -> None:
    """Remember which call-site expression gave each parameter its value.

    Only a parameter used once in the body is traced: fixing its call-site
    value then changes that one use.  Defaults are never traced.
    """
    if site is None:
        return
    names = parameters_of(function)
    if function.uses is None:
        function.uses = name_counts(function.node.body)
    uses = function.uses
    for index, name in enumerate((*names.positional, *names.keyword_only)):
        if uses.get(name, 0) != 1:
            continue
        found = site.source(index if index < len(names.positional) else len(site.positional), name)
        if found is not None:
            scope.sources[name] = Source(found.node, True, found.scope)
