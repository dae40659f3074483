"""A small abstract interpreter over the CST: constants, imports, loops, calls, containers.

It never runs user code.  Whatever it cannot compute becomes
:data:`~shapelint.dims.UNKNOWN`, and code whose execution is uncertain (a
branch on an unknown condition, a loop over an unknown iterable) may still be
walked, but every list it mutates and every name it assigns is then marked
unknown, so no later check can rely on a guess.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from functools import partial

import libcst as cst

from shapelint.evaluator import classes
from shapelint.evaluator import operators
from shapelint.evaluator import tensors
from shapelint.evaluator import names as torch_names
from shapelint.source import walk
from shapelint.catalog import LayerKind
from shapelint.catalog.inferred import bind_inferred, inferred_argument
from shapelint.dims import UNKNOWN, Shape, Symbol
from shapelint.evaluator.flow import Propagator
from shapelint.evaluator.values import (
    ClassValue,
    DictValue,
    FieldDefault,
    Function,
    Instance,
    Layer,
    ListValue,
    ModuleRef,
    SequentialValue,
    Partial,
    Source,
    SuperValue,
    Tensor,
)

MAX_STEPS = 400_000
BATCH = Symbol("B")
MAX_CALL_DEPTH = 10
MAX_ITERATIONS = 4096


class OutOfBudget(Exception):
    """The file needs more evaluation steps than a linter may spend on it."""


class _Return(Exception):
    def __init__(self, value: object) -> None:
        self.value = value


class _Raise(Exception):
    """A ``raise`` statement: the path that reached it goes no further."""


class _LoopExit(Exception):
    """``break`` or ``continue`` reached while executing a loop body."""

    def __init__(self, is_break: bool) -> None:
        self.is_break = is_break


class Scope:
    """Names bound in one function, class or module body.

    ``sources`` remembers, for a parameter, the expression that supplied its
    value at the call site (or as a default), so a finding about it can point
    where the number was written.
    """

    def __init__(self, parent: Scope | None = None) -> None:
        self.vars: dict[str, object] = {}
        self.sources: dict[str, Source] = {}
        self.parent = parent

    def lookup(self, name: str) -> object:
        scope: Scope | None = self
        while scope is not None:
            if name in scope.vars:
                return scope.vars[name]
            scope = scope.parent
        return operators.BUILTINS.get(name, UNKNOWN)

    def source(self, node: cst.BaseExpression) -> Source:
        """Where the value of ``node`` was written: through parameters back to their call sites."""
        if type(node) is not cst.Name:
            return Source(node, False)
        scope: Scope | None = self
        while scope is not None:
            if node.value in scope.vars:
                return scope.sources.get(node.value, Source(node, False))
            scope = scope.parent
        return Source(node, False)


@dataclass(frozen=True, slots=True)
class CallSite:
    """The argument expressions of a call, and the scope they were evaluated in."""

    positional: tuple[cst.BaseExpression | None, ...]
    keywords: dict[str, cst.BaseExpression]
    scope: Scope

    @classmethod
    def of(cls, args: Sequence[cst.Arg], scope: Scope) -> CallSite | None:
        if any(arg.star for arg in args):
            return None
        positional = tuple(arg.value for arg in args if arg.keyword is None)
        keywords = {arg.keyword.value: arg.value for arg in args if arg.keyword is not None}
        return cls(positional, keywords, scope)

    def after_self(self) -> CallSite:
        return CallSite((None, *self.positional), self.keywords, self.scope)

    def source(self, index: int, name: str) -> Source | None:
        node = self.positional[index] if index < len(self.positional) else self.keywords.get(name)
        return None if node is None else self.scope.source(node)


MODULE_QUERIES = frozenset(
    """parameters named_parameters buffers named_buffers children named_children modules named_modules state_dict
    zero_grad register_forward_hook register_forward_pre_hook register_full_backward_hook apply""".split()
)
MODULE_SELF_METHODS = frozenset({"to", "cuda", "cpu", "eval", "train", "float", "double", "half", "requires_grad_"})
SIZE_ATTRIBUTES = frozenset(
    """in_features out_features in1_features in2_features in_channels out_channels num_features num_channels
    num_groups num_embeddings embedding_dim groups upscale_factor downscale_factor""".split()
)
"""Layer attributes torch keeps exactly as the constructor argument of the same name.

A size read from one (``Linear(backbone.fc.in_features, n)``) is reported at
that layer's argument, which fixes both places at once."""

LAYER_ATTRIBUTES = SIZE_ATTRIBUTES | frozenset(
    "input_size hidden_size num_layers proj_size bidirectional batch_first nonlinearity".split()
)
"""Kept verbatim too; but a bidirectional or projected recurrent layer's output is not its ``hidden_size``, so a size
read from one is reported where it is read."""
MODULE_BUILTIN_METHODS = frozenset({"children", "add_module", "register_module", "register_buffer", "register_parameter"})
"""``nn.Module`` methods the evaluator follows on user modules."""


@dataclass(frozen=True, slots=True)
class _Returns:
    """A method known to return a fixed value, such as ``model.to(device)`` returning ``model``."""

    value: object


class BoundMethod:
    """``obj.method`` waiting to be called, for list and dict methods."""

    __slots__ = ("obj", "name")

    def __init__(self, obj: object, name: str) -> None:
        self.obj = obj
        self.name = name


