"""The call expression: what is being called decides who evaluates it.

Imported names go to :mod:`~shapelint.evaluator.torch_calls`, user functions
and classes to :mod:`~shapelint.evaluator.functions` and
:mod:`~shapelint.evaluator.instances`, methods to
:mod:`~shapelint.evaluator.methods`; a model called on a tensor runs through
the propagator.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial

import libcst as cst

from shapelint.catalog import tensor_rules
from shapelint.dims import UNKNOWN
from shapelint.evaluator import (
    array_ops,
    classes,
    collation,
    data_pipeline,
    dataset_items,
    loss_calls,
    modes,
    names,
    namespace_writes,
    operators,
    packing,
)
from shapelint.evaluator.assignment import assign, set_attribute
from shapelint.evaluator.attributes import attribute
from shapelint.evaluator.binder import join_models, join_tensors
from shapelint.evaluator.control import Raise
from shapelint.evaluator.flow import Flow
from shapelint.evaluator.functions import call_function, parameters_of
from shapelint.evaluator.instance_checks import isinstance_of
from shapelint.evaluator.instances import instantiate, replaced
from shapelint.evaluator.machine import MAX_ITERATIONS, Machine
from shapelint.evaluator.methods import call_method
from shapelint.evaluator.signatures import reusable, run_key
from shapelint.evaluator.torch_calls import Arguments, call_qualname, note_example
from shapelint.evaluator.values import (
    Alternatives,
    Array,
    BoundMethod,
    CallSite,
    ClassValue,
    DictValue,
    Function,
    Instance,
    Layer,
    ListValue,
    LossModule,
    ModuleRef,
    Options,
    Packed,
    Partial,
    Returns,
    Scope,
    SequentialValue,
    SuperValue,
    Tensor,
)


def ev_call(m: Machine, node: cst.Call, scope: Scope) -> object:
    m.record.places[id(node)] = m.statement
    if type(node.func) is cst.Name and node.func.value == "super":
        return _explicit_super(m, node.args, scope) if node.args else _current_super(m)
    func = m.ev(node.func, scope)
    if func is UNKNOWN and isinstance(node.func, cst.Attribute):
        m.unfollowed_methods.add(node.func.attr.value)
    if func is operators.BUILTINS["zip"] and len(node.args) == 1 and node.args[0].star == "*":
        return _zip_spread(m, func, node, scope)
    arguments = _ev_arguments(m, node.args, scope)
    modes.note_call(m.propagator, node, func, *(arguments or ([], {})))
    if modes.hands_over(func, *(arguments or ([], {}))):
        m.unfollowed_methods.add(classes.ANY_METHOD)  # code not followed holds a model: any of its methods may run
    if func is UNKNOWN and _wrote_namespace(m, node, arguments, scope):
        return None
    skip = 0
    if isinstance(func, Partial) and arguments is not None:
        skip = len(func.args)
        kept = {key: value for key, value in arguments[1].items() if key not in func.dropped}
        arguments = [*func.args, *arguments[0]], {**func.kwargs, **kept}
        func = func.func
    if isinstance(func, ModuleRef) and func.qualname in names.REPLACE and arguments is not None:
        return replaced(m, node, *arguments)
    if isinstance(func, ModuleRef):
        return call_qualname(m, func.qualname, node, arguments, scope, skip)
    if arguments is None:  # a ``**`` spread not known: what it changes of the receiver is not known either
        if isinstance(func, BoundMethod):
            operators.forget_mutable([func.obj], {})
        return UNKNOWN
    return _call_value(m, func, *arguments, node, scope)


def _zip_spread(m: Machine, func: operators.Builtin, node: cst.Call, scope: Scope) -> object:
    """``zip(*rows)``; of a collate function's samples, one list per field (``images, captions = zip(*batch)``)."""
    value = m.ev(node.args[0].value, scope)
    if isinstance(value, data_pipeline.SampleList):
        return collation.transposed(value)
    spread = operators.iterate(value)
    return UNKNOWN if spread is None else _call_builtin(m, func, spread, {}, node)


def _wrote_namespace(m: Machine, node: cst.Call, arguments: Arguments | None, scope: Scope) -> bool:
    """``exec(...)``, ``globals().update(...)`` or ``object.__setattr__(obj, name, value)``, done."""
    if namespace_writes.writes_scope(node):
        namespace_writes.forget_scope(scope)
        return True
    if namespace_writes.is_object_setattr(node) and arguments is not None and len(arguments[0]) == 3:
        set_attribute(m, arguments[0])
        return True
    return False


