"""Calls of imported names: torch layers and containers, ``Sequential``, summaries, and Python helpers.

Building a layer binds its arguments with the catalog's signature and
remembers the expression written for each, so a finding can point at it and
a fix can replace it.
"""

from __future__ import annotations

from functools import partial

import libcst as cst

from shapelint.catalog import CATALOG, LayerKind, Problem, ShapeError, TorchStyleCall, bind_inferred, inferred_argument
from shapelint.dims import UNKNOWN, DType, Shape, Symbol, is_int
from shapelint.evaluator import (
    arrays,
    classes,
    collation,
    data_pipeline,
    distributions,
    einops_calls,
    lightning,
    loss_calls,
    modes,
    named_tuples,
    names,
    numpy_random,
    operators,
    options,
    packing,
    user_datasets,
)
from shapelint.evaluator.control import Raise
from shapelint.evaluator.copies import copied
from shapelint.evaluator.instance_checks import isinstance_of
from shapelint.evaluator.machine import Machine
from shapelint.evaluator.values import (
    DictValue,
    Example,
    FieldDefault,
    Instance,
    Layer,
    ListValue,
    ModuleRef,
    OptionParser,
    Partial,
    Scope,
    SequentialValue,
    Source,
    Tensor,
)

BATCH = Symbol("B")
TRACED_SIZES = frozenset().union(*(kind.traced_sizes for kind in CATALOG.values()))
"""Attribute names some kind keeps as a size (``in_features``): reading one may lead back to a layer's argument."""
Arguments = tuple[list[object], dict[str, object]]


def call_qualname(
    m: Machine, qualname: str, node: cst.Call, arguments: Arguments | None, scope: Scope, skip: int = 0
) -> object:
    if qualname in names.SEQUENTIAL:
        return build_sequential(m, qualname, node, arguments)
    if arguments is None:
        return UNKNOWN
    args, kwargs = arguments
    if qualname in names.SEQUENTIAL_INIT and args and isinstance(args[0], Instance):
        init_sequential(m, args[0], node, (args[1:], kwargs))
        return None
    if qualname in names.ORDERED_DICT:
        return operators.make_dict(args, kwargs)
    if options.is_flag_definition(qualname):
        options.define_flag(m.flags, args, kwargs, m.uncertain)
        return UNKNOWN
    if qualname in named_tuples.NAMEDTUPLE:
        return named_tuples.make(args, kwargs)
    if qualname in names.PARAMETER:
        return args[0] if args and isinstance(args[0], Tensor) else UNKNOWN
    if qualname in names.WRAPPERS:
        return args[0] if args else UNKNOWN
    if qualname in names.PARALLEL_WRAPPERS:
        if args and isinstance(args[0], (Instance, SequentialValue)):
            m.record.parallel.add(id(args[0]))
            return args[0]
        return UNKNOWN
    if qualname in names.IS_TENSOR and len(args) == 1 and not kwargs:
        return isinstance_of(args[0], ModuleRef("torch.Tensor"))
    if qualname in names.EXITS:
        raise Raise()
    if qualname in names.CAST:
        return args[1] if len(args) == 2 and not kwargs else UNKNOWN
    if qualname in names.FIELD:
        reorders = "init" in kwargs or "kw_only" in kwargs
        return FieldDefault(kwargs.get("default", UNKNOWN), kwargs.get("default_factory"), reorders)
    if qualname in names.PARTIAL:
        return Partial(args[0], tuple(args[1:]), kwargs) if args else UNKNOWN
    if qualname in packing.CALLS:
        return packing.call(qualname, args, kwargs, node)
    if qualname in names.COPIES:
        return copied(args[0], names.COPIES[qualname]) if len(args) == 1 and not kwargs else UNKNOWN
    kind = names.layer_kind(qualname)
    if kind is not None:
        return _build_layer(m, qualname, kind, node, args, kwargs, scope, skip)
    loss = loss_calls.kind_of(qualname)
    if loss is not None:
        return loss_calls.build(loss, *operators.plain_arguments(args, kwargs))
    if qualname.endswith(".from_pretrained"):
        return _from_pretrained(m, qualname, node, args, kwargs, scope)
    if qualname in options.PARSERS:
        return OptionParser()
    if qualname in options.NAMESPACES:
        return options.namespace(args, kwargs)
    if qualname in names.MODULE_LIST:
        return ListValue(operators.iterate(args[0]) if args else [])
    if qualname in names.MODULE_DICT:
        return DictValue(operators.make_dict(args, kwargs).items, modules=True)
    if qualname in names.SUMMARY:
        return _run_summary(m, qualname, args, kwargs, node)
    if qualname in names.TRACERS:
        traced = _traced(m, args, kwargs, node)
        return traced if qualname == "torch.jit.trace" else UNKNOWN
    if qualname in lightning.TRAINERS:
        return lightning.Trainer()
    if qualname in data_pipeline.TAKES_DATASET:
        args, kwargs = user_datasets.with_samples(m, args, kwargs)
    if qualname in data_pipeline.LOADER:
        kwargs = collation.collate_argument(m, args, kwargs)
    built = data_pipeline.build(qualname, args, kwargs, node)
    if built is None:
        built = numpy_random.call(qualname, args, kwargs, node)
    if built is None:
        built = arrays.call(qualname, args, kwargs, node)
    if built is None:
        built = einops_calls.call(qualname, args, kwargs, node)
    if built is None:
        built = collation.call(qualname, args, kwargs, node)
    if built is None:
        built = distributions.build(qualname, args, kwargs, node)
    if built is not None:
        return built
    function = operators.QUALIFIED.get(qualname)
    if function is not None:
        return function.call(args, kwargs)
    plain = operators.plain_arguments(args, kwargs)
    result = m.tensors.function(qualname, *plain, node)
    if result is UNKNOWN:
        operators.forget_mutable(args, kwargs)
    return result


