"""Statements: assignments, imports, branches, loops, ``try``/``with``, and function and class definitions.

A branch on an unknown condition, or a loop over an unknown iterable, still
runs, but under the binder's uncertainty: see :mod:`shapelint.evaluator.binder`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence

import libcst as cst

from shapelint.dims import UNKNOWN
from shapelint.evaluator import array_ops, classes, data_pipeline, dataset_items, imports, names, operators, patterns
from shapelint.evaluator.assignment import assign, delete, mutate_list
from shapelint.evaluator.binder import merge
from shapelint.evaluator.control import LoopExit, Raise, Return
from shapelint.evaluator.functions import call_function, eval_defaults
from shapelint.evaluator.machine import MAX_ITERATIONS, MAX_UNROLLED_REPEATS, Handler, Machine, spent_long_loop
from shapelint.evaluator.steady import Repetition
from shapelint.evaluator.values import Array, ClassValue, Function, ListValue, ModuleRef, Partial, Scope, Tensor
from shapelint.source import contains, name_counts


def exec_simple_line(m: Machine, line: cst.SimpleStatementLine, scope: Scope) -> None:
    for small in line.body:
        exec_small(m, small, scope)


def exec_small(m: Machine, small: cst.BaseSmallStatement, scope: Scope) -> None:
    """One small statement; one too deeply nested to evaluate leaves its targets unknown."""
    try:
        _exec_small(m, small, scope)
    except RecursionError:
        for target in _assigned_targets(small):
            assign(m, target, UNKNOWN, scope)


def _exec_small(m: Machine, small: cst.BaseSmallStatement, scope: Scope) -> None:
    # libcst's concrete node classes have no subclasses; ``type(...) is`` skips ABC isinstance checks on the hot path
    if type(small) is cst.Assign:
        value = _ev_noting_sizes(m, small, scope)
        if m.propagator.trace is not None:
            _trace_binding(m, small, [target.target for target in small.targets], value, scope)
        for target in small.targets:
            assign(m, target.target, value, scope)
    elif type(small) is cst.AnnAssign and small.value is not None:
        value = m.ev(small.value, scope)
        if m.propagator.trace is not None:
            _trace_binding(m, small, [small.target], value, scope)
        assign(m, small.target, value, scope)
    elif type(small) is cst.AugAssign:
        exec_aug_assign(m, small, scope)
    elif type(small) is cst.Expr:
        m.ev(small.value, scope)
    elif type(small) is cst.Return:
        value = m.ev(small.value, scope) if small.value is not None else None
        if m.propagator.trace is not None:
            _trace_binding(m, small, [], value, scope)
        raise Return(value)
    elif type(small) is cst.Import or type(small) is cst.ImportFrom:
        imports.exec_import(m, small, scope)
    elif type(small) is cst.Break or type(small) is cst.Continue:
        raise LoopExit(type(small) is cst.Break)
    elif type(small) is cst.Raise:
        raise Raise
    elif type(small) is cst.Assert:
        if operators.truth(m.ev(small.test, scope)) is False:
            raise Raise  # ``assert x.dim() > 1``: the path that fails it goes no further
    elif type(small) is cst.Global or type(small) is cst.Nonlocal:
        _forget_outer(small, scope)
    elif type(small) is cst.Del:
        delete(m, small.target, scope)


def _trace_binding(
    m: Machine,
    statement: cst.Assign | cst.AnnAssign | cst.Return,
    targets: list[cst.BaseExpression],
    value: object,
    scope: Scope,
) -> None:
    """Note, for the editor's hints, a statement that binds a tensor of a new shape: ``x = self.pool(x)`` or
    ``return self.fc(x)``, not ``x = F.relu(x)``, ``identity = x`` nor ``self.cache = x``."""
    if not isinstance(value, Tensor) or isinstance(statement.value, cst.Name) or m.propagator.trace is None:
        return
    if not all(isinstance(target, cst.Name) for target in targets):
        return
    held = [scope.vars.get(target.value) for target in targets if isinstance(target, cst.Name)]
    before = held[0].shape if held and isinstance(held[0], Tensor) else None
    if before != value.shape:
        m.propagator.trace.statement(statement, value, before)


def exec_aug_assign(m: Machine, node: cst.AugAssign, scope: Scope) -> None:
    target = m.ev(node.target, scope)
    value = m.ev(node.value, scope)
    if isinstance(target, Tensor) or isinstance(value, Tensor):
        result = m.tensors.binary(node.operator, target, value, node)
        trace = m.propagator.trace
        if (
            trace is not None
            and isinstance(target, Tensor)
            and isinstance(result, Tensor)
            and result.shape != target.shape
        ):
            trace.statement(node, result, target.shape)
        assign(m, node.target, result, scope)
        return
    if isinstance(target, Array):  # ``X /= 255.0``: in place, of the array's own shape and kind or refused
        assign(m, node.target, array_ops.binary(node.operator, target, value), scope)
        return
    if isinstance(target, ListValue) and isinstance(node.operator, cst.AddAssign):
        added = operators.iterate(value)  # an empty list adds nothing (``[blk for _ in range(depth - 1)]``)
        mutate_list(m, target, lambda items: items.extend([UNKNOWN] if added is None else added), value)
        return
    operator = operators.AUGMENTED.get(type(node.operator))
    result = operators.binary(operator, target, value) if operator else UNKNOWN
    assign(m, node.target, result, scope)


def _ev_noting_sizes(m: Machine, small: cst.Assign, scope: Scope) -> object:
    """An assignment's value; the names it binds are noted as sizes not known when evaluating it read one."""
    with m.tensors.noting_sizes() as read:
        value = m.ev(small.value, scope)
    if read[0]:
        for target in small.targets:
            m.tensors.size_names.update((id(scope), name) for name in _target_names(target.target))
    return value