def _call_value(
    m: Machine, func: object, args: list[object], kwargs: dict[str, object], node: cst.Call, scope: Scope
) -> object:
    if isinstance(func, Function):
        return call_function(m, func, args, kwargs, CallSite.of(node.args, scope))
    if isinstance(func, BoundMethod):
        result = call_method(m, func, args, kwargs, node, CallSite.of(node.args, scope))
        if isinstance(func.obj, Tensor) and func.name in tensor_rules.IN_PLACE_RESHAPES:
            m.tensors.resized.add(id(func.obj))
            _reshaped_in_place(m, node, result, scope)
        if isinstance(func.obj, Array) and func.name in array_ops.IN_PLACE_RESHAPES:
            _reshaped_in_place(m, node, UNKNOWN, scope)
        return result
    if isinstance(func, ClassValue):
        return instantiate(m, func, args, kwargs, CallSite.of(node.args, scope), node)
    if isinstance(func, operators.Builtin):
        return _call_builtin(m, func, args, kwargs, node)
    if isinstance(func, Returns):
        return func.value
    if isinstance(func, Alternatives):
        return _call_each(m, func, args, kwargs, node, scope)
    if isinstance(func, LossModule):
        return loss_calls.call_module(m.propagator, func, *operators.plain_arguments(args, kwargs), node)
    return _call_on_tensor(m, func, args, kwargs, node)


def _reshaped_in_place(m: Machine, node: cst.Call, result: object, scope: Scope) -> None:
    """``images.resize_(64, 784)`` rebinds ``images`` to the result; an unknown result leaves it unknown."""
    receiver = node.func.value if isinstance(node.func, cst.Attribute) else None
    if isinstance(receiver, (cst.Name, cst.Attribute)):
        assign(m, receiver, result if isinstance(result, Tensor) else UNKNOWN, scope)


def _call_builtin(
    m: Machine, func: operators.Builtin, args: list[object], kwargs: dict[str, object], node: cst.Call
) -> object:
    """Builtins that see the evaluator's objects: ``hasattr``, ``getattr``, ``setattr``, ``isinstance``; the rest
    see values."""
    if func is operators.BUILTINS["hasattr"]:
        return classes.hasattr_of(args[0], args[1], m.unfollowed_methods) if len(args) == 2 and not kwargs else UNKNOWN
    if func.name in _LOOPING_BUILTINS:
        for arg in args:
            m.iterated(arg)
            dataset_items.draw(m, arg)
    batch = data_pipeline.builtin(func.name, args) if not kwargs else None
    if batch is not None:
        return batch
    if func is operators.BUILTINS["isinstance"]:
        return isinstance_of(*args) if len(args) == 2 and not kwargs else UNKNOWN
    if func is operators.BUILTINS["getattr"]:
        named = len(args) in (2, 3) and not kwargs and isinstance(args[1], str)
        if not named:
            m.unfollowed_methods.add(classes.ANY_METHOD)  # ``getattr(model, name)()``: a method the data names
        return attribute(m, args[0], args[1], node) if named else UNKNOWN  # type: ignore[arg-type]
    if func is operators.BUILTINS["map"]:
        return _map(m, args) if len(args) >= 2 and not kwargs else UNKNOWN
    if func is operators.BUILTINS["vars"]:
        if len(args) == 1 and not kwargs and isinstance(args[0], Options):
            return args[0].namespace
        for arg in args:
            namespace_writes.forget_namespace(arg)
        return UNKNOWN
    if func is operators.BUILTINS["setattr"]:
        if len(args) != 3 or kwargs:
            return UNKNOWN
        set_attribute(m, args)
        return None
    return func.call(args, kwargs)


_LOOPING_BUILTINS = frozenset({"enumerate", "zip", "list", "tuple", "reversed", "iter", "map"})
"""Builtins that go through their arguments item by item."""


def _map(m: Machine, args: list[object]) -> object:
    """``map(f, xs)`` with a function of the file (``map(lambda t: rearrange(t, ...), qkv)``), as a list."""
    func, iterables = args[0], [operators.iterate(arg) for arg in args[1:]]
    if not isinstance(func, Function) or any(items is None for items in iterables):
        return UNKNOWN
    rows = list(zip(*iterables))
    if len(rows) > MAX_ITERATIONS:
        return UNKNOWN
    return ListValue([call_function(m, func, list(row), {}) for row in rows])


def _call_on_tensor(m: Machine, func: object, args: list[object], kwargs: dict[str, object], node: cst.Call) -> object:
    """A model or layer called on a tensor runs; anything else called is unknown, and may change its arguments."""
    outermost = m.propagator.called_at is None
    if outermost:
        m.propagator.called_at = node
    try:
        return _run_called(m, func, args, kwargs, node)
    finally:
        if outermost:
            m.propagator.called_at = None