class Interpreter:
    """Evaluates one module; records every Sequential it builds for the checks."""

    def __init__(self, class_input: Callable[[ClassValue], Tensor | None] = lambda cls: None, may_yield: bool = True) -> None:
        self.sequentials: list[tuple[SequentialValue, cst.CSTNode]] = []
        self.children: set[int] = set()
        self.functions: list[Function] = []
        self.statement: cst.CSTNode | None = None
        self.places: dict[int, cst.CSTNode | None] = {}
        """The statement that was running when each call and argument was evaluated, by node id."""
        self.uncertain = 0
        self.returned_uncertainly = False
        self.frames: list[tuple[Function, Scope]] = []
        self.written_values: dict[int, set[str]] = {}
        self.examples: list[tuple[object, Shape, cst.CSTNode]] = []
        self.facts: dict[tuple[Callable[[Any], bool], int], bool] = {}
        self.lambdas: dict[int, cst.FunctionDef] = {}
        self.depth = 0
        self.steps = 0
        self.class_input = class_input
        self.may_yield = may_yield
        """False when the source never says ``yield``: then no function is a generator, and none is searched for one."""
        self.propagator = Propagator()
        self.propagator.call_other = self.call_module
        self.tensors = tensors.TensorCalls(self.propagator)

    # -- statements ---------------------------------------------------------

    def run_module(self, module: cst.Module, between: Callable[[], None] = lambda: None) -> Scope:
        """Run the module body, then ``between``, then every function nobody called.

        The module runs as a script, so ``if __name__ == "__main__":`` blocks,
        where example calls give models their inputs, run for certain.
        """
        scope = Scope()
        scope.vars["__name__"] = "__main__"
        for step in (lambda: self.exec_block(module.body, scope), between, self.run_uncalled_functions):
            try:
                step()
            except (OutOfBudget, _Return, _LoopExit, _Raise):
                pass
        return scope

    def exec_block(self, body: Sequence[cst.CSTNode], scope: Scope) -> None:
        for statement in body:
            self.exec_statement(statement, scope)

    def exec_statement(self, statement: cst.CSTNode, scope: Scope) -> None:
        self.statement = statement
        if type(statement) is cst.SimpleStatementLine:
            for small in statement.body:
                self.exec_small(small, scope)
            return
        handler = self._compound.get(type(statement))
        if handler is not None:
            handler(self, statement, scope)

    def exec_small(self, small: cst.BaseSmallStatement, scope: Scope) -> None:
        try:
            self._exec_small(small, scope)
        except RecursionError:
            for target in _assigned_targets(small):
                self.assign(target, UNKNOWN, scope)

    def _exec_small(self, small: cst.BaseSmallStatement, scope: Scope) -> None:
        kind = type(small)  # libcst's concrete node classes have no subclasses; ``is`` skips ABC isinstance checks
        if kind is cst.Assign:
            value = self.ev(small.value, scope)
            for target in small.targets:
                self.assign(target.target, value, scope)
        elif kind is cst.AnnAssign and small.value is not None:
            self.assign(small.target, self.ev(small.value, scope), scope)
        elif kind is cst.AugAssign:
            self.exec_aug_assign(small, scope)
        elif kind is cst.Expr:
            self.ev(small.value, scope)
        elif kind is cst.Return:
            raise _Return(self.ev(small.value, scope) if small.value is not None else None)
        elif kind is cst.Import or kind is cst.ImportFrom:
            self.exec_import(small, scope)
        elif kind is cst.Break or kind is cst.Continue:
            raise _LoopExit(kind is cst.Break)
        elif kind is cst.Raise:
            raise _Raise
        elif kind is cst.Global or kind is cst.Nonlocal:
            _forget_outer(small, scope)

    def exec_aug_assign(self, node: cst.AugAssign, scope: Scope) -> None:
        target = self.ev(node.target, scope)
        value = self.ev(node.value, scope)
        if isinstance(target, Tensor) or isinstance(value, Tensor):
            self.assign(node.target, self.tensors.binary(node.operator, target, value, node), scope)
            return
        if isinstance(target, ListValue) and isinstance(node.operator, cst.AddAssign):
            self.mutate_list(target, lambda items: items.extend(operators.iterate(value) or [UNKNOWN]), value)
            return
        operator = operators.AUGMENTED.get(type(node.operator))
        result = operators.binary(operator, target, value) if operator else UNKNOWN
        self.assign(node.target, result, scope)

    def exec_import(self, node: cst.Import | cst.ImportFrom, scope: Scope) -> None:
        if isinstance(node, cst.Import):
            for alias in node.names:
                dotted = classes.dotted(alias.name)
                if alias.asname is not None:
                    self.assign(alias.asname.name, ModuleRef(dotted), scope)
                else:
                    top = dotted.split(".")[0]
                    scope.vars[top] = ModuleRef(top)
            return
        module = ("." * len(node.relative)) + (classes.dotted(node.module) if node.module else "")
        if isinstance(node.names, cst.ImportStar):
            for name, qualname in torch_names.star_names(module).items():
                scope.vars[name] = ModuleRef(qualname)
            return
        for alias in node.names:
            name = classes.dotted(alias.name)
            bound = alias.asname.name if alias.asname is not None else alias.name
            self.assign(bound, _module_member(f"{module}.{name}"), scope)

    def exec_if(self, node: cst.If, scope: Scope) -> None:
        test = operators.truth(self.ev(node.test, scope))
        orelse = node.orelse
        else_body: Sequence[cst.CSTNode] = ()
        if isinstance(orelse, cst.If):
            else_body = (orelse,)
        elif isinstance(orelse, cst.Else):
            else_body = orelse.body.body
        if test is True:
            self.exec_block(node.body.body, scope)
        elif test is False:
            self.exec_block(else_body, scope)
        else:
            self.exec_uncertain_branches(scope, node.body.body, else_body)

    def exec_uncertain_branches(self, scope: Scope, *branches: Sequence[cst.CSTNode]) -> None:
        """Walk each branch as if it might run, then forget what they disagree on."""
        before = dict(scope.vars)
        outcomes: list[dict[str, object]] = []
        with self.uncertainty():
            for body in branches:
                scope.vars = dict(before)
                try:
                    self.exec_block(body, scope)
                except _Return:
                    self.returned_uncertainly = True
                    continue
                except _Raise:
                    continue
                except _LoopExit:
                    pass
                outcomes.append(scope.vars)
        scope.vars = _merge(before, outcomes)

    def exec_for(self, node: cst.For, scope: Scope) -> None:
        items = operators.iterate(self.ev(node.iter, scope))
        if items is None or len(items) > MAX_ITERATIONS or self.uncertain or self.fact(_has_loop_exit, node.body):
            self.exec_uncertain_loop(node, scope)
            return
        for item in items:
            self.assign(node.target, item, scope)
            self.exec_block(node.body.body, scope)
        if node.orelse is not None:
            self.exec_block(node.orelse.body.body, scope)

    def exec_uncertain_loop(self, node: cst.For | cst.While, scope: Scope) -> None:
        if isinstance(node, cst.For):
            self.assign(node.target, UNKNOWN, scope)
        self.exec_uncertain_branches(scope, node.body.body, ())
        if node.orelse is not None:
            self.exec_uncertain_branches(scope, node.orelse.body.body)

    def exec_while(self, node: cst.While, scope: Scope) -> None:
        """Run the loop while its condition is known; from the first unknown check on, it is uncertain."""
        if self.uncertain or self.fact(_has_loop_exit, node.body):
            self.exec_uncertain_loop(node, scope)
            return
        for _ in range(MAX_ITERATIONS):
            condition = operators.truth(self.ev(node.test, scope))
            if condition is None:
                break
            if not condition:
                if node.orelse is not None:
                    self.exec_block(node.orelse.body.body, scope)
                return
            self.exec_block(node.body.body, scope)
        self.exec_uncertain_loop(node, scope)

    def exec_try(self, node: cst.Try, scope: Scope) -> None:
        """Follow the path without an exception: the body, then ``else`` and ``finally``."""
        try:
            self.exec_block(node.body.body, scope)
            if node.orelse is not None:
                self.exec_block(node.orelse.body.body, scope)
        except _Raise:
            pass
        if node.finalbody is not None:
            self.exec_block(node.finalbody.body.body, scope)

    def exec_with(self, node: cst.With, scope: Scope) -> None:
        for item in node.items:
            value = self.ev(item.item, scope)
            if item.asname is not None:
                self.assign(item.asname.name, UNKNOWN if value is not None else value, scope)
        self.exec_block(node.body.body, scope)

    def exec_function_def(self, node: cst.FunctionDef, scope: Scope) -> None:
        function = Function(node, scope, self.eval_defaults(node, scope))
        self.functions.append(function)
        plain = all(_decorator_name(d) in ("staticmethod", "classmethod") for d in node.decorators)
        scope.vars[node.name.value] = function if plain else UNKNOWN

    def exec_class_def(self, node: cst.ClassDef, scope: Scope) -> None:
        bases = tuple(self.ev(arg.value, scope) for arg in node.bases)
        body_scope = Scope(scope)
        cls = ClassValue(node, body_scope.vars, bases)
        mark = len(self.functions)
        self.exec_block(node.body.body, body_scope)
        for function in self.functions[mark:]:
            if function.scope is body_scope and function.owner is None:
                function.owner = cls
                function.scope = scope
        scope.vars[node.name.value] = cls

    _compound: dict[type, Callable[..., None]] = {
        cst.If: exec_if,
        cst.For: exec_for,
        cst.While: exec_while,
        cst.Try: exec_try,
        cst.With: exec_with,
        cst.FunctionDef: exec_function_def,
        cst.ClassDef: exec_class_def,
    }

    def fact(self, question: Callable[[Any], bool], node: cst.CSTNode) -> bool:
        """A syntactic fact about ``node``, computed once per file."""
        key = (question, id(node))
        if key not in self.facts:
            self.facts[key] = question(node)
        return self.facts[key]

    @contextmanager
    def uncertainty(self) -> Iterator[None]:
        self.uncertain += 1
        try:
            yield
        finally:
            self.uncertain -= 1

    # -- assignment ---------------------------------------------------------

    def assign(self, target: cst.BaseExpression | str, value: object, scope: Scope) -> None:
        kind = type(target)
        if kind is str:
            scope.vars[target] = value
        elif kind is cst.Name:
            scope.vars[target.value] = value
            scope.sources.pop(target.value, None)
        elif kind is cst.Tuple or kind is cst.List:
            self.assign_unpacked(target, value, scope)
        elif kind is cst.Attribute:
            self.assign_attribute(target, value, scope)
        elif kind is cst.Subscript:
            self.assign_item(target, value, scope)

    def assign_unpacked(self, target: cst.Tuple | cst.List, value: object, scope: Scope) -> None:
        items = operators.iterate(value)
        elements = target.elements
        if items is None or len(items) != len(elements) or any(isinstance(e, cst.StarredElement) for e in elements):
            items = [UNKNOWN] * len(elements)
        for element, item in zip(elements, items):
            inner = element.value
            self.assign(inner, item, scope)

    def assign_attribute(self, target: cst.Attribute, value: object, scope: Scope) -> None:
        owner = self.ev(target.value, scope)
        if isinstance(owner, Instance):
            self.store_attribute(owner, target.attr.value, value)

    def store_attribute(self, owner: Instance, name: str, value: object) -> None:
        """``owner.name = value`` as torch's ``Module.__setattr__`` does it.

        On a Sequential subclass a module, or what may be one, also joins the
        children its ``forward`` runs, in registration order.
        """
        value = UNKNOWN if self.uncertain else value
        owner.attributes[name] = value
        sequential = owner.sequential
        if sequential is None or operators.is_plain(value) or isinstance(value, (Tensor, Function, ModuleRef)):
            return
        names = [key for key, _ in sequential.children]
        if name in names:
            sequential.children[names.index(name)] = (name, value)
        else:
            sequential.children.append((name, value))
        self.children.add(id(value))

    def set_attribute(self, args: list[object]) -> None:
        """``setattr(obj, name, value)``; an unknown name may overwrite any attribute."""
        owner, name, value = args
        if not isinstance(owner, Instance):
            return
        if isinstance(name, str):
            self.store_attribute(owner, name, value)
        else:
            owner.attributes.clear()
            owner.known = False
            if owner.sequential is not None:
                owner.sequential.children.append(("?", UNKNOWN))

    def assign_item(self, target: cst.Subscript, value: object, scope: Scope) -> None:
        container = self.ev(target.value, scope)
        if len(target.slice) != 1 or not isinstance(target.slice[0].slice, cst.Index):
            return
        key = self.ev(target.slice[0].slice.value, scope)
        if isinstance(container, DictValue) and container.items is not None:
            if self.uncertain or key is UNKNOWN:
                container.items = None
            else:
                container.items[key] = value
        elif isinstance(container, ListValue):
            self.mutate_list(container, lambda items: items.__setitem__(key, value), key)
        elif isinstance(container, SequentialValue):
            _replace_child(container, key, UNKNOWN if self.uncertain else value)

    def mutate_list(self, target: ListValue, change: Callable[[list[object]], object], *inputs: object) -> None:
        """Apply ``change`` to a known list, or mark it unknown if the change is uncertain."""
        if target.items is None:
            return
        if self.uncertain or any(item is UNKNOWN for item in inputs):
            target.items = None
            return
        try:
            change(target.items)
        except (IndexError, TypeError, ValueError):
            target.items = None

    # -- expressions --------------------------------------------------------

    def ev(self, node: cst.BaseExpression, scope: Scope) -> object:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise OutOfBudget
        handler = self._expressions.get(type(node))
        if handler is None:
            return UNKNOWN
        return handler(self, node, scope)

    def ev_name(self, node: cst.Name, scope: Scope) -> object:
        return {"True": True, "False": False, "None": None}.get(node.value, UNKNOWN) if node.value in (
            "True",
            "False",
            "None",
        ) else scope.lookup(node.value)

    def ev_integer(self, node: cst.Integer, scope: Scope) -> object:
        return operators.literal(node.value, int)

    def ev_float(self, node: cst.Float, scope: Scope) -> object:
        return operators.literal(node.value, float)

    def ev_string(self, node: cst.SimpleString, scope: Scope) -> object:
        """A string's value: its raw text when there is no escape, bytes prefix or carriage return to translate.

        ``evaluated_value`` runs ``ast.literal_eval``: a compile for every string a model names.
        """
        prefix, text = node.prefix.lower(), node.value
        if "b" not in prefix and "\r" not in text and ("r" in prefix or "\\" not in text):
            return node.raw_value
        return node.evaluated_value

    def ev_formatted(self, node: cst.FormattedString, scope: Scope) -> object:
        """An f-string of plain text and plain ``{name}`` fields, such as ``f"conv{i}"``."""
        pieces: list[str] = []
        for part in node.parts:
            if isinstance(part, cst.FormattedStringText):
                if "\\" in part.value:
                    return UNKNOWN
                pieces.append(part.value.replace("{{", "{").replace("}}", "}"))
                continue
            if part.conversion or part.format_spec or part.equal:
                return UNKNOWN
            value = self.ev(part.expression, scope)
            if not isinstance(value, (str, int)) or isinstance(value, bool):
                return UNKNOWN
            pieces.append(str(value))
        return "".join(pieces)

    def ev_concatenated(self, node: cst.ConcatenatedString, scope: Scope) -> object:
        left, right = self.ev(node.left, scope), self.ev(node.right, scope)
        return left + right if isinstance(left, str) and isinstance(right, str) else UNKNOWN

    def ev_tuple(self, node: cst.Tuple, scope: Scope) -> object:
        items = self.ev_elements(node.elements, scope)
        return UNKNOWN if items is None or operators.too_large(items) else tuple(items)

    def ev_list(self, node: cst.List, scope: Scope) -> object:
        items = self.ev_elements(node.elements, scope)
        return ListValue(None if items is None or operators.too_large(items) else items)

    def ev_elements(self, elements: Sequence[cst.BaseElement], scope: Scope) -> list[object] | None:
        items: list[object] = []
        for element in elements:
            value = self.ev(element.value, scope)
            if isinstance(element, cst.StarredElement):
                spread = operators.iterate(value)
                if spread is None:
                    return None
                items.extend(spread)
            else:
                items.append(value)
        return items

    def ev_dict(self, node: cst.Dict, scope: Scope) -> object:
        items: dict[object, object] = {}
        for element in node.elements:
            if not isinstance(element, cst.DictElement):
                return DictValue(None)
            key = self.ev(element.key, scope)
            if key is UNKNOWN or not operators.hashable(key):
                return DictValue(None)
            items[key] = self.ev(element.value, scope)
        return DictValue(items)

    def ev_binary(self, node: cst.BinaryOperation, scope: Scope) -> object:
        left, right = self.ev(node.left, scope), self.ev(node.right, scope)
        if isinstance(left, Tensor) or isinstance(right, Tensor):
            return self.tensors.binary(node.operator, left, right, node)
        return operators.binary(operators.BINARY.get(type(node.operator)), left, right)

    def ev_unary(self, node: cst.UnaryOperation, scope: Scope) -> object:
        return operators.unary(node.operator, self.ev(node.expression, scope))

    def ev_boolean(self, node: cst.BooleanOperation, scope: Scope) -> object:
        left = self.ev(node.left, scope)
        truth = operators.truth(left)
        if truth is None:
            return UNKNOWN
        if isinstance(node.operator, cst.And):
            return self.ev(node.right, scope) if truth else left
        return left if truth else self.ev(node.right, scope)

    def ev_comparison(self, node: cst.Comparison, scope: Scope) -> object:
        left = self.ev(node.left, scope)
        result: object = True
        for target in node.comparisons:
            right = self.ev(target.comparator, scope)
            outcome = operators.compare(target.operator, left, right)
            if outcome is UNKNOWN:
                return UNKNOWN
            if not outcome:
                return False
            left = right
        return result

    def ev_if_exp(self, node: cst.IfExp, scope: Scope) -> object:
        truth = operators.truth(self.ev(node.test, scope))
        if truth is None:
            return UNKNOWN
        return self.ev(node.body if truth else node.orelse, scope)

    def index_item(self, item: cst.BaseSlice, scope: Scope) -> object:
        """One element of a tensor index: an int, a slice, ``None``, ``...``, or unknown."""
        if isinstance(item, cst.Slice):
            bounds = [self.ev(part, scope) if part is not None else None for part in (item.lower, item.upper, item.step)]
            return UNKNOWN if UNKNOWN in bounds else slice(*bounds)
        assert isinstance(item, cst.Index)
        if isinstance(item.value, cst.Ellipsis):
            return Ellipsis
        value = self.ev(item.value, scope)
        return value if value is None or (isinstance(value, int) and not isinstance(value, bool)) else UNKNOWN

    def ev_subscript(self, node: cst.Subscript, scope: Scope) -> object:
        value = self.ev(node.value, scope)
        if isinstance(value, Tensor):
            return self.tensors.index(value, [self.index_item(e.slice, scope) for e in node.slice], node)
        if len(node.slice) != 1:
            return UNKNOWN
        index = node.slice[0].slice
        if isinstance(index, cst.Index):
            return operators.subscript(value, self.ev(index.value, scope))
        bounds = [self.ev(part, scope) if part is not None else None for part in (index.lower, index.upper, index.step)]
        return operators.slice_of(value, bounds)

    def ev_attribute(self, node: cst.Attribute, scope: Scope) -> object:
        return self.attribute(self.ev(node.value, scope), node.attr.value, node)

    def attribute(self, owner: object, name: str, node: cst.CSTNode) -> object:
        """``owner.name``, written out or through ``getattr``."""
        if isinstance(owner, ModuleRef):
            return _module_member(f"{owner.qualname}.{name}")
        if isinstance(owner, Instance):
            if name in owner.attributes:
                return owner.attributes[name]
            found = classes.class_attribute(owner.cls, name)
            if not owner.known and not isinstance(found, Function) or isinstance(found, FieldDefault):
                return UNKNOWN
            if found is UNKNOWN and name in MODULE_SELF_METHODS:
                return _Returns(owner)
            if isinstance(found, Function) or found is UNKNOWN and name in MODULE_BUILTIN_METHODS:
                return BoundMethod(owner, name)
            if found is UNKNOWN and (owner.sequential is not None or classes.is_dict_view(owner.cls, name)):
                return BoundMethod(owner, name)
            return found
        if isinstance(owner, (Layer, SequentialValue)) and name in MODULE_SELF_METHODS:
            return _Returns(owner)
        if isinstance(owner, Layer) and name in LAYER_ATTRIBUTES:
            return owner.args.get(name, UNKNOWN)
        if isinstance(owner, SequentialValue):
            return BoundMethod(owner, name)
        if isinstance(owner, ClassValue):
            found = classes.class_attribute(owner, name)
            return found.default if isinstance(found, FieldDefault) and found.factory is None else found
        if isinstance(owner, (ListValue, DictValue, SuperValue)):
            return BoundMethod(owner, name)
        if isinstance(owner, tensors.ValuesIndices) and name in ("values", "indices"):
            return getattr(owner, name)
        if isinstance(owner, Tensor):
            return self.tensors.attribute(owner, name, node) if name in tensors.ATTRIBUTES else BoundMethod(owner, name)
        return UNKNOWN

    def ev_lambda(self, node: cst.Lambda, scope: Scope) -> object:
        """A lambda as the one-line function it stands for, so calling it works like calling a ``def``."""
        definition = self.lambdas.get(id(node))
        if definition is None:
            body = cst.SimpleStatementSuite(body=[cst.Return(value=node.body)])
            definition = self.lambdas[id(node)] = cst.FunctionDef(cst.Name("lambda"), node.params, body)
        return Function(definition, scope, self.eval_defaults(definition, scope))

    def ev_comprehension(self, node: cst.ListComp | cst.GeneratorExp | cst.SetComp, scope: Scope) -> object:
        inner = Scope(scope)
        results: list[object] = []
        if not self.run_comprehension(node.for_in, inner, lambda: results.append(self.ev(node.elt, inner))):
            return ListValue(None)
        return ListValue(results)

    def ev_dict_comprehension(self, node: cst.DictComp, scope: Scope) -> object:
        inner = Scope(scope)
        results: dict[object, object] = {}

        def add() -> None:
            key = self.ev(node.key, inner)
            if key is UNKNOWN or not operators.hashable(key):
                raise _Return(None)
            results[key] = self.ev(node.value, inner)

        try:
            known = self.run_comprehension(node.for_in, inner, add)
        except _Return:
            known = False
        return DictValue(results if known else None)

    def run_comprehension(self, clause: cst.CompFor, scope: Scope, emit: Callable[[], None]) -> bool:
        """Run nested ``for``/``if`` clauses; ``False`` when an iterable or condition is unknown."""
        items = operators.iterate(self.ev(clause.iter, scope))
        if items is None or len(items) > MAX_ITERATIONS:
            return False
        for item in items:
            self.assign(clause.target, item, scope)
            conditions = [operators.truth(self.ev(test.test, scope)) for test in clause.ifs]
            if None in conditions:
                return False
            if not all(conditions):
                continue
            if clause.inner_for_in is not None:
                if not self.run_comprehension(clause.inner_for_in, scope, emit):
                    return False
            else:
                emit()
        return True

    def ev_call(self, node: cst.Call, scope: Scope) -> object:
        self.places[id(node)] = self.statement
        if type(node.func) is cst.Name and node.func.value == "super":
            return self.explicit_super(node.args, scope) if node.args else self.current_super()
        func = self.ev(node.func, scope)
        arguments = self.ev_arguments(node.args, scope)
        skip = 0
        if isinstance(func, Partial) and arguments is not None:
            skip = len(func.args)
            arguments = [*func.args, *arguments[0]], {**func.kwargs, **arguments[1]}
            func = func.func
        if isinstance(func, ModuleRef):
            return self.call_qualname(func.qualname, node, arguments, scope, skip)
        if arguments is None:
            return UNKNOWN
        args, kwargs = arguments
        if isinstance(func, Function):
            return self.call_function(func, args, kwargs, CallSite.of(node.args, scope))
        if isinstance(func, BoundMethod):
            return self.call_method(func, args, kwargs, node, CallSite.of(node.args, scope))
        if isinstance(func, ClassValue):
            return self.instantiate(func, args, kwargs, CallSite.of(node.args, scope))
        if func is operators.BUILTINS["hasattr"]:
            return classes.hasattr_of(*args) if len(args) == 2 and not kwargs else UNKNOWN
        if func is operators.BUILTINS["getattr"]:
            named = len(args) in (2, 3) and not kwargs and isinstance(args[1], str)
            return self.attribute(args[0], args[1], node) if named else UNKNOWN
        if func is operators.BUILTINS["setattr"]:
            return self.set_attribute(args) if len(args) == 3 and not kwargs else UNKNOWN
        if isinstance(func, operators.Builtin):
            return func.call(args, kwargs)
        if isinstance(func, _Returns):
            return func.value
        if args and isinstance(args[0], Tensor):
            self.note_example(func, args[0], node)
        if isinstance(func, Instance) and args and isinstance(args[0], Tensor):
            return self.call_module(func, args[0], args[1:], kwargs)
        if args and isinstance(args[0], Tensor) and _single_input_call(func, args, kwargs):
            return self.propagator.run(func, args[0])
        _forget_mutable(args, kwargs)
        return UNKNOWN

    def explicit_super(self, args: Sequence[cst.Arg], scope: Scope) -> object:
        """``super(Cls, self)``, the Python 2 spelling tutorials still use."""
        if len(args) != 2 or any(arg.keyword is not None or arg.star for arg in args):
            return UNKNOWN
        cls, instance = (self.ev(arg.value, scope) for arg in args)
        return SuperValue(cls, instance) if isinstance(cls, ClassValue) else UNKNOWN

    def current_super(self) -> object:
        """``super()`` in the method being run: its class and its ``self``."""
        if not self.frames:
            return UNKNOWN
        function, scope = self.frames[-1]
        params = [*function.node.params.posonly_params, *function.node.params.params]
        if function.owner is None or not params:
            return UNKNOWN
        return SuperValue(function.owner, scope.vars.get(params[0].name.value, UNKNOWN))

    def call_module(
        self, module: object, tensor: Tensor, rest: Sequence[object] = (), kwargs: dict[str, object] | None = None
    ) -> object:
        """Run a user module's ``forward`` on ``tensor`` and any further arguments; anything else is unknown."""
        if not isinstance(module, Instance):
            return UNKNOWN
        forward = classes.class_attribute(module.cls, "forward")
        if not isinstance(forward, Function):
            return self.propagator.run(module.sequential, tensor) if module.sequential else UNKNOWN
        return self.call_function(forward, [module, tensor, *rest], dict(kwargs or {}))

    def ev_arguments(
        self, nodes: Sequence[cst.Arg], scope: Scope
    ) -> tuple[list[object], dict[str, object]] | None:
        """Positional and keyword values; ``None`` when a ``*``/``**`` spread is unknown."""
        args: list[object] = []
        kwargs: dict[str, object] = {}
        for arg in nodes:
            self.places[id(arg.value)] = self.statement
            value = self.ev(arg.value, scope)
            if arg.star == "*":
                spread = operators.iterate(value)
                if spread is None:
                    return None
                args.extend(spread)
            elif arg.star == "**":
                if not isinstance(value, DictValue) or value.items is None:
                    return None
                kwargs.update({str(k): v for k, v in value.items.items()})
            elif arg.keyword is not None:
                kwargs[arg.keyword.value] = value
            else:
                args.append(value)
        return args, kwargs

    # -- calls ----------------------------------------------------------------

    def call_qualname(
        self,
        qualname: str,
        node: cst.Call,
        arguments: tuple[list[object], dict[str, object]] | None,
        scope: Scope,
        skip: int = 0,
    ) -> object:
        if qualname in torch_names.SEQUENTIAL:
            return self.build_sequential(qualname, node, arguments)
        if arguments is None:
            return UNKNOWN
        args, kwargs = arguments
        if qualname in torch_names.SEQUENTIAL_INIT and args and isinstance(args[0], Instance):
            return self.init_sequential(args[0], node, (args[1:], kwargs))
        if qualname in torch_names.ORDERED_DICT:
            return operators.make_dict(args, kwargs)
        if qualname in torch_names.PARAMETER:
            return args[0] if args and isinstance(args[0], Tensor) else UNKNOWN
        if qualname in torch_names.WRAPPERS:
            return args[0] if args else UNKNOWN
        if qualname in torch_names.CAST:
            return args[1] if len(args) == 2 and not kwargs else UNKNOWN
        if qualname in torch_names.FIELD:
            reorders = "init" in kwargs or "kw_only" in kwargs
            return FieldDefault(kwargs.get("default", UNKNOWN), kwargs.get("default_factory"), reorders)
        if qualname in torch_names.PARTIAL:
            return Partial(args[0], tuple(args[1:]), kwargs) if args else UNKNOWN
        kind = torch_names.layer_kind(qualname)
        if kind is not None:
            return self.build_layer(qualname, kind, node, args, kwargs, scope, skip)
        if qualname in torch_names.MODULE_LIST:
            return ListValue(operators.iterate(args[0]) if args else [])
        if qualname in torch_names.MODULE_DICT:
            return operators.make_dict(args, kwargs)
        if qualname in torch_names.SUMMARY:
            return self.run_summary(qualname, args, kwargs, node)
        function = operators.QUALIFIED.get(qualname)
        if function is not None:
            return function.call(args, kwargs)
        plain = _plain_arguments(args, kwargs)
        result = self.tensors.function(qualname, *plain, node)
        if result is UNKNOWN:
            _forget_mutable(args, kwargs)
        return result

    def note_example(self, module: object, tensor: Tensor, node: cst.CSTNode) -> None:
        """Remember a model called on a tensor of known shape, to compare with its declared input."""
        if isinstance(module, (Instance, SequentialValue)) and not tensor.shape.open:
            self.examples.append((module, tensor.shape, node))

    def run_summary(self, qualname: str, args: list[object], kwargs: dict[str, object], node: cst.Call) -> object:
        """``torchinfo.summary(model, input_size=...)``: run the model on that shape."""
        size = kwargs.get("input_size", args[1] if len(args) > 1 else None)
        if not args or not isinstance(size, tuple) or not all(isinstance(d, int) for d in size):
            return UNKNOWN
        if qualname.startswith("torchsummary"):
            size = (2, *size)
        tensor = Tensor(Shape(size), None)
        self.note_example(args[0], tensor, node)
        return self.propagator.run(args[0], tensor)

    def build_layer(
        self,
        qualname: str,
        kind: LayerKind,
        node: cst.Call,
        args: list[object],
        kwargs: dict[str, object],
        scope: Scope,
        skip: int = 0,
    ) -> object:
        runtime = torch_names.is_runtime(qualname)
        bind = partial(bind_inferred, kind) if runtime else kind.bind
        try:
            bound = bind(*_plain_arguments(args, kwargs))
        except TypeError:
            return UNKNOWN
        nodes = _argument_nodes(kind, node, skip, inferred_argument(kind) if runtime else None)
        written = {name: self.source(arg, scope) for name, arg in nodes.items()}
        for name, source in written.items():
            self.written_values.setdefault(id(source.node), set()).add(repr(bound[name]))
        return Layer(kind, bound, written, node)

    def source(self, node: cst.BaseExpression, scope: Scope) -> Source:
        """Where a written size came from: through parameters to call sites, through ``fc.in_features`` to ``fc``."""
        if type(node) is cst.Attribute and node.attr.value in SIZE_ATTRIBUTES and _is_dotted(node.value):
            owner = self.ev(node.value, scope)
            if isinstance(owner, Layer) and node.attr.value in owner.arg_nodes:
                return Source(owner.arg_nodes[node.attr.value].node, True)
        return scope.source(node)

    def build_sequential(
        self, qualname: str, node: cst.Call, arguments: tuple[list[object], dict[str, object]] | None
    ) -> object:
        if arguments is None:
            return UNKNOWN
        args, kwargs = arguments
        input_shape = kwargs.pop("input_shape", None) if torch_names.is_runtime(qualname) else None
        if kwargs or not (input_shape is None or isinstance(input_shape, tuple)):
            return UNKNOWN
        if len(args) == 1 and isinstance(args[0], DictValue):
            if args[0].items is None:
                return UNKNOWN
            children = [(str(key), value) for key, value in args[0].items.items()]
        else:
            children = [(str(index), value) for index, value in enumerate(args)]
        for _, child in children:
            self.children.add(id(child))
        declared = Shape((BATCH, *input_shape)) if input_shape is not None else None
        sequential = SequentialValue(children, node, declared)
        self.sequentials.append((sequential, self.statement or node))
        return sequential

    def call_method(
        self,
        method: BoundMethod,
        args: list[object],
        kwargs: dict[str, object],
        node: cst.Call,
        site: CallSite | None = None,
    ) -> object:
        obj, name = method.obj, method.name
        if name in ("add_module", "register_module") and len(args) == 2:
            return self.add_module(obj, args[0], args[1])
        if name in ("register_buffer", "register_parameter") and len(args) == 2:
            return self.set_attribute([obj, *args])
        if name == "children" and not args and not kwargs:
            return classes.module_children(obj)
        if isinstance(obj, Instance) and obj.sequential is not None and not isinstance(classes.class_attribute(obj.cls, name), Function):
            obj = obj.sequential
        if isinstance(obj, SequentialValue):
            if name == "append" and len(args) == 1:
                self.add_module(obj, str(len(obj.children)), args[0])
                return obj
            if name not in MODULE_QUERIES:
                obj.children[:] = [(child, UNKNOWN) for child, _ in obj.children]
            return UNKNOWN
        if isinstance(obj, ListValue):
            if name == "append" and len(args) == 1:
                self.mutate_list(obj, lambda items: items.append(args[0]))
                return None
            if name == "extend" and len(args) == 1:
                spread = operators.iterate(args[0])
                self.mutate_list(obj, lambda items: items.extend(spread or []), UNKNOWN if spread is None else 0)
                return None
            if name == "insert" and len(args) == 2:
                self.mutate_list(obj, lambda items: items.insert(args[0], args[1]), args[0])
                return None
            if name not in operators.READ_ONLY_METHODS:
                obj.items = None
            return UNKNOWN
        if isinstance(obj, DictValue) and obj.items is not None:
            if name not in operators.READ_ONLY_METHODS or self.uncertain:
                obj.items = None if name not in operators.READ_ONLY_METHODS else obj.items
            return operators.dict_method(obj, name, args) if obj.items is not None else UNKNOWN
        if isinstance(obj, Tensor):
            plain = _plain_arguments(args, kwargs)
            return self.tensors.method(obj, name, *plain, node)
        if isinstance(obj, SuperValue):
            if name == "__init__" and isinstance(obj.instance, Instance) and classes.has_sequential_base(obj.cls):
                return self.init_sequential(obj.instance, node, (args, kwargs))
            function = classes.base_attribute(obj.cls, name)
            if isinstance(function, Function):
                return self.call_function(function, [obj.instance, *args], kwargs, site and site.after_self())
            return UNKNOWN
        if isinstance(obj, Instance) and classes.is_dict_view(obj.cls, name) and not args and not kwargs:
            return classes.dict_view(obj, name)
        if isinstance(obj, Instance):
            function = classes.class_attribute(obj.cls, name)
            if isinstance(function, Function):
                if _is_static(function.node):
                    return self.call_function(function, args, kwargs, site)
                return self.call_function(function, [obj, *args], kwargs, site and site.after_self())
        return UNKNOWN

    def init_sequential(self, instance: Instance, node: cst.Call, arguments: tuple[list[object], dict[str, object]]) -> None:
        """``Sequential.__init__`` run on a subclass instance: the layers its inherited ``forward`` runs."""
        built = self.build_sequential("torch.nn.Sequential", node, arguments)
        instance.sequential = built if isinstance(built, SequentialValue) else None

    def add_module(self, owner: object, name: object, module: object) -> None:
        """``owner.add_module(name, module)``: a new Sequential child or a new attribute."""
        value = UNKNOWN if self.uncertain else module
        if isinstance(owner, SequentialValue):
            owner.children.append((name if isinstance(name, str) else "?", value))
            self.children.add(id(module))
        elif isinstance(owner, Instance):
            self.set_attribute([owner, name, module])

    def call_function(
        self, function: Function, args: list[object], kwargs: dict[str, object], site: CallSite | None = None
    ) -> object:
        function.calls += 1
        if self.depth >= MAX_CALL_DEPTH or self.may_yield and self.fact(_is_generator, function.node):
            return UNKNOWN
        scope = Scope(function.scope)
        if not self.bind_parameters(function, args, dict(kwargs), scope):
            return UNKNOWN
        _record_sources(function, scope, site)
        self.depth += 1
        self.frames.append((function, scope))
        saved = self.statement, self.returned_uncertainly
        self.returned_uncertainly = False
        result: object = None
        try:
            self.exec_block(_body(function.node), scope)
        except _Return as returned:
            result = returned.value
        except (_LoopExit, _Raise):
            result = UNKNOWN
        finally:
            uncertain = self.returned_uncertainly
            self.frames.pop()
            self.depth -= 1
            self.statement, self.returned_uncertainly = saved
        return UNKNOWN if uncertain else result

    def bind_parameters(self, function: Function, args: list[object], kwargs: dict[str, object], scope: Scope) -> bool:
        """Bind call arguments as Python would; ``False`` when the call cannot match."""
        params = function.node.params
        positional = [*params.posonly_params, *params.params]
        defaults = function.defaults
        for index, param in enumerate(positional):
            if index < len(args):
                scope.vars[param.name.value] = args[index]
            elif not _bind_named(param.name.value, kwargs, defaults, scope):
                return False
        extra = args[len(positional) :]
        if extra and not isinstance(params.star_arg, cst.Param):
            return False
        if isinstance(params.star_arg, cst.Param):
            scope.vars[params.star_arg.name.value] = tuple(extra)
        if not all(_bind_named(p.name.value, kwargs, defaults, scope) for p in params.kwonly_params):
            return False
        if params.star_kwarg is not None:
            scope.vars[params.star_kwarg.name.value] = DictValue(dict(kwargs))
        elif kwargs:
            return False
        return True

    def eval_defaults(self, node: cst.FunctionDef, scope: Scope) -> dict[str, object]:
        params = node.params
        every = [*params.posonly_params, *params.params, *params.kwonly_params]
        return {p.name.value: self.ev(p.default, scope) for p in every if p.default is not None}

    def instantiate(
        self, cls: ClassValue, args: list[object], kwargs: dict[str, object], site: CallSite | None = None
    ) -> object:
        instance = Instance(cls)
        init = classes.class_attribute(cls, "__init__")
        if isinstance(init, Function):
            self.call_function(init, [instance, *args], kwargs, site and site.after_self())
        elif classes.is_record(cls):
            self.fill_record(instance, args, kwargs)
        elif (args or kwargs) and not classes.is_torch_module(cls):
            instance.known = False
        return instance

    def fill_record(self, instance: Instance, args: list[object], kwargs: dict[str, object]) -> None:
        """A dataclass or NamedTuple init: arguments by field order, then defaults, then ``__post_init__``."""
        names = classes.record_fields(instance.cls)
        defaults = {name: classes.class_attribute(instance.cls, name) for name in names}
        reordered = any(isinstance(value, FieldDefault) and value.reorders for value in defaults.values())
        if len(args) > len(names) or any(name not in names for name in kwargs) or args and reordered:
            instance.known = False
            return
        for index, name in enumerate(names):
            if index < len(args):
                instance.attributes[name] = args[index]
            else:
                instance.attributes[name] = kwargs[name] if name in kwargs else self.field_default(defaults[name])
        post_init = classes.class_attribute(instance.cls, "__post_init__")
        if isinstance(post_init, Function):
            self.call_function(post_init, [instance], {})

    def field_default(self, value: object) -> object:
        """A field's default value, calling its ``default_factory`` when it has one."""
        if not isinstance(value, FieldDefault):
            return value
        factory = value.factory
        if isinstance(factory, Function):
            return self.call_function(factory, [], {})
        if isinstance(factory, ClassValue):
            return self.instantiate(factory, [], {})
        if isinstance(factory, operators.Builtin):
            return factory.call([], {})
        return value.default if factory is None else UNKNOWN

    def run_uncalled_functions(self) -> None:
        """Analyse every function nobody called, with its defaults and unknown arguments.

        Module-level functions go first: they usually build and call the models, so
        the methods they reach need no second, standalone run.
        """
        done: set[int] = set()
        instances: dict[int, Instance] = {}
        while True:
            pending = [f for f in self.functions if f.calls == 0 and id(f) not in done]
            if not pending:
                return
            pending.sort(key=lambda f: (f.owner is not None, f.node.name.value != "__init__"))
            for function in pending:
                done.add(id(function))
                if function.calls == 0:
                    self.call_standalone(function, instances)

    def call_standalone(self, function: Function, instances: dict[int, Instance]) -> None:
        """Call ``function`` with its defaults, and ``self`` from a default construction."""
        owner = function.owner
        args: list[object] = []
        if owner is not None and not _is_static(function.node):
            if _is_classmethod(function.node):
                args.append(owner)
            else:
                if id(owner) not in instances:
                    instances[id(owner)] = self.instantiate(owner, *self.default_arguments(owner, skip=1))
                    if function.calls:
                        return
                args.append(instances[id(owner)])
        positional, kwargs = self.default_arguments(function, skip=len(args))
        if owner is not None and function.node.name.value == "forward" and positional:
            positional[0] = self.class_input(owner) or Tensor(Shape.anything())
        self.call_function(function, args + positional, kwargs)

    def default_arguments(self, target: Function | ClassValue, skip: int) -> tuple[list[object], dict[str, object]]:
        """Arguments for a call that passes nothing: defaults, and unknown for the rest."""
        function = target if isinstance(target, Function) else classes.class_attribute(target, "__init__")
        if not isinstance(function, Function):
            return [], {}
        params = function.node.params
        positional = [*params.posonly_params, *params.params][skip:]
        args = [function.defaults.get(p.name.value, UNKNOWN) for p in positional]
        kwargs = {p.name.value: function.defaults.get(p.name.value, UNKNOWN) for p in params.kwonly_params}
        return args, kwargs

    _expressions: dict[type, Callable[..., object]] = {
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
        cst.Subscript: ev_subscript,
        cst.Attribute: ev_attribute,
        cst.ListComp: ev_comprehension,
        cst.GeneratorExp: ev_comprehension,
        cst.SetComp: ev_comprehension,
        cst.DictComp: ev_dict_comprehension,
        cst.Call: ev_call,
        cst.Lambda: ev_lambda,
    }