def note_example(m: Machine, module: object, tensor: Tensor, node: cst.CSTNode) -> None:
    """Remember a model called on a tensor of known shape, to compare with its declared input."""
    if isinstance(module, (Instance, SequentialValue)) and not tensor.shape.open:
        m.record.examples.append(Example(module, tensor.shape, node))


def _run_summary(m: Machine, qualname: str, args: list[object], kwargs: dict[str, object], node: cst.Call) -> object:
    """``torchinfo.summary(model, input_size=...)``: run the model on that shape; torchsummaryX's
    ``summary(model, x)`` on that tensor."""
    given = args[1] if len(args) > 1 else None
    data = given if qualname.startswith("torchsummaryX") else kwargs.get("input_data")
    if isinstance(data, Tensor) and not data.shape.open and args:  # a tensor: torchinfo's ``input_data=x``
        with modes.evaluating(m.propagator):
            return _summarized(m, args[0], data, node)
    if qualname.startswith("torchsummaryX"):
        return UNKNOWN
    size = kwargs.get("input_size", given)
    if not args or not isinstance(size, tuple) or not all(isinstance(d, int) for d in size):
        return UNKNOWN
    if qualname.startswith("torchsummary"):
        size = (2, *size)
    else:  # torchinfo: ``batch_dim=k`` adds a batch of one at ``k`` to a size given without it
        batch_dim = kwargs.get("batch_dim")
        if batch_dim is not None and not (isinstance(batch_dim, int) and 0 <= batch_dim <= len(size)):
            return UNKNOWN
        if batch_dim is not None:
            size = (*size[:batch_dim], 1, *size[batch_dim:])
    tensor = Tensor(Shape(size), None)
    if qualname.startswith("torchsummary") or kwargs.get("mode") == "train":
        return _summarized(m, args[0], tensor, node)
    with modes.evaluating(m.propagator):  # torchinfo runs the model in ``eval()`` mode unless told otherwise
        return _summarized(m, args[0], tensor, node)