def _run_called(m: Machine, func: object, args: list[object], kwargs: dict[str, object], node: cst.Call) -> object:
    if isinstance(func, data_pipeline.TransformValue) and not kwargs:
        return data_pipeline.transformed(func, args, node, partial(dataset_items.refuse, m))
    if isinstance(func, SequentialValue):
        m.record.called.add(id(func))
    if args and isinstance(args[0], Tensor):
        note_example(m, func, args[0], node)
    if isinstance(func, Instance) and args and isinstance(args[0], Tensor):
        return call_module(m, func, args[0], args[1:], kwargs)
    if isinstance(func, Instance) and args and isinstance(args[0], (ListValue, tuple)):
        return _call_on_tensors(m, func, args, kwargs)
    flow = _keyword_flow(func, kwargs) if isinstance(func, Instance) and not args else None
    if flow is not None:
        name, tensor = flow
        return call_module(m, func, tensor, (), {key: value for key, value in kwargs.items() if key != name})
    if args and isinstance(args[0], Tensor) and _single_input_call(func, args, kwargs):
        if isinstance(func, Layer) and func.kind.rule_inputs > 1:
            return m.propagator.through_inputs(func, args, node)
        before = len(m.propagator.mismatches)
        result = m.propagator.run(func, args[0])
        state = args[1] if len(args) > 1 else kwargs.get("hx")
        if isinstance(func, Layer) and func.kind.takes_state and len(m.propagator.mismatches) == before:
            m.propagator.check_extra(func, args[0], state, node)
        checked = func.kind.checked_inputs if isinstance(func, Layer) else 0
        if checked and len(args) > checked and len(m.propagator.mismatches) == before:
            m.propagator.check_extra(func, args[0], tuple(args[1 : checked + 1]), node)  # type: ignore[arg-type]
        return result
    if isinstance(func, Layer) and func.kind.state is not None and args and isinstance(args[0], Packed):
        return packing.run_recurrent(m.propagator, func, args[0]) if _single_input_call(func, args, kwargs) else UNKNOWN
    operators.forget_mutable(args, kwargs)
    return UNKNOWN


def _call_each(
    m: Machine, chosen: Alternatives, args: list[object], kwargs: dict[str, object], node: cst.Call, scope: Scope
) -> object:
    """Each model the code may have chosen runs on what it is fed, in the configuration it was built in, and each
    function or class that may have been chosen is called; the result is what they all agree on, or the models
    they build.  One another file defines is left to that file: its findings are its own, and running a whole model
    zoo for every file that imports the factory cost more than all the rest."""
    results: list[object] = []
    raised = 0
    with m.binder.uncertainty():
        for option in chosen.options:
            own = m.local(_definition(option))
            try:
                results.append(_call_value(m, option, list(args), dict(kwargs), node, scope) if own else UNKNOWN)
            except Raise:
                raised += 1
                results.append(UNKNOWN)  # not nothing: a handler may catch it and go on
    if chosen.complete and raised == len(results):
        raise Raise
    tensors = [result for result in results if isinstance(result, Tensor)]
    if tensors and len(tensors) == len(results):
        return join_tensors(tensors, chosen.choice) if chosen.complete else UNKNOWN
    return join_models([*results, *([] if chosen.complete else [UNKNOWN])], chosen.choice)


def _definition(option: object) -> cst.CSTNode | None:
    """Where a model, function or class was written."""
    if isinstance(option, Instance):
        return option.cls.node
    return option.node if isinstance(option, (Function, ClassValue, Layer, SequentialValue)) else None


def _keyword_flow(module: Instance, kwargs: dict[str, object]) -> tuple[str, Tensor] | None:
    """``self.att(g=d5, x=x4)``: the tensor given by name for ``forward``'s first parameter after ``self``, which
    runs through the module as a positional first input does."""
    forward = classes.class_attribute(module.cls, "forward")
    if not isinstance(forward, Function) or len(forward.node.params.posonly_params) > 1:
        return None
    positional = parameters_of(forward).positional
    value = kwargs.get(positional[1]) if len(positional) > 1 else None
    return (positional[1], value) if isinstance(value, Tensor) else None


def _explicit_super(m: Machine, args: Sequence[cst.Arg], scope: Scope) -> object:
    """``super(Cls, self)``, the Python 2 spelling tutorials still use."""
    if len(args) != 2 or any(arg.keyword is not None or arg.star for arg in args):
        return UNKNOWN
    cls, instance = (m.ev(arg.value, scope) for arg in args)
    return SuperValue(cls, instance) if isinstance(cls, ClassValue) else UNKNOWN


def _current_super(m: Machine) -> object:
    """``super()`` in the method being run: its class and its ``self``."""
    if not m.frames:
        return UNKNOWN
    function, scope = m.frames[-1]
    params = [*function.node.params.posonly_params, *function.node.params.params]
    if function.owner is None or not params:
        return UNKNOWN
    return SuperValue(function.owner, scope.vars.get(params[0].name.value, UNKNOWN))


