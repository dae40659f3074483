"""PyTorch source for a runtime model, and the torch model it defines with the runtime's weights.

``to_torch()`` executes the very text ``to_source()`` prints, so what a user reads is what runs.  A layer is
``nn.<kind name>`` with its completed arguments: torch's required ones in order, the rest by keyword where they
differ from torch's defaults.  torch is imported only by :func:`instantiate`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from shapelint.catalog import REQUIRED, LayerKind
from shapelint.dims import Shape

HEADER = "import torch\nfrom torch import nn\n"
FACTORY = frozenset({"device", "dtype"})
"""Set from the runtime's own dtype (and the CPU), never copied from the arguments; a kind without tensors
takes no dtype."""


class Source(str):
    """A hyperparameter that is itself a module, as the source that builds it (TransformerEncoder's layer)."""


def literal(value: object) -> str:
    """Python source for a hyperparameter; non-finite floats are not literals."""
    if isinstance(value, Source):
        return str(value)
    if isinstance(value, float) and not math.isfinite(value):
        return f"float({str(value)!r})"
    if isinstance(value, tuple):
        items = [literal(item) for item in value]
        return f"({items[0]},)" if len(items) == 1 else f"({', '.join(items)})"
    if isinstance(value, list):
        return f"[{', '.join(literal(item) for item in value)}]"
    return repr(value)


def tensor(array: np.ndarray) -> str:
    """A constant (an attention mask) as a torch tensor: on the CPU, as :func:`instantiate` builds on meta."""
    return f'torch.tensor({literal(array.tolist())}, dtype=torch.{array.dtype.name}, device="cpu")'


def constructor(kind: LayerKind, args: Mapping[str, object], dtype: np.dtype, placeholder: object) -> str:
    """``nn.Conv2d(3, 16, 3, padding=1)``: every size explicit, so no Lazy module and no dry run."""
    positional, keywords = [], []
    for param in kind.params:
        value = args[param.name]
        if param.name in FACTORY:
            continue
        if value is placeholder:
            raise NotImplementedError(f"{kind.name}: {param.name} is not known; give {param.name}= explicitly")
        if param.default is REQUIRED and not param.keyword_only:
            positional.append(literal(value))
        elif value != param.default or type(value) is not type(param.default):
            keywords.append(f"{param.name}={literal(value)}")
    if dtype != np.float32 and "dtype" in kind.param_names:
        keywords.append(f"dtype=torch.{dtype.name}")
    return f"nn.{kind.name}({', '.join(positional + keywords)})"


def directive(shapes: Sequence[Shape]) -> str:
    """The shapelint directive that gives the linter the runtime model's input shapes."""
    text = ", ".join(str(shape) for shape in shapes)
    long = any(shape.dtype == "int" for shape in shapes)
    return f"# shapelint: input={text}" + (" dtype=long" if long else "")


def program(expression: str, shapes: Sequence[Shape]) -> str:
    """A file defining ``model`` as one expression (a layer or an ``nn.Sequential``)."""
    imports = HEADER if "torch." in expression else "from torch import nn\n"
    return f"{imports}\n{directive(shapes)}\nmodel = {expression}\n"


def indent(text: str, prefix: str = "    ") -> str:
    return "\n".join(prefix + line if line else line for line in text.splitlines())


def instantiate(source: str, state: Mapping[str, np.ndarray]) -> Any:
    """Run ``source``, give its ``model`` the tensors of ``state`` (strictly: every key), in eval mode.

    The modules are built on torch's meta device, so torch draws no initial weights that would be overwritten.
    """
    import torch

    namespace: dict[str, Any] = {"__name__": "shapelint.runtime.generated"}
    with torch.device("meta"):
        exec(compile(source, "<shapelint.runtime.to_source>", "exec"), namespace)
    model = namespace["model"]
    model.load_state_dict({key: torch.from_numpy(np.array(value)) for key, value in state.items()}, assign=True)
    left = [name for name, tensor in [*model.named_parameters(), *model.named_buffers()] if tensor.is_meta]
    if left:
        raise RuntimeError(f"to_torch: the runtime holds no value for {', '.join(left)}")
    return model.eval()