def _traced(m: Machine, args: list[object], kwargs: dict[str, object], node: cst.Call) -> object:
    """``torch.jit.trace(model, x)``, ``torch.onnx.export(model, x, path)``: the model runs on the example (a
    tensor, or a tuple of them), in a mode not followed; a trace gives a module that runs as the model does."""
    model = args[0] if args else kwargs.get("model", kwargs.get("func", kwargs.get("mod")))
    example = args[1] if len(args) > 1 else kwargs.get("example_inputs", kwargs.get("args"))
    inputs = example if isinstance(example, tuple) else (example,)
    if not isinstance(model, (Instance, SequentialValue)) or not inputs or not isinstance(inputs[0], Tensor):
        modes.handed_over(m.propagator, args, kwargs)
        return UNKNOWN
    with modes.evaluating(m.propagator):
        _summarized(m, model, inputs[0], node) if len(inputs) == 1 else m.run_module(model, inputs[0], inputs[1:])
    return model


def _summarized(m: Machine, model: object, tensor: Tensor, node: cst.Call) -> object:
    note_example(m, model, tensor, node)
    if isinstance(model, SequentialValue):
        m.record.called.add(id(model))
    return m.propagator.run(model, tensor)


def _build_layer(
    m: Machine,
    qualname: str,
    kind: LayerKind,
    node: cst.Call,
    args: list[object],
    kwargs: dict[str, object],
    scope: Scope,
    skip: int = 0,
) -> object:
    runtime = names.is_runtime(qualname)
    bind = partial(bind_inferred, kind) if runtime else kind.bind
    try:
        bound = bind(*operators.plain_arguments(args, kwargs))
    except TorchStyleCall as error:
        _reject_torch_style(m, error, node, skip)
        return UNKNOWN
    except TypeError:
        return UNKNOWN
    nodes = _argument_nodes(kind, node, skip, inferred_argument(kind) if runtime else None)
    written = _as_now({name: _source(m, arg, scope) for name, arg in nodes.items()})
    for name, source in written.items():
        m.record.written.setdefault(id(source.node), set()).add(repr(bound[name]))
    inferred = inferred_argument(kind) if runtime else None
    return Layer(kind, bound, written, node, looping=scope.looping, inferred=None if inferred in kwargs else inferred)


_PRETRAINED = frozenset({"Embedding", "EmbeddingBag"})


def _from_pretrained(
    m: Machine, qualname: str, node: cst.Call, args: list[object], kwargs: dict[str, object], scope: Scope
) -> object:
    """``nn.Embedding.from_pretrained(table)``: an embedding as wide as the table, as many rows as it has (a
    positional encoding's sinusoid table); ``freeze`` changes no shape."""
    kind = names.layer_kind(qualname.removesuffix(".from_pretrained"))
    table = args[0] if args else kwargs.get("embeddings")
    sizes = table.shape.dims if isinstance(table, Tensor) else ()
    if kind is None or kind.name not in _PRETRAINED or names.is_runtime(qualname) or len(args) > 2:
        return UNKNOWN
    if len(sizes) != 2 or not all(is_int(size) for size in sizes):
        return UNKNOWN
    options = {name: value for name, value in kwargs.items() if name not in ("embeddings", "freeze")}
    try:
        bound = kind.bind(list(sizes), operators.plain_arguments([], options)[1])
    except TypeError:
        return UNKNOWN
    return Layer(kind, bound, {}, node, looping=scope.looping)


def _reject_torch_style(m: Machine, error: TorchStyleCall, node: cst.Call, skip: int) -> None:
    """A runtime layer called as torch's positional form (SHP006), worded with the arguments as written; a call
    with ``*args`` or ``**kwargs`` has no written text for each value, and stays silent."""
    written = node.args[skip:] if skip <= len(node.args) else ()
    if any(arg.star for arg in written):
        return
    texts = [" ".join(_EMPTY_MODULE.code_for_node(arg.value).split()) for arg in written]
    problem = ShapeError(error.explain(texts), Problem.HYPERPARAMETER)
    m.propagator.reject(error.kind.name, node, problem, Tensor(Shape.anything()))


_EMPTY_MODULE = cst.Module([])
MAX_SNAPSHOT_NAMES = 256
"""A body with more names is read as it stands at the end: copying it for each layer would be quadratic."""


