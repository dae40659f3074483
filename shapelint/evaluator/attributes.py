"""Reading ``owner.name``: module members, instance and class attributes, layer hyperparameters, methods."""

from __future__ import annotations

import libcst as cst

from shapelint.catalog import state_entries
from shapelint.dims import UNKNOWN, Shape
from shapelint.evaluator import (
    array_ops,
    classes,
    data_pipeline,
    distributions,
    enums,
    imports,
    lightning,
    namespace_writes,
    numpy_random,
    operators,
    options,
    tensors,
)
from shapelint.evaluator.functions import call_function
from shapelint.evaluator.machine import Machine
from shapelint.evaluator.values import (
    Alternatives,
    Array,
    BoundMethod,
    ClassValue,
    DictValue,
    FieldDefault,
    Function,
    Instance,
    Layer,
    ListValue,
    LossModule,
    ModuleRef,
    ModuleValue,
    OptionParser,
    Options,
    Origin,
    Partial,
    Returns,
    SequentialValue,
    SuperValue,
    Tensor,
)

MODULE_SELF_METHODS = frozenset({"to", "cuda", "cpu", "eval", "train", "float", "double", "half", "requires_grad_"})
HOOKS = frozenset({"register_forward_hook", "register_forward_pre_hook"})
MODULE_BUILTIN_METHODS = frozenset(
    {"children", "add_module", "register_module", "register_buffer", "register_parameter", "__setattr__", "__getattr__"}
    | HOOKS
)
"""``nn.Module`` methods the evaluator follows on user modules."""


def attribute(m: Machine, owner: object, name: str, node: cst.CSTNode) -> object:
    """``owner.name``, written out or through ``getattr``."""
    if name == "__dict__" and isinstance(owner, Options):
        return owner.namespace
    if name == "__dict__":  # ``cfg.__dict__.update(kwargs)``, ``cfg.__dict__["in_dim"] = 12``
        namespace_writes.forget_namespace(owner)
        return UNKNOWN
    if isinstance(owner, ModuleRef) and owner.qualname == options.ABSL_FLAGS:
        return options.attribute(m.flags, name)
    if isinstance(owner, ModuleRef):
        return operators.module_member(f"{owner.qualname}.{name}")
    if isinstance(owner, ModuleValue):
        return imports.member(m, owner, name)
    if isinstance(owner, Options):
        return options.attribute(owner, name)
    if isinstance(owner, OptionParser):
        return BoundMethod(owner, name)
    if name == "module" and id(owner) in m.record.parallel and not _defines(owner, name):
        return owner  # ``nn.DataParallel(model).module``
    if isinstance(owner, Instance):
        getter = _property(owner, name)
        return _instance_attribute(owner, name) if getter is None else call_function(m, getter, [owner], {})
    if isinstance(owner, (Layer, SequentialValue, Alternatives, LossModule)) and name in MODULE_SELF_METHODS:
        return Returns(owner)
    if isinstance(owner, (Layer, SequentialValue)) and name == "forward":
        return owner  # ``self.fc.forward(x)`` runs the layer as ``self.fc(x)`` does
    if isinstance(owner, Layer) and name in HOOKS:
        return BoundMethod(owner, name)
    derived = owner.kind.derived(owner.args, name) if isinstance(owner, Layer) and owner.kind.derived else None
    if derived is not None:
        return derived
    if isinstance(owner, Layer) and name in owner.kind.attributes:
        written = owner.arg_nodes.get(name)
        if written is not None:
            m.record.read_elsewhere.add(id(written.node))
        return owner.args[name]
    if isinstance(owner, Layer):
        return _entry(owner, name, node)
    if isinstance(owner, SequentialValue):
        return BoundMethod(owner, name)
    if isinstance(owner, ClassValue) and name in ("__name__", "__qualname__") and name not in owner.attributes:
        return owner.node.name.value
    if isinstance(owner, ClassValue) and name == "apply" and classes.has_base(owner, AUTOGRAD_FUNCTIONS.__contains__):
        forward = classes.class_attribute(owner, "forward")  # ``Fn.apply(x)`` runs ``Fn.forward(ctx, x)``
        return Partial(forward, (UNKNOWN,), {}) if isinstance(forward, Function) else UNKNOWN
    if isinstance(owner, ClassValue):
        found = classes.class_attribute(owner, name)
        if isinstance(found, Function) and classes.is_classmethod(found.node):
            return Partial(found, (owner,), {})  # ``Weights.verify(obj)`` gets the class first
        value = found.default if isinstance(found, FieldDefault) and found.factory is None else found
        return enums.member(m, owner, name, value) if enums.is_enum(owner) else value
    if isinstance(owner, DictValue) and owner.modules and owner.items is not None and name in owner.items:
        return owner.items[name]
    followed = (ListValue, DictValue, SuperValue, data_pipeline.PilImage, numpy_random.Generator, lightning.Trainer)
    if isinstance(owner, followed):
        return BoundMethod(owner, name)
    if isinstance(owner, str) and name in operators.STRING_METHODS:
        return BoundMethod(owner, name)
    if isinstance(owner, tensors.ValuesIndices) and name in ("values", "indices"):
        return getattr(owner, name)
    if isinstance(owner, Array):
        return BoundMethod(owner, name) if name in array_ops.METHODS else array_ops.attribute(owner, name)
    if isinstance(owner, distributions.Distribution):
        return BoundMethod(owner, name) if name in distributions.METHODS else distributions.attribute(owner, name)
    if isinstance(owner, Tensor):
        return m.tensors.attribute(owner, name, node) if name in tensors.ATTRIBUTES else BoundMethod(owner, name)
    return UNKNOWN


AUTOGRAD_FUNCTIONS = frozenset({"torch.autograd.Function", "torch.autograd.function.Function"})


def _entry(layer: Layer, name: str, node: cst.CSTNode) -> object:
    """``embedding.weight``: a parameter or buffer the layer owns, of its state-dict entry's shape."""
    entries = state_entries(layer.kind, layer.args) if name not in layer.replaced else None
    found = next((entry for entry in entries or [] if entry.name == name), None)
    if found is None:
        return UNKNOWN
    shape = Shape(found.shape, dtype="int" if name == "num_batches_tracked" else "float")
    return Tensor(shape, Origin(f"{layer.kind.name}.{name}", node))


def _defines(owner: object, name: str) -> bool:
    """Whether a model holds or its class defines ``name`` itself."""
    if isinstance(owner, Instance):
        return name in owner.attributes or classes.class_attribute(owner.cls, name) is not UNKNOWN
    return False


def _property(owner: Instance, name: str) -> Function | None:
    """The getter ``owner.name`` runs, where the class defines ``name`` as a property the instance does not hide."""
    if name in owner.attributes:
        return None
    found = classes.class_attribute(owner.cls, name)
    return found if isinstance(found, Function) and classes.is_property(found.node) else None


def _instance_attribute(owner: Instance, name: str) -> object:
    if name in owner.attributes:
        return owner.attributes[name]
    found = classes.class_attribute(owner.cls, name)
    if (not owner.known and not isinstance(found, Function)) or isinstance(found, FieldDefault):
        return UNKNOWN
    if found is UNKNOWN and name in MODULE_SELF_METHODS:
        return Returns(owner)
    if isinstance(found, Function) or (found is UNKNOWN and name in MODULE_BUILTIN_METHODS):
        return BoundMethod(owner, name)
    if found is UNKNOWN and (owner.sequential is not None or classes.is_dict_view(owner.cls, name)):
        return BoundMethod(owner, name)
    return found