def _module_member(qualname: str) -> object:
    """What an imported name stands for: a known constant's value, else a reference."""
    return operators.CONSTANTS.get(qualname, ModuleRef(qualname))


def _is_dotted(node: cst.BaseExpression) -> bool:
    """A name or attribute chain, which evaluates without side effects."""
    return isinstance(node, cst.Name) or isinstance(node, cst.Attribute) and _is_dotted(node.value)


def _decorator_name(decorator: cst.Decorator) -> str:
    return classes.dotted(decorator.decorator)


def _is_static(node: cst.FunctionDef) -> bool:
    return any(_decorator_name(d) == "staticmethod" for d in node.decorators)


def _is_classmethod(node: cst.FunctionDef) -> bool:
    return any(_decorator_name(d) == "classmethod" for d in node.decorators)


def _body(node: cst.FunctionDef) -> Sequence[cst.CSTNode]:
    body = node.body
    if isinstance(body, cst.IndentedBlock):
        return body.body
    return (cst.SimpleStatementLine(body=body.body),)


def _single_input_call(func: object, args: Sequence[object], kwargs: Mapping[str, object]) -> bool:
    """Whether a layer's shape rule sees the whole call: ``output_size=`` or EmbeddingBag's offsets change the shape.

    Masks and causal flags do not, nor do the inputs a kind declares beside its first.
    """
    if not isinstance(func, Layer):
        return not kwargs and len(args) <= 1
    return kwargs.keys() <= func.kind.neutral_keywords and len(args) <= 1 + func.kind.extra_inputs