def _as_now(written: dict[str, Source]) -> dict[str, Source]:
    """The sources, with a copy of their scope as it is now where a ``for`` loop of that body is running: its later
    steps rebind the names a fix is read back in (one copy per scope)."""
    copies: dict[int, Scope] = {}
    for name, source in written.items():
        scope = source.scope
        if scope is not None and scope.looping and len(scope.vars) <= MAX_SNAPSHOT_NAMES:
            copy = copies.setdefault(id(scope), scope.snapshot())
            written[name] = Source(source.node, source.via_parameter, copy)
    return written


def _source(m: Machine, node: cst.BaseExpression, scope: Scope) -> Source:
    """Where a written size came from: through parameters to call sites, through ``fc.in_features`` to ``fc``."""
    if type(node) is cst.Attribute and node.attr.value in TRACED_SIZES and _is_dotted(node.value):
        owner = m.ev(node.value, scope)
        name = node.attr.value
        if isinstance(owner, Layer) and name in owner.kind.traced_sizes and name in owner.arg_nodes:
            written = owner.arg_nodes[node.attr.value]
            return Source(written.node, True, written.scope)
    return scope.source(node)


RUNTIME_SHAPELESS = frozenset({"rng", "dtype"})
"""A runtime Sequential's keywords that change no shape: the weights' generator and dtype."""
INPUT_DTYPES: dict[object, DType | None] = {None: None, "float": "float", "int": "int"}
"""A runtime Sequential's ``input_dtype=`` values, as :class:`Shape` takes them."""


def build_sequential(m: Machine, qualname: str, node: cst.Call, arguments: Arguments | None) -> object:
    if arguments is None:
        return UNKNOWN
    args, kwargs = arguments
    runtime = names.is_runtime(qualname)
    input_shape = kwargs.pop("input_shape", None) if runtime else None
    input_dtype = kwargs.pop("input_dtype", None) if runtime else None
    if runtime:
        kwargs = {key: value for key, value in kwargs.items() if key not in RUNTIME_SHAPELESS}
    known_dtype = isinstance(input_dtype, (str, type(None))) and input_dtype in INPUT_DTYPES
    if kwargs or not (input_shape is None or isinstance(input_shape, tuple)) or not known_dtype:
        return UNKNOWN
    if len(args) == 1 and isinstance(args[0], DictValue):
        if args[0].items is None:
            return UNKNOWN
        children = [(str(key), value) for key, value in args[0].items.items()]
    else:
        children = [(str(index), value) for index, value in enumerate(args)]
    for _, child in children:
        m.record.children.add(id(child))
    declared = Shape((BATCH, *input_shape), dtype=INPUT_DTYPES[input_dtype]) if input_shape is not None else None
    sequential = SequentialValue(children, node, declared)
    m.record.sequentials.append((sequential, m.statement or node))
    return sequential


def init_layer(
    m: Machine, instance: Instance, qualname: str, node: cst.Call, arguments: Arguments, scope: Scope
) -> None:
    """A catalogued layer's torch ``__init__`` run on a subclass instance: the layer its inherited ``forward`` is."""
    kind = names.layer_kind(qualname)
    built = None if kind is None else _build_layer(m, qualname, kind, node, *arguments, scope)
    instance.layer = built if isinstance(built, Layer) else None


def init_sequential(m: Machine, instance: Instance, node: cst.Call, arguments: Arguments) -> None:
    """``Sequential.__init__`` run on a subclass instance: the layers its inherited ``forward`` runs."""
    built = build_sequential(m, "torch.nn.Sequential", node, arguments)
    instance.sequential = built if isinstance(built, SequentialValue) else None
    if isinstance(built, SequentialValue) and classes.class_attribute(instance.cls, "forward") is not UNKNOWN:
        m.record.taken_apart.add(id(built))  # its own ``forward`` decides how the layers meet, not a chain


def _is_dotted(node: cst.BaseExpression) -> bool:
    """A name or attribute chain, which evaluates without side effects."""
    return isinstance(node, cst.Name) or (isinstance(node, cst.Attribute) and _is_dotted(node.value))


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