def _on_unknown_sizes(m: Machine, test: cst.BaseExpression, scope: Scope) -> tuple[object, bool]:
    """A condition's value, and whether it reads a size not known: directly (``out.shape[1] != x.shape[1]``) or
    through a name bound from one (``residual_channel != shortcut_channel``)."""
    with m.tensors.noting_sizes() as read:
        value = m.ev(test, scope)
    names = m.tensors.size_names
    return value, read[0] or (bool(names) and any((id(scope), name) in names for name in name_counts(test)))


def exec_if(m: Machine, node: cst.If, scope: Scope) -> None:
    value, on_unknown_sizes = _on_unknown_sizes(m, node.test, scope)
    test = operators.truth(value)
    orelse = node.orelse
    else_body: Sequence[cst.CSTNode] = ()
    if isinstance(orelse, cst.If):
        else_body = (orelse,)
    elif isinstance(orelse, cst.Else):
        else_body = orelse.body.body
    if test is True:
        m.exec_block(node.body.body, scope)
    elif test is False:
        m.exec_block(else_body, scope)
    elif on_unknown_sizes:
        _branches_on_sizes(m, node, scope, else_body)
    else:
        m.binder.branches(scope, node.body.body, else_body, choice=node)


def _branches_on_sizes(m: Machine, node: cst.If, scope: Scope, else_body: Sequence[cst.CSTNode]) -> None:
    """``if out.shape[1] != x.shape[1]: <pad the shortcut>`` / ``else: out + x`` on sizes not known: one branch may
    be the one the sizes rule out, so what either rejects is no finding (the run is one on a made-up input)."""
    start = len(m.propagator.mismatches)
    try:
        m.binder.branches(scope, node.body.body, else_body, choice=node)
    finally:
        m.propagator.withdraw_since(start)


def exec_for(m: Machine, node: cst.For, scope: Scope) -> None:
    outer, names = scope.looping, tuple(_target_names(node.target))
    scope.looping = (*outer, *names)
    scope.loop_bound = scope.loop_bound.union(names)
    try:
        _exec_for(m, node, scope)
    finally:
        scope.looping = outer


