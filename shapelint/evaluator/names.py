"""Which dotted names mean a torch layer, a Sequential, or a container we understand."""

from __future__ import annotations

import sys

from shapelint.catalog import CATALOG, LayerKind
from shapelint.dims import DType

SEQUENTIAL = frozenset(
    {"torch.nn.Sequential", "torch.nn.modules.container.Sequential", "shapelint.runtime.Sequential"}
)
SEQUENTIAL_INIT = frozenset(f"{name}.__init__" for name in SEQUENTIAL)
"""``nn.Sequential.__init__(self, *layers)``, called explicitly in a subclass."""
ORDERED_DICT = frozenset({"collections.OrderedDict", "typing.OrderedDict"})
MODULE_LIST = frozenset({"torch.nn.ModuleList", "torch.nn.modules.container.ModuleList"})
MODULE_DICT = frozenset({"torch.nn.ModuleDict", "torch.nn.modules.container.ModuleDict"})
PARTIAL = frozenset({"functools.partial"})
FIELD = frozenset({"dataclasses.field"})
REPLACE = frozenset({"dataclasses.replace"})
COPIES = {"copy.copy": False, "copy.deepcopy": True}
"""The ``copy`` module's functions, each with whether it copies deeply."""
PARAMETER = frozenset(
    {"torch.nn.Parameter", "torch.nn.parameter.Parameter"}
    | {"torch.autograd.Variable", "torch.autograd.variable.Variable"}
)
"""Wrappers that give back the tensor they are given: a parameter, a pre-0.4 ``Variable``."""
TYPED_TENSORS: dict[str, DType] = {
    "FloatTensor": "float",
    "DoubleTensor": "float",
    "HalfTensor": "float",
    "LongTensor": "int",
    "IntTensor": "int",
}
"""``torch.FloatTensor`` and friends, and the dtype of what they make."""


def typed_constructor(qualname: str) -> str:
    """``torch.cuda.FloatTensor`` is ``torch.FloatTensor`` as far as shapes go."""
    prefix, _, name = qualname.rpartition(".")
    return f"torch.{name}" if prefix == "torch.cuda" and name in TYPED_TENSORS else qualname


WRAPPERS = frozenset(
    f"torch.nn.utils.{module}{name}"
    for module in ("", "parametrizations.")
    for name in ("weight_norm", "spectral_norm")
)
"""Functions that return the module they are given, with its shapes unchanged."""
IDENTITY_DECORATORS = frozenset(
    {"torch.no_grad", "torch.inference_mode", "torch.enable_grad", "torch.set_grad_enabled", "torch.autocast"}
    | {"torch.amp.autocast", "torch.cuda.amp.autocast", "torch.cpu.amp.autocast", "torch.compile"}
    | {f"torch.jit.{name}" for name in ("script", "ignore", "unused", "export", "script_if_tracing")}
    | {"torch.compiler.disable", "torch.autograd.no_grad", "torch.autograd.grad_mode.no_grad"}
    | {"functools.wraps", "functools.lru_cache", "functools.cache", "abc.abstractmethod"}
    | {"typing.final", "typing_extensions.final", "typing.no_type_check"}
    | {"torchvision.models._utils.kwonly_to_pos_or_kw"}
)
"""Decorators whose result runs as the function they decorate (a context around its body, a cache, a compiler, the
old spellings of torchvision's builders' arguments)."""
LEGACY_KEYWORDS = {
    "torchvision.models._utils.handle_legacy_interface": frozenset({"pretrained", "pretrained_backbone"}),
}
"""Decorators that take keywords away before the builder sees them: torchvision turns ``pretrained=True`` into
weights, which change no size."""
TRACERS = frozenset({"torch.jit.trace", "torch.jit._get_trace_graph", "torch.onnx.export", "torch.export.export"})
"""Calls that run a model on the example inputs given after it (``torch.jit.trace(model, x)``)."""
PARALLEL_WRAPPERS = frozenset(
    {"torch.nn.DataParallel", "torch.nn.parallel.DataParallel", "torch.nn.parallel.data_parallel.DataParallel"}
    | {"torch.nn.parallel.DistributedDataParallel", "torch.nn.parallel.distributed.DistributedDataParallel"}
)
"""``nn.DataParallel(model)``: called, it runs ``model``; its ``.module`` is ``model``."""
IS_TENSOR = frozenset({"torch.is_tensor"})
EXITS = frozenset({"sys.exit", "os._exit"})
"""Calls that end the program: the path that reaches one goes no further (``else: print(usage); sys.exit()``)."""
CAST = frozenset({"typing.cast", "typing_extensions.cast"})
"""``cast(T, value)`` returns ``value``; torchvision's VGG casts each config entry."""
RECORD_BASES = frozenset({"typing.NamedTuple", "typing_extensions.NamedTuple"})
SUMMARY = frozenset({"torchinfo.summary", "torchsummary.summary", "torchsummaryX.summary"})
RUNTIME_PREFIX = "shapelint.runtime."
_KNOWN_MODULES = frozenset(
    {"torch", "numpy", "shapelint", "torchinfo", "torchsummary", "tqdm", "einops"}
    | {"torchvision.datasets", "torchvision.transforms"}
)
"""Modules the evaluator knows by their dotted names (layers, datasets, summaries): never run from source."""
_LAYER_PREFIXES = ("torch.nn.", RUNTIME_PREFIX)


def layer_kind(qualname: str) -> LayerKind | None:
    """The catalogued kind for ``torch.nn.Linear``, ``torch.nn.modules.linear.Linear``, …"""
    if not qualname.startswith(_LAYER_PREFIXES):
        return None
    module, _, name = qualname.rpartition(".")
    if module not in ("torch.nn", "shapelint.runtime") and not module.startswith("torch.nn.modules."):
        return None
    return CATALOG.get(name)


def is_runtime(qualname: str) -> bool:
    """Whether the name comes from the runtime library, whose layers omit the input size."""
    return qualname.startswith(RUNTIME_PREFIX)


def star_names(module: str) -> dict[str, str]:
    """What ``from torch.nn import *`` binds, as name → qualified name."""
    if module != "torch.nn":
        return {}
    names = {name: f"torch.nn.{name}" for name in CATALOG}
    names.update({name: f"torch.nn.{name}" for name in ("Sequential", "ModuleList", "ModuleDict", "Module")})
    return names


def followed(module: str) -> bool:
    """Whether an import of ``module`` is run from its source: the project's and installed packages' modules.

    The standard library and the modules the evaluator knows by name are not.
    """
    top = module.split(".", maxsplit=1)[0]
    if top in sys.stdlib_module_names or top == "__future__":
        return False
    return not any(module == known or module.startswith(f"{known}.") for known in _KNOWN_MODULES)