def _is_generator(node: cst.FunctionDef) -> bool:
    return walk.contains(node.body, (cst.Yield,), stop=(cst.FunctionDef, cst.ClassDef, cst.Lambda))


def _has_loop_exit(body: cst.BaseSuite) -> bool:
    return walk.contains(body, (cst.Break, cst.Continue), stop=(cst.For, cst.While, cst.FunctionDef, cst.ClassDef))


def _assigned_targets(small: cst.BaseSmallStatement) -> list[cst.BaseExpression]:
    if isinstance(small, cst.Assign):
        return [target.target for target in small.targets]
    if isinstance(small, (cst.AnnAssign, cst.AugAssign)):
        return [small.target]
    return []


def _merge(before: dict[str, object], outcomes: list[dict[str, object]]) -> dict[str, object]:
    """Names after alternative paths: a value survives only where every path agrees."""
    if not outcomes:
        return before
    merged: dict[str, object] = {}
    for name in set().union(*outcomes):
        values = [outcome.get(name, UNKNOWN) for outcome in outcomes]
        first = values[0]
        merged[name] = first if all(operators.identical(first, other) for other in values[1:]) else UNKNOWN
    return merged


def _argument_nodes(
    kind: LayerKind, node: cst.Call, skip: int = 0, keyword_only: str | None = None
) -> dict[str, cst.BaseExpression]:
    """The expression written for each parameter, for positions and fixes."""
    positional = [p.name for p in kind.params if not p.keyword_only and p.name != keyword_only]
    nodes: dict[str, cst.BaseExpression] = {}
    for index, arg in enumerate(node.args):
        if arg.star:
            return {}
        if arg.keyword is not None:
            nodes[arg.keyword.value] = arg.value
        elif index + skip < len(positional):
            nodes[positional[index + skip]] = arg.value
    return nodes