def _target_names(target: cst.BaseExpression) -> Iterator[str]:
    if isinstance(target, cst.Name):
        yield target.value
    elif isinstance(target, (cst.Tuple, cst.List)):
        for element in target.elements:
            yield from _target_names(element.value)


def _exec_for(m: Machine, node: cst.For, scope: Scope) -> None:
    iterable = m.iterated(m.ev(node.iter, scope))
    dataset_items.draw(m, iterable)
    items = operators.iterate(iterable)
    repeated = items is not None and len(items) > MAX_UNROLLED_REPEATS and m.fact(_has_inner_loop, node.body)
    if items is None or len(items) > MAX_ITERATIONS or repeated:
        _exec_uncertain_loop(m, node, scope, _element(iterable))
        _exec_last_batch(m, node, scope, iterable)
        return
    if m.fact(_has_loop_exit, node.body):
        _exec_loop_with_exits(m, node, items, scope)
        return
    start, repetition = m.steps, _repetition(m, node, items, scope)
    for index, item in enumerate(items):
        if spent_long_loop(m, len(items), start):
            _exec_uncertain_loop(m, node, scope)
            return
        assign(m, node.target, item, scope)
        m.exec_block(node.body.body, scope)
        if repetition is not None and index < len(items) - 1 and repetition.repeating():
            _exec_uncertain_loop(m, node, scope)
            return
    if node.orelse is not None:
        m.exec_block(node.orelse.body.body, scope)


def _exec_last_batch(m: Machine, node: cst.For, scope: Scope, iterable: object) -> None:
    """Run a loop of the file over every batch of a loader once more on its last batch, where that one is smaller:
    code that wrote the batch size in (``x.view(64, -1)``, a hidden state made for 64) fails there, at the end of
    the first epoch.  Where it does, a full batch runs too, so that a fix must hold for both.  A loop that may leave
    early (``break``, ``continue`` past a short batch, ``return``, ``raise``, ``yield``, ``sys.exit()``) is not
    followed to its end; a loop of another file is that file's to check."""
    batches = data_pipeline.concrete_batches(iterable)
    if batches is None or not m.local(node) or m.fact(_may_leave_early, node.body):
        return
    start = len(m.propagator.mismatches)
    _exec_uncertain_loop(m, node, scope, batches[1])
    if len(m.propagator.mismatches) > start:
        _exec_uncertain_loop(m, node, scope, batches[0])


def _repetition(m: Machine, node: cst.For, items: list[object], scope: Scope) -> Repetition | None:
    """A watch for a counted loop of training code (``for epoch in range(20):`` in a script or a function, not in a
    model's method, where ``for i in range(3): x = self.blocks[i](x)`` takes a different block each step)."""
    in_method = bool(m.frames) and m.frames[-1][0].owner is not None
    counted = all(isinstance(item, int) for item in items)
    if in_method or not counted or len(items) < 3 or not isinstance(node.target, cst.Name):
        return None
    return Repetition(m, scope, frozenset({node.target.value}))


def _element(iterable: object) -> object:
    """What every step of a loop of unknown length binds: a tensor's rows, a data loader's batches, the tensors of a
    known list when they all have one shape, or unknown."""
    if isinstance(iterable, Tensor):
        row = operators.tensor_row(iterable)
        return UNKNOWN if row is None else row
    items = operators.iterate(iterable) if isinstance(iterable, (ListValue, tuple)) else None
    first = items[0] if items else None
    same = all(isinstance(item, Tensor) and item.shape == getattr(first, "shape", None) for item in items or ())
    return first if isinstance(first, Tensor) and same else data_pipeline.element(iterable)


def _exec_loop_with_exits(m: Machine, node: cst.For, items: list[object], scope: Scope) -> None:
    """``break`` and ``continue`` as Python runs them where their conditions are known.

    Once a path leaves an iteration on a condition that cannot be decided, the paths are joined and the rest
    of the loop, ``else`` included, may or may not run.
    """
    for item in items:
        assign(m, node.target, item, scope)
        with m.binder.known_iteration() as iteration:
            try:
                m.exec_block(node.body.body, scope)
            except LoopExit as exit:
                if not iteration.exits:
                    if exit.is_break:
                        return
                    continue
        if iteration.exits:
            scope.vars = merge(scope.vars, [scope.vars, *iteration.exits])
            _exec_uncertain_loop(m, node, scope)
            return
    if node.orelse is not None:
        m.exec_block(node.orelse.body.body, scope)