def call_module(
    m: Machine, module: object, tensor: Flow, rest: Sequence[object] = (), kwargs: dict[str, object] | None = None
) -> object:
    """Run a user module's ``forward`` on ``tensor`` and any further arguments; anything else is unknown.

    One whose call does not go to its class's ``forward`` (a ``__call__`` of its own, a ``forward`` set on the
    instance, a hook that may replace its input) gives an unknown value; one whose hook may replace its output
    runs, and its output is unknown."""
    if not isinstance(module, Instance) or _called_otherwise(m, module):
        return UNKNOWN
    result = _call_module(m, module, tensor, rest, kwargs)
    return UNKNOWN if id(module) in m.propagator.hooks else result


def _called_otherwise(m: Machine, module: Instance) -> bool:
    return (
        m.propagator.hooks.get(id(module), False)
        or "forward" in module.attributes
        or isinstance(classes.class_attribute(module.cls, "__call__"), Function)
    )


def _call_module(
    m: Machine, module: Instance, tensor: Flow, rest: Sequence[object], kwargs: dict[str, object] | None
) -> object:
    forward = classes.class_attribute(module.cls, "forward")
    if not isinstance(forward, Function):
        if module.layer is not None and not rest and not kwargs:
            return m.propagator.run(module.layer, tensor)
        if module.sequential is None:
            return UNKNOWN
        m.record.called.add(id(module.sequential))
        return m.propagator.run(module.sequential, tensor)
    outer, fed = m.propagator.configuration, m.propagator.fed
    key = run_key(m, module, tensor, rest, kwargs) if outer is None else None
    if key is not None and key in m.model_runs:
        return m.model_runs[key]
    m.propagator.configuration = outer or module.built
    m.propagator.fed = fed or (tensor if isinstance(tensor, Tensor) else None)
    changes, watched = m.changes(), (m.watching, m.read_globals)
    if key is not None:  # a run that may stand in for later ones: what it reads is watched
        m.watching, m.read_globals = True, False
    try:
        result = _run_forward(m, forward, module, tensor, rest, kwargs)
    finally:
        m.propagator.configuration, m.propagator.fed = outer, fed
        read = m.read_globals
        if key is not None:  # a run inside another watched one reads for both
            m.watching, m.read_globals = watched[0], watched[1] or read
    # a run that changed nothing in place and read nothing but its model, its arguments and definitions
    if key is not None and reusable(result) and m.changes() == changes and not read:
        m.model_runs[key] = result
    return result


def _run_forward(
    m: Machine,
    forward: Function,
    module: Instance,
    tensor: Flow,
    rest: Sequence[object],
    kwargs: dict[str, object] | None,
) -> object:
    if m.propagator.trace is None:
        return call_function(m, forward, [module, tensor, *rest], dict(kwargs or {}))
    with m.propagator.trace.run_from(tensor):
        return call_function(m, forward, [module, tensor, *rest], dict(kwargs or {}))


def _ev_arguments(m: Machine, nodes: Sequence[cst.Arg], scope: Scope) -> Arguments | None:
    """Positional and keyword values; ``None`` when a ``*``/``**`` spread is unknown."""
    args: list[object] = []
    kwargs: dict[str, object] = {}
    places = m.record.places
    for arg in nodes:
        places[id(arg.value)] = m.statement
        value = m.ev(arg.value, scope)
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


def _call_on_tensors(m: Machine, module: Instance, args: list[object], kwargs: dict[str, object]) -> object:
    """A user module whose ``forward`` takes a list or tuple of tensors (DLA's ``self.root([out1, out2])``)."""
    forward = classes.class_attribute(module.cls, "forward")
    if not isinstance(forward, Function):
        operators.forget_mutable(args, kwargs)
        return UNKNOWN
    return call_function(m, forward, [module, *args], kwargs)


def _single_input_call(func: object, args: Sequence[object], kwargs: Mapping[str, object]) -> bool:
    """Whether a layer's shape rule sees the whole call: ``output_size=`` or EmbeddingBag's offsets change the shape.

    Masks and causal flags do not, nor do the inputs a kind declares beside its first, nor a ``None`` passed to a
    catalogued layer (``lstm(x, None)``): every optional argument of their ``forward`` defaults to ``None`` or to
    a flag the kind declares neutral.  A recurrent layer's initial state (``lstm(x, (h0, c0))``) does not either;
    its sizes are not checked.
    """
    if not isinstance(func, Layer):
        return not kwargs and len(args) <= 1
    state = func.kind.takes_state
    given = {name for name, value in kwargs.items() if value is not None and not (state and name == "hx")}
    extras = [value for value in args[1:] if value is not None]
    return given <= func.kind.neutral_keywords and len(extras) <= func.kind.extra_inputs + state