def _hyperparameter(value: object) -> object:
    """A layer argument as the catalog takes it: lists as Python lists, containers otherwise unknown."""
    if isinstance(value, ListValue):
        return UNKNOWN if value.items is None else list(value.items)
    if isinstance(value, DictValue):
        return UNKNOWN
    return value


def _record_sources(function: Function, scope: Scope, site: CallSite | None) -> None:
    """Remember which call-site expression gave each parameter its value.

    Only a parameter used once in the body is traced: fixing its call-site
    value then changes that one use.  Defaults are never traced.
    """
    if site is None:
        return
    params = function.node.params
    positional = [*params.posonly_params, *params.params]
    if function.uses is None:
        function.uses = walk.name_counts(function.node.body)
    uses = function.uses
    for index, param in enumerate([*positional, *params.kwonly_params]):
        name = param.name.value
        if uses.get(name, 0) != 1:
            continue
        found = site.source(index if index < len(positional) else len(site.positional), name)
        if found is not None:
            scope.sources[name] = Source(found.node, True)


def _replace_child(sequential: SequentialValue, key: object, value: object) -> None:
    """``seq[i] = layer``; an unknown index makes every child unknown."""
    names = [name for name, _ in sequential.children]
    if isinstance(key, int) and not isinstance(key, bool) and -len(names) <= key < len(names):
        sequential.children[key] = (names[key], value)
    else:
        sequential.children[:] = [(name, UNKNOWN) for name in names]