def _exec_uncertain_loop(m: Machine, node: cst.For | cst.While, scope: Scope, element: object = UNKNOWN) -> None:
    """``element``: what every step binds, where it is known whatever the step (a data loader's batch)."""
    if isinstance(node, cst.For):
        assign(m, node.target, element, scope)
    with m.binder.outside_known_loops():
        m.binder.branches(scope, node.body.body, ())
        if node.orelse is not None:
            # ``else`` runs unless a ``break`` left the loop
            breaks = m.fact(_has_loop_exit, node.body)
            m.binder.branches(scope, node.orelse.body.body, *([()] if breaks else []))


def exec_while(m: Machine, node: cst.While, scope: Scope) -> None:
    """Run the loop while its condition is known; from the first unknown check on, it is uncertain.  Code that may
    not run runs it the same way (``while repeat: layers.append(...)`` in a factory one branch calls)."""
    if m.fact(_has_loop_exit, node.body):
        _exec_uncertain_loop(m, node, scope)
        return
    for _ in range(MAX_UNROLLED_REPEATS):
        condition = operators.truth(m.ev(node.test, scope))
        if condition is None:
            break
        if not condition:
            if node.orelse is not None:
                m.exec_block(node.orelse.body.body, scope)
            return
        m.exec_block(node.body.body, scope)
    _exec_uncertain_loop(m, node, scope)


def exec_try(m: Machine, node: cst.Try, scope: Scope) -> None:
    """Follow the path without an exception: the body, then ``else`` and ``finally``.  A body that raises on every
    path runs one of the handlers instead, which one is not known, or none: then the exception goes on.

    A step the body's layers reject raises in torch; when a handler may catch it (``except RuntimeError:``, a
    bare ``except``), it is no finding: the code expects it (``try: return self.fc(x)`` / ``except RuntimeError:
    return self.fc(x.flatten(1))``), and a handler, or the rest of the body, runs after it.
    """
    start, before = len(m.propagator.mismatches), dict(scope.vars)
    try:
        m.exec_block(node.body.body, scope)
    except Raise:
        _handle(m, node, scope)
        _finally(m, node, scope)
        return
    except Return as returned:
        if not _caught(m, node, start):
            raise
        m.binder.returned_on_a_path(returned.value)
        scope.vars = merge(before, [before, scope.vars])
        _handle(m, node, scope, orelse=False)
    else:
        if _caught(m, node, start):
            scope.vars = merge(before, [before, scope.vars])
            _handle(m, node, scope, orelse=True)
        elif node.orelse is not None:
            orelse = node.orelse.body.body
            _then_finally(m, node, scope, lambda: m.exec_block(orelse, scope))
    _finally(m, node, scope)


_UNRELATED = frozenset(
    {
        "KeyError", "AttributeError", "ImportError", "ModuleNotFoundError", "FileNotFoundError", "OSError", "IOError",
        "StopIteration", "KeyboardInterrupt", "ZeroDivisionError", "NameError", "NotImplementedError",
        "UnicodeDecodeError", "JSONDecodeError",
    }
)  # fmt: skip
"""Exceptions a shape error in torch never is: a handler catching only these lets it go on."""


def _caught(m: Machine, node: cst.Try, start: int) -> bool:
    """Whether the body's layers rejected a step since ``start`` and a handler may catch what torch raises; those
    rejections are then dropped."""
    return any(map(_may_catch_torch_errors, node.handlers)) and m.propagator.withdraw_since(start)


