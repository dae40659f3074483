"""Expressions other than calls: names, literals, containers, operators, subscripts, attributes, comprehensions."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import replace

import libcst as cst

from shapelint.catalog import tensor_rules
from shapelint.dims import UNKNOWN, Shape
from shapelint.evaluator import array_ops, arrays, classes, data_pipeline, dataset_items, enums, operators
from shapelint.evaluator.assignment import assign
from shapelint.evaluator.attributes import attribute
from shapelint.evaluator.binder import join_models, join_tensors
from shapelint.evaluator.control import Raise
from shapelint.evaluator.functions import eval_defaults
from shapelint.evaluator.machine import MAX_ITERATIONS, MAX_UNROLLED_REPEATS, Handler, Machine, spent_long_loop
from shapelint.evaluator.steady import Repetition
from shapelint.evaluator.values import (
    Array,
    ClassValue,
    DictValue,
    Function,
    ListValue,
    ModuleRef,
    ModuleValue,
    SampleIndex,
    Scope,
    SequentialValue,
    Tensor,
)
from shapelint.source import name_counts

_CONSTANT_NAMES = {"True": True, "False": False, "None": None}


def ev_name(m: Machine, node: cst.Name, scope: Scope) -> object:
    name = node.value
    if name in _CONSTANT_NAMES:
        return _CONSTANT_NAMES[name]
    value = _watched_lookup(m, name, scope) if m.watching else scope.lookup(name)
    if m.tensors.resized and type(value) is Tensor and id(value) in m.tensors.resized:
        return Tensor(Shape.anything())  # resized in place through another name
    if m.standalone is not None and m.rebound and isinstance(value, (Tensor, Array)) and _rebound_since(m, name, scope):
        return Tensor(Shape.anything()) if isinstance(value, Tensor) else UNKNOWN
    return value


def _rebound_since(m: Machine, name: str, scope: Scope) -> bool:
    """Whether ``name`` is a module global given another array or tensor after the function nobody calls, which is
    running, was defined: a call could have come before it (``X = X / 255.0`` above the ``def`` is the value)."""
    found: Scope | None = scope
    while found is not None and name not in found.vars:
        found = found.parent
    if found is None or found.parent is not None or m.standalone is None:
        return False
    return m.rebound.get((id(found), name), 0) > m.standalone


_DEFINITIONS = (Function, ClassValue, ModuleRef, ModuleValue, operators.Builtin)


def _watched_lookup(m: Machine, name: str, scope: Scope) -> object:
    """A name read while a model runs whose result may stand in for later runs: a module's global that holds data
    (a config dict, a flag a script sets between two runs) makes the run depend on more than its key."""
    found: Scope | None = scope
    while found is not None and name not in found.vars:
        found = found.parent
    if found is None:
        return scope.builtins.get(name, UNKNOWN)
    value = found.vars[name]
    if found.parent is None and not isinstance(value, _DEFINITIONS):
        m.read_globals = True
    return value


def ev_integer(m: Machine, node: cst.Integer, scope: Scope) -> object:
    return operators.literal(node.value, int)


def ev_float(m: Machine, node: cst.Float, scope: Scope) -> object:
    return operators.literal(node.value, float)


def ev_string(m: Machine, node: cst.SimpleString, scope: Scope) -> object:
    return string_value(node)


def string_value(node: cst.SimpleString) -> object:
    """A string's value: its raw text when there is no escape, bytes prefix or carriage return to translate.

    ``evaluated_value`` runs ``ast.literal_eval``: a compile for every string a model names.
    """
    prefix, text = node.prefix.lower(), node.value
    if "b" not in prefix and "\r" not in text and ("r" in prefix or "\\" not in text):
        return node.raw_value
    return node.evaluated_value


def ev_formatted(m: Machine, node: cst.FormattedString, scope: Scope) -> object:
    """An f-string of plain text and plain ``{name}`` fields, such as ``f"conv{i}"``."""
    pieces: list[str] = []
    for part in node.parts:
        if isinstance(part, cst.FormattedStringText):
            if "\\" in part.value:
                return UNKNOWN
            pieces.append(part.value.replace("{{", "{").replace("}}", "}"))
            continue
        if not isinstance(part, cst.FormattedStringExpression) or part.conversion or part.format_spec or part.equal:
            return UNKNOWN
        value = m.ev(part.expression, scope)
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            return UNKNOWN
        pieces.append(str(value))
    return "".join(pieces)


def ev_concatenated(m: Machine, node: cst.ConcatenatedString, scope: Scope) -> object:
    left, right = m.ev(node.left, scope), m.ev(node.right, scope)
    return left + right if isinstance(left, str) and isinstance(right, str) else UNKNOWN


def ev_tuple(m: Machine, node: cst.Tuple, scope: Scope) -> object:
    items = _ev_elements(m, node.elements, scope)
    return UNKNOWN if items is None or operators.too_large(items) else tuple(items)


def ev_list(m: Machine, node: cst.List, scope: Scope) -> object:
    items = _ev_elements(m, node.elements, scope)
    return ListValue(None if items is None or operators.too_large(items) else items)


def _ev_elements(m: Machine, elements: Sequence[cst.BaseElement], scope: Scope) -> list[object] | None:
    items: list[object] = []
    for element in elements:
        value = m.ev(element.value, scope)
        if isinstance(element, cst.StarredElement):
            spread = operators.iterate(value)
            if spread is None:
                return None
            items.extend(spread)
        else:
            items.append(value)
    return items


def ev_dict(m: Machine, node: cst.Dict, scope: Scope) -> object:
    items: dict[object, object] = {}
    for element in node.elements:
        if isinstance(element, cst.StarredDictElement):  # ``{**BASE, **overrides}``
            spread = m.ev(element.value, scope)
            if not isinstance(spread, DictValue) or spread.items is None:
                return DictValue(None)
            items.update(spread.items)
            continue
        assert isinstance(element, cst.DictElement)
        key = m.ev(element.key, scope)
        if key is UNKNOWN or not operators.hashable(key):
            return DictValue(None)
        items[key] = m.ev(element.value, scope)
    return DictValue(items)


def ev_binary(m: Machine, node: cst.BinaryOperation, scope: Scope) -> object:
    left, right = m.ev(node.left, scope), m.ev(node.right, scope)
    if isinstance(left, Tensor) or isinstance(right, Tensor):
        return m.tensors.binary(node.operator, left, right, node)
    if isinstance(left, Array) or isinstance(right, Array):
        return array_ops.binary(node.operator, left, right)
    return operators.binary(operators.BINARY.get(type(node.operator)), left, right)


def _settled_by_right(m: Machine, node: cst.BooleanOperation, scope: Scope) -> object:
    """``stride == 1 and inp == oup`` with the stride unknown and ``inp != oup``: false whichever way the left
    goes; ``... or True`` likewise true.  The right side runs as a path that may not be taken."""
    with m.binder.uncertainty():
        try:
            right = m.ev(node.right, scope)
        except Raise:
            return UNKNOWN
    settles = isinstance(node.operator, cst.Or)  # what the right side must be to settle it
    return right if right is settles else UNKNOWN


def ev_unary(m: Machine, node: cst.UnaryOperation, scope: Scope) -> object:
    return operators.unary(node.operator, m.ev(node.expression, scope))


def ev_boolean(m: Machine, node: cst.BooleanOperation, scope: Scope) -> object:
    left = m.ev(node.left, scope)
    truth = operators.truth(left)
    if truth is None:
        return _settled_by_right(m, node, scope)
    if isinstance(node.operator, cst.And):
        return m.ev(node.right, scope) if truth else left
    return left if truth else m.ev(node.right, scope)


_ELEMENTWISE_COMPARISONS = (
    cst.Equal, cst.NotEqual, cst.LessThan, cst.LessThanEqual, cst.GreaterThan, cst.GreaterThanEqual
)  # fmt: skip


def ev_comparison(m: Machine, node: cst.Comparison, scope: Scope) -> object:
    left = m.ev(node.left, scope)
    for target in node.comparisons:
        right = m.ev(target.comparator, scope)
        if isinstance(target.operator, _ELEMENTWISE_COMPARISONS) and Tensor in (type(left), type(right)):
            # ``x > 0.5``: a bool tensor, each element compared; a chain of them is unknown
            return m.tensors.compared(left, right, node) if len(node.comparisons) == 1 else UNKNOWN
        outcome = operators.compare(target.operator, left, right)
        if outcome is UNKNOWN:
            return UNKNOWN
        if not outcome:
            return False
        left = right
    return True


def ev_named_expr(m: Machine, node: cst.NamedExpr, scope: Scope) -> object:
    """``(n := x.dim())``: the value, bound to the name as well."""
    value = m.ev(node.value, scope)
    assign(m, node.target, value, scope)
    return value


def ev_if_exp(m: Machine, node: cst.IfExp, scope: Scope) -> object:
    truth = operators.truth(m.ev(node.test, scope))
    if truth is None:
        return _either(m, node, scope)
    return m.ev(node.body if truth else node.orelse, scope)


def _either(m: Machine, node: cst.IfExp, scope: Scope) -> object:
    """An undecided ``a if test else b``: each side runs as code that may run (so the layers it calls are checked),
    and the value is what both agree on: the same thing (``torch.cuda.FloatTensor if cuda else torch.FloatTensor``
    names one constructor), a tensor with the dimensions both give, or unknown."""
    values: list[object] = []
    with m.binder.uncertainty():
        for side in (node.body, node.orelse):
            with contextlib.suppress(Raise):
                values.append(m.ev(side, scope))
    if len(values) < 2:
        return values[0] if values else UNKNOWN
    first, second = values
    if operators.identical(first, second) or (isinstance(first, ModuleRef) and first == second):
        return first
    if isinstance(first, Tensor) and isinstance(second, Tensor):
        return join_tensors([first, second], node)
    if _plain_dict(first) and _plain_dict(second):
        return _either_dict(first, second)  # type: ignore[arg-type]
    return join_models([first, second], node)


def _plain_dict(value: object) -> bool:
    return isinstance(value, DictValue) and value.items is not None and not value.modules


def _either_dict(first: DictValue, second: DictValue) -> DictValue:
    """``{"num_workers": 1, "pin_memory": True} if use_cuda else {}``, spread into a call: a key both give alike
    keeps its value, any other is passed as unknown (an unknown value stands for the default too, so what a callee
    makes of it is what it makes of either)."""
    one, other = first.items or {}, second.items or {}
    keys = [*one, *(key for key in other if key not in one)]
    same = {key for key in keys if key in one and key in other and operators.identical(one[key], other[key])}
    return DictValue({key: one[key] if key in same else UNKNOWN for key in keys})


def _index_item(m: Machine, item: cst.BaseSlice, scope: Scope) -> object:
    """One element of a tensor index: an int, a slice, ``None``, ``...``, or unknown.  A slice is one whatever its
    bounds (``X[i:i + batch]`` with ``i`` unknown keeps the dimension, its size unknown)."""
    if isinstance(item, cst.Slice):
        bounds = [m.ev(part, scope) if part is not None else None for part in (item.lower, item.upper, item.step)]
        return _window(*bounds)
    assert isinstance(item, cst.Index)
    if isinstance(item.value, cst.Ellipsis):
        return Ellipsis
    value = m.ev(item.value, scope)
    index = value is None or isinstance(value, SampleIndex) or (isinstance(value, int) and not isinstance(value, bool))
    return value if index else _index_list(value)


def _index_list(value: object) -> object:
    """A one-dimensional index: a list of ints picks that many entries; an integer tensor picks an unknown number
    (bools are of the integer kind, and a mask picks as many as it holds true)."""
    if isinstance(value, ListValue) and value.items is not None and value.items:
        plain = all(isinstance(item, int) and not isinstance(item, bool) for item in value.items)
        return tensor_rules.IndexList(len(value.items)) if plain else UNKNOWN
    if isinstance(value, Tensor) and value.shape.rank == 1 and value.shape.dtype == "int":
        return tensor_rules.IndexList(UNKNOWN)
    return UNKNOWN


def _window(start: object, stop: object, step: object) -> object:
    """A slice; ``index:index + 20`` of a dataset's index is 20 rows wherever the index is valid, as ``0:20`` is
    (``index - 1:index + 2`` is not: at index 0 it is ``-1:2``, empty)."""
    if not (isinstance(start, SampleIndex) and isinstance(stop, SampleIndex)):
        return slice(start, stop, step)
    if start.derived or stop.derived:
        return UNKNOWN
    length = stop.offset - start.offset
    return slice(0, length) if step is None and length > 0 and start.offset >= 0 else UNKNOWN


def ev_subscript(m: Machine, node: cst.Subscript, scope: Scope) -> object:
    value = classes.children_of(m.ev(node.value, scope), "__getitem__")
    if isinstance(value, Tensor):
        return m.tensors.index(value, [_index_item(m, e.slice, scope) for e in node.slice], node)
    if isinstance(value, Array) and (len(node.slice) > 1 or isinstance(node.slice[0].slice, cst.Slice)):
        return arrays.sliced(value, [_index_item(m, e.slice, scope) for e in node.slice])
    if len(node.slice) != 1:
        return UNKNOWN
    index = node.slice[0].slice
    if isinstance(index, cst.Index):
        key = m.ev(index.value, scope)
        if key is UNKNOWN and isinstance(value, DictValue) and value.items:
            return join_models(list(value.items.values()), node)
        if isinstance(value, SequentialValue) and isinstance(key, int):
            m.record.taken_apart.add(id(value))
        if dataset_items.is_dataset(value):
            return dataset_items.item(m, value, key)
        named = enums.by_name(m, value, key) if isinstance(value, ClassValue) else None
        if named is not None:
            return named
        return arrays.index(value, key) if isinstance(value, Array) else operators.subscript(value, key)
    if not isinstance(index, cst.Slice):
        return UNKNOWN
    bounds = [m.ev(part, scope) if part is not None else None for part in (index.lower, index.upper, index.step)]
    return operators.slice_of(value, bounds)


def ev_attribute(m: Machine, node: cst.Attribute, scope: Scope) -> object:
    return attribute(m, m.ev(node.value, scope), node.attr.value, node)


def ev_lambda(m: Machine, node: cst.Lambda, scope: Scope) -> object:
    """A lambda as the one-line function it stands for, so calling it works like calling a ``def``."""
    definition = m.lambdas.get(id(node))
    if definition is None:
        body = cst.SimpleStatementSuite(body=[cst.Return(value=node.body)])
        definition = m.lambdas[id(node)] = cst.FunctionDef(cst.Name("lambda"), node.params, body)
    return Function(definition, scope, eval_defaults(m, definition, scope))


def ev_comprehension(m: Machine, node: cst.ListComp | cst.GeneratorExp | cst.SetComp, scope: Scope) -> object:
    inner = Scope(scope)
    results: list[object] = []
    single = m.fact(_single_clause, node)
    rest = _Rest(m, inner, node) if single else None
    iterable = m.iterated(m.ev(node.for_in.iter, inner))
    if single and isinstance(iterable, data_pipeline.SampleList) and not isinstance(node, cst.SetComp):
        assign(m, node.for_in.target, iterable.sample, inner)  # a collate function's samples, each alike
        return replace(iterable, sample=m.ev(node.elt, inner))

    def repeat(index: int, count: int) -> bool:
        """``[(torch.rand(20), torch.rand(1)) for _ in range(2048)]``: an element that does not read the loop's
        names and is plain data (tensors, numbers, strings) is the same every time, so it is evaluated once."""
        if index == 1 and m.fact(_uniform, node) and _plain_data(results[-1]):
            results.extend([results[-1]] * count)
            return True
        return rest is not None and rest.stand_for(index, results, count)

    def emit() -> None:
        results.append(m.ev(node.elt, inner))

    if not _run_comprehension(m, node.for_in, inner, emit, repeat if rest is not None else None, iterable):
        return ListValue(None)
    return ListValue(results, floats=tuple(results) if rest is not None and rest.floats else None)


class _Rest:
    """``[position / np.power(10000, 2 * (i // 2) / d_model) for i in range(512)]``, a positional encoding's row
    worked out element by element: when the first two elements of a long comprehension are both unknown, or both
    floats of a list, and the second did nothing (nothing changed in place, no other name bound, no layer built,
    applied or rejected), the others are left unworked: unknown, or floats of unknown value, which numpy and torch
    count (a float is never a size).  Working them out was most of a tutorial Transformer's lint."""

    def __init__(self, m: Machine, scope: Scope, node: cst.ListComp | cst.GeneratorExp | cst.SetComp) -> None:
        self.m, self.scope, self.node = m, scope, node
        self.watch: Repetition | None = None
        self.effects: tuple[object, ...] = ()
        self.floats = False

    def stand_for(self, index: int, results: list[object], count: int) -> bool:
        """After the first element, watch; after the second, stand for the ``count`` others if it did nothing."""
        kind = self._kind(results[-1])
        if kind is None:
            return False
        if index == 1:
            self.watch = Repetition(self.m, self.scope, frozenset(name_counts(self.node.for_in.target)))
            self.watch.repeating()
            self.effects = (kind, *self._effects())
            return False
        if self.watch is None or not self.watch.repeating() or (kind, *self._effects()) != self.effects:
            return False
        results.extend([UNKNOWN] * count)
        self.floats = kind == "float"
        return True

    def _kind(self, element: object) -> str | None:
        if element is UNKNOWN:
            return "unknown"
        return "float" if type(element) is float and type(self.node) is cst.ListComp else None

    def _effects(self) -> tuple[int, ...]:
        record, propagator = self.m.record, self.m.propagator
        built = (len(record.written), len(record.sequentials), len(record.constructed), len(record.examples))
        return (propagator.applied, len(propagator.mismatches), len(propagator.requirements), *built)


def _single_clause(node: cst.ListComp | cst.GeneratorExp | cst.SetComp) -> bool:
    """One ``for`` without conditions: each item gives one element."""
    clause = node.for_in
    return not clause.ifs and clause.inner_for_in is None


def _uniform(node: cst.ListComp | cst.GeneratorExp | cst.SetComp) -> bool:
    """One ``for`` without conditions, whose element does not read the names it binds."""
    return _single_clause(node) and _ignores_target(node)


def _ignores_target(node: cst.ListComp | cst.GeneratorExp | cst.SetComp) -> bool:
    return not name_counts(node.for_in.target).keys() & name_counts(node.elt).keys()


def _plain_data(value: object) -> bool:
    if isinstance(value, tuple):
        return all(map(_plain_data, value))
    return isinstance(value, Tensor) or operators.is_plain(value)


Repeat = Callable[[int, int], bool]
"""At an item's index, stands for the given number of further elements; ``False`` where it cannot (yet)."""


class _UnknownKey(Exception):
    """A dict comprehension produced a key the evaluator cannot hash: the whole dict is unknown."""


def ev_dict_comprehension(m: Machine, node: cst.DictComp, scope: Scope) -> object:
    inner = Scope(scope)
    results: dict[object, object] = {}

    def add() -> None:
        key = m.ev(node.key, inner)
        if key is UNKNOWN or not operators.hashable(key):
            raise _UnknownKey
        results[key] = m.ev(node.value, inner)

    try:
        known = _run_comprehension(m, node.for_in, inner, add)
    except _UnknownKey:
        known = False
    return DictValue(results if known else None)


def _run_comprehension(
    m: Machine,
    clause: cst.CompFor,
    scope: Scope,
    emit: Callable[[], None],
    repeat: Repeat | None = None,
    iterable: object = None,
) -> bool:
    """Run nested ``for``/``if`` clauses; ``False`` when an iterable or condition is unknown, or when a long loop
    spends its unrolling budget.  ``repeat``, after the first elements of a long loop, may stand for the others;
    ``iterable``, the outermost clause's, where it was evaluated already."""
    if iterable is None:
        iterable = m.iterated(m.ev(clause.iter, scope))
    items = operators.iterate(iterable)
    if items is None or len(items) > MAX_ITERATIONS:
        return False
    start = m.steps
    for index, item in enumerate(items):
        if spent_long_loop(m, len(items), start):
            return False
        if 0 < index <= 2 and repeat and len(items) > MAX_UNROLLED_REPEATS and repeat(index, len(items) - index):
            return True
        assign(m, clause.target, item, scope)
        conditions = [operators.truth(m.ev(test.test, scope)) for test in clause.ifs]
        if None in conditions:
            return False
        if not all(conditions):
            continue
        if clause.inner_for_in is not None:
            if not _run_comprehension(m, clause.inner_for_in, scope, emit):
                return False
        else:
            emit()
    return True


HANDLERS: dict[type, Handler] = {
    cst.Name: ev_name,
    cst.Integer: ev_integer,
    cst.Float: ev_float,
    cst.SimpleString: ev_string,
    cst.ConcatenatedString: ev_concatenated,
    cst.FormattedString: ev_formatted,
    cst.Tuple: ev_tuple,
    cst.List: ev_list,
    cst.Dict: ev_dict,
    cst.BinaryOperation: ev_binary,
    cst.UnaryOperation: ev_unary,
    cst.BooleanOperation: ev_boolean,
    cst.Comparison: ev_comparison,
    cst.IfExp: ev_if_exp,
    cst.NamedExpr: ev_named_expr,
    cst.Subscript: ev_subscript,
    cst.Attribute: ev_attribute,
    cst.ListComp: ev_comprehension,
    cst.GeneratorExp: ev_comprehension,
    cst.SetComp: ev_comprehension,
    cst.DictComp: ev_dict_comprehension,
    cst.Lambda: ev_lambda,
}
"""Every expression but the call, which :mod:`~shapelint.evaluator.calls` evaluates."""