def _forget_mutable(args: list[object], kwargs: dict[str, object]) -> None:
    """Lists and dicts handed to code we cannot follow may come back changed."""
    for value in [*args, *kwargs.values()]:
        if isinstance(value, (ListValue, DictValue)):
            value.items = None


def _forget_outer(node: cst.Global | cst.Nonlocal, scope: Scope) -> None:
    """A ``global``/``nonlocal`` name may be rebound behind the outer scope's back."""
    target = scope.parent
    while isinstance(node, cst.Global) and target is not None and target.parent is not None:
        target = target.parent
    for item in node.names:
        if target is not None:
            target.vars[item.name.value] = UNKNOWN


def _bind_named(name: str, kwargs: dict[str, object], defaults: dict[str, object], scope: Scope) -> bool:
    """Bind a parameter from a keyword argument, else its default; ``False`` when it has neither."""
    if name in kwargs:
        scope.vars[name] = kwargs.pop(name)
    elif name in defaults:
        scope.vars[name] = defaults[name]
    else:
        return False
    return True


def _plain_arguments(args: list[object], kwargs: dict[str, object]) -> tuple[list[object], dict[str, object]]:
    """Call arguments with lists as Python lists, as layer and tensor rules take them."""
    return [_hyperparameter(a) for a in args], {k: _hyperparameter(v) for k, v in kwargs.items()}