def _may_catch_torch_errors(handler: cst.ExceptHandler) -> bool:
    if handler.type is None:
        return True
    kinds = (
        [element.value for element in handler.type.elements] if isinstance(handler.type, cst.Tuple) else [handler.type]
    )
    names = [classes.dotted(kind).rpartition(".")[2] for kind in kinds]
    return any(name not in _UNRELATED for name in names)


def _handle(m: Machine, node: cst.Try, scope: Scope, orelse: bool | None = None) -> None:
    """One of the handlers runs, which one is not known.  ``orelse``: the exception may not have been raised at all
    (a rejected step on one of the body's paths): the ``else`` block is one more alternative (``False``: none)."""
    for handler in node.handlers:
        if handler.name is not None:
            assign(m, handler.name.name, UNKNOWN, scope)
    bodies = [handler.body.body for handler in node.handlers]
    if orelse is not None:
        bodies.append(node.orelse.body.body if orelse and node.orelse is not None else ())
    _then_finally(m, node, scope, lambda: m.binder.branches(scope, *bodies))


def _then_finally(m: Machine, node: cst.Try, scope: Scope, run: Callable[[], None]) -> None:
    """``run`` code of ``node`` that no handler guards (a handler, the ``else`` block): a raise there runs
    ``finally`` and goes on."""
    try:
        run()
    except Raise:
        _finally(m, node, scope)
        raise


def _finally(m: Machine, node: cst.Try, scope: Scope) -> None:
    if node.finalbody is not None:
        m.exec_block(node.finalbody.body.body, scope)


def exec_with(m: Machine, node: cst.With, scope: Scope) -> None:
    for item in node.items:
        value = m.ev(item.item, scope)
        if item.asname is not None:
            assign(m, item.asname.name, UNKNOWN if value is not None else value, scope)
    if not any(map(_expects_an_error, node.items)):
        m.exec_block(node.body.body, scope)
        return
    start, before = len(m.propagator.mismatches), dict(scope.vars)
    with contextlib.suppress(Raise):
        m.exec_block(node.body.body, scope)
    if m.propagator.withdraw_since(start):
        scope.vars = merge(before, [before, scope.vars])


_EXPECTING = frozenset({"raises", "assertRaises", "assertRaisesRegex", "assertRaisesRegexp", "suppress"})


def _expects_an_error(item: cst.WithItem) -> bool:
    """``with pytest.raises(RuntimeError):``, ``with self.assertRaises(...)``, ``with suppress(...)``: a step the
    body's layers reject is what the code expects (a test feeding a wrong shape on purpose), not a finding."""
    call = item.item
    return isinstance(call, cst.Call) and classes.dotted(call.func).rpartition(".")[2] in _EXPECTING


def exec_function_def(m: Machine, node: cst.FunctionDef, scope: Scope) -> None:
    # a method closes over the scope around its class, not over the class body (Python skips class scopes)
    owner = scope.body_of
    closure = scope.parent if owner is not None and scope.parent is not None else scope
    function = Function(node, closure, eval_defaults(m, node, scope), owner)
    if not m.importing:
        m.functions.append(function)
    value: object = function
    for decorator in reversed(node.decorators):
        value = _decorated(m, decorator, value, scope)
    scope.vars[node.name.value] = value


def _decorated(m: Machine, decorator: cst.Decorator, value: object, scope: Scope) -> object:
    """What ``@decorator`` makes of ``value``: itself for ``staticmethod``/``classmethod``/``property`` and those that
    only wrap a context or a cache around it (``@torch.no_grad()``, ``@functools.wraps(fn)``); the result of a
    decorator the code defines (``@register_model``, a wrapper calling the function); unknown for any other."""
    written = decorator.decorator
    if value is UNKNOWN or classes.dotted(written) in classes.KEPT_DECORATORS:
        return value
    head = m.ev(written.func if isinstance(written, cst.Call) else written, scope)
    qualname = _qualname(m, head)
    if qualname in names.IDENTITY_DECORATORS:
        return value
    if qualname in names.LEGACY_KEYWORDS:
        return Partial(value, (), {}, names.LEGACY_KEYWORDS[qualname])
    applied = m.ev(written, scope) if isinstance(written, cst.Call) else head
    return call_function(m, applied, [value], {}) if isinstance(applied, Function) else UNKNOWN


def _qualname(m: Machine, value: object) -> str | None:
    """The dotted name of a module's member: a torch name, or a function defined at a module's top level."""
    if isinstance(value, ModuleRef):
        return value.qualname
    if isinstance(value, Function) and id(value.scope) in m.module_names:
        return f"{m.module_names[id(value.scope)]}.{value.node.name.value}"
    return None


def exec_class_def(m: Machine, node: cst.ClassDef, scope: Scope) -> None:
    bases = tuple(m.ev(arg.value, scope) for arg in node.bases)
    body_scope = Scope(scope)
    cls = ClassValue(node, body_scope.vars, bases)
    body_scope.body_of = cls
    m.exec_block(node.body.body, body_scope)
    scope.vars[node.name.value] = cls
    for decorator in reversed(node.decorators):  # run for what they do (a registry's entry), the class kept
        decorated = _decorated(m, decorator, cls, scope)
        if isinstance(decorated, ClassValue):
            scope.vars[node.name.value] = cls = decorated


_SMALL_STATEMENTS = (
    cst.Assign, cst.AnnAssign, cst.AugAssign, cst.Expr, cst.Return, cst.Raise, cst.Assert, cst.Pass, cst.Break,
    cst.Continue, cst.Del, cst.Global, cst.Nonlocal, cst.Import, cst.ImportFrom,
)  # fmt: skip
"""What the body of a one-line ``if c: x = y``, ``for ...: ...``, ``while``, ``with`` or ``class`` holds."""
HANDLERS: dict[type, Handler] = {
    cst.SimpleStatementLine: exec_simple_line,
    cst.If: exec_if,
    cst.For: exec_for,
    cst.While: exec_while,
    cst.Try: exec_try,
    cst.With: exec_with,
    cst.FunctionDef: exec_function_def,
    cst.ClassDef: exec_class_def,
    cst.Match: patterns.exec_match,
    **dict.fromkeys(_SMALL_STATEMENTS, exec_small),
}


def _has_inner_loop(body: cst.BaseSuite) -> bool:
    return contains(body, (cst.For, cst.While), stop=(cst.FunctionDef, cst.ClassDef))


def _may_leave_early(body: cst.BaseSuite) -> bool:
    """Whether a loop's body may end the loop before its last step, or leave it unfinished: ``break``,
    ``continue``, ``return``, ``raise``, ``yield``, or a call of ``exit``/``quit``/``sys.exit``/``os._exit``."""
    leaving = (cst.Break, cst.Continue, cst.Return, cst.Raise, cst.Yield)
    return contains(body, leaving, stop=(cst.FunctionDef, cst.ClassDef, cst.Lambda), matches=_exits)


def _exits(node: cst.CSTNode) -> bool:
    if not isinstance(node, cst.Call):
        return False
    func = node.func
    name = func.value if isinstance(func, cst.Name) else func.attr.value if isinstance(func, cst.Attribute) else ""
    return name in ("exit", "quit", "_exit")


def _has_loop_exit(body: cst.BaseSuite) -> bool:
    return contains(body, (cst.Break, cst.Continue), stop=(cst.For, cst.While, cst.FunctionDef, cst.ClassDef))


def _assigned_targets(small: cst.BaseSmallStatement) -> list[cst.BaseExpression]:
    if isinstance(small, cst.Assign):
        return [target.target for target in small.targets]
    if isinstance(small, (cst.AnnAssign, cst.AugAssign)):
        return [small.target]
    return []


def _forget_outer(node: cst.Global | cst.Nonlocal, scope: Scope) -> None:
    """A ``global``/``nonlocal`` name may be rebound behind the outer scope's back."""
    target = scope.parent
    while isinstance(node, cst.Global) and target is not None and target.parent is not None:
        target = target.parent
    for item in node.names:
        if target is not None:
            target.vars[item.name.value] = UNKNOWN
