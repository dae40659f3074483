"""Model: a graph of layers and ops between symbolic inputs and outputs, as Keras's functional API writes one.

Every size was fixed when each layer was called on a symbolic tensor; the model orders the calls, names the
modules and seeds their weights.  Naming rule: a module's name is the one given by ``.named()``, else its class
name in lower case, with ``_1``, ``_2``... for the second, third... of a class (``conv2d``, ``conv2d_1``).  That
name is the attribute of the torch model ``to_torch()`` builds, so state_dict keys read ``conv2d_1.weight``
in both.  A module called twice is one module: its weights are shared, as in torch.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, cast

import numpy as np
from shapelint.runtime import nest, torch_source
from shapelint.runtime.module import GraphValue, Module, as_array
from shapelint.runtime.ops import Op
from shapelint.runtime.spec import TensorSpec
from shapelint.runtime.summary import Call, leaves, render_calls
from shapelint.runtime.symbolic import Node, SymbolicTensor

from shapelint.catalog import ShapeError
from shapelint.dims import Shape

Tensors = SymbolicTensor | Sequence[SymbolicTensor]


class Model(Module):
    """``Model(inputs, outputs, rng=0)``: runs on arrays, one per input, and returns one array per output.

    ``rng`` (a seed or a ``numpy.random.Generator``) draws every layer's initial weights again, in call order, so
    the same graph gets the same weights; without it, layers keep what they drew when built, and weights already
    loaded into a layer shared with another model are kept.
    """

    is_container = True

    def __init__(self, inputs: Tensors, outputs: Tensors, *, rng: np.random.Generator | int | None = None) -> None:
        self.inputs, self.outputs = _tensors(inputs, "inputs"), _tensors(outputs, "outputs")
        self.single = isinstance(outputs, SymbolicTensor)
        self.nodes = _nodes(self.inputs, self.outputs)
        self.names = _names([node.module for node in self.nodes if node.module is not None])
        self.modules = {name: module for module, name in self.names.items() if not isinstance(module, Op)}
        self.layers = list(self.modules.values())
        self.input_names = [_input_name(tensor, index, len(self.inputs)) for index, tensor in enumerate(self.inputs)]
        if rng is not None:
            self.reseed(np.random.default_rng(rng))
        self.built_input, self.built_output = self.inputs[0].traced, self.outputs[0].traced

    def __call__(self, *inputs: object) -> object:  # type: ignore[override]
        """On arrays, the outputs; on symbolic tensors, a node of the graph being written (its weights shared)."""
        if len(inputs) != len(self.inputs):
            raise TypeError(f"Model takes {len(self.inputs)} inputs, got {len(inputs)}")
        graph = next((value for value in inputs if isinstance(value, GraphValue)), None)
        if graph is not None:
            return graph.connect(self, inputs, {})
        arrays = tuple(as_array(value, "Model") for value in inputs)
        outputs = self.evaluate(arrays)
        return outputs[0] if self.single else outputs

    def trace(self, shapes: tuple[Shape, ...], keywords: Mapping[str, object]) -> object:
        """As a node of another graph: the inputs must have the shapes this model was written for."""
        for index, (shape, tensor) in enumerate(zip(shapes, self.inputs)):
            if shape.open or shape.dims[1:] != tensor.traced.dims[1:] or len(shape.dims) != len(tensor.traced.dims):
                raise ShapeError(f"Model input {index} must have shape {tensor.traced}, got {shape}")
        outputs = tuple(tensor.traced for tensor in self.outputs)
        return outputs[0] if self.single else outputs

    def run(self, x: np.ndarray, *inputs: object, **keywords: object) -> Any:
        if keywords:
            raise TypeError(f"Model takes input arrays only, got keywords {sorted(keywords)}")
        return self.evaluate((x, *(as_array(array, "Model") for array in inputs)))[0]

    def evaluate(self, inputs: tuple[np.ndarray, ...]) -> tuple[np.ndarray, ...]:
        for index, (tensor, array) in enumerate(zip(self.inputs, inputs)):
            if array.ndim != len(tensor.traced.dims) or array.shape[1:] != tensor.traced.dims[1:]:
                raise ValueError(f"Model: input {index} must have shape {tensor.traced}, got {array.shape}")
        values: dict[SymbolicTensor, object] = dict(zip(self.inputs, inputs))
        for node in self.nodes:
            values.update(zip(node.outputs, node.call([values[tensor] for tensor in node.inputs])))
        return tuple(cast(np.ndarray, values[tensor]) for tensor in self.outputs)

    def named_specs(self, prefix: str = "") -> Iterator[tuple[str, TensorSpec]]:
        for name, module in self.modules.items():
            yield from module.named_specs(f"{prefix}{name}.")

    def _child(self, key: str) -> tuple[Module, str]:
        name, _, rest = key.partition(".")
        return self.modules[name], rest


    def summary(self) -> str:
        """The table ``shapelint summary`` prints, one row per call in the order written, one per piece of a split;
        a shared module's parameters are counted at its first call, and a layer's row shows its output, not the
        state it returns beside it (an LSTM's ``(h, c)``, attention weights)."""
        return render_calls(self, [tensor.traced for tensor in self.inputs], list(self._calls("", set())))

    def _calls(self, path: str, seen: set[Module]) -> Iterator[Call]:
        for node in self.nodes:
            assert node.module is not None
            where = path + self.names[node.module]
            if isinstance(node.module, Model):
                yield from node.module._calls(where + ".", seen)
            elif node.module.is_container:
                shared = node.module in seen
                yield from ((f"{where}.{name}", layer, output, shared) for name, layer, output in leaves(node.module))
            else:
                outputs = node.outputs if isinstance(node.module, Op) else node.outputs[:1]
                for index, tensor in enumerate(outputs):
                    name = where if len(outputs) == 1 else f"{where}[{index}]"
                    yield name, node.module, tensor.traced, node.module in seen
            seen.add(node.module)

    def to_source(self) -> str:
        """A ``Model(nn.Module)`` class: the modules in ``__init__``, the calls in order in ``forward``.

        A model called inside this one is a class of its own (``Model1``, ``Model2``...), written first.
        """
        classes = _classes(self)
        nested = "".join(
            model._class_source(name, classes) + "\n\n" for model, name in classes.items() if model is not self
        )
        shapes = [tensor.traced for tensor in self.inputs]
        return (
            f"{torch_source.HEADER}\n\n{nested}{torch_source.directive(shapes)}\n"
            f"{self._class_source('Model', classes)}\n\n"
            "model = Model()\n"
        )

    def _class_source(self, class_name: str, classes: dict[Model, str]) -> str:
        init = [
            f"self.{name} = {classes[module]}()"
            if isinstance(module, Model)
            else f"self.{name} = {module.torch_expression()}"
            for name, module in self.modules.items()
        ]
        variables = dict(zip(self.inputs, self.input_names))
        forward = []
        for index, node in enumerate(self.nodes, 1):
            assert node.module is not None
            inputs = [variables[tensor] for tensor in node.inputs]
            count = len(node.outputs)
            outputs = [f"y{index}" if count == 1 else f"y{index}_{part}" for part in range(count)]
            variables.update(zip(node.outputs, outputs))
            if isinstance(node.module, Op):
                call = node.module.torch_code(inputs)
            else:
                call = self._call_source(node, inputs, f"_{index}", init)
            forward.append(f"{nest.target(node.results, outputs)} = {call}")
        results = [variables[tensor] for tensor in self.outputs]
        forward.append(f"return {results[0]}" if self.single else f"return {', '.join(results)},")
        signature = ", ".join(f"{name}: torch.Tensor" for name in self.input_names)
        returned = "torch.Tensor" if self.single else "tuple[torch.Tensor, ...]"
        body = "".join("\n" + torch_source.indent(line, " " * 8) for line in init)
        return (
            f"class {class_name}(nn.Module):\n"
            "    def __init__(self) -> None:\n"
            f"        super().__init__(){body}\n\n"
            f"    def forward(self, {signature}) -> {returned}:\n"
            f"{torch_source.indent(chr(10).join(forward), ' ' * 8)}\n"
        )

    def _call_source(self, node: Node, inputs: list[str], suffix: str, init: list[str]) -> str:
        """``self.lstm(x, (h, c))``: the arguments nested as written, and the keywords; an array keyword (a mask)
        is a buffer named after it and ``suffix``, registered in ``init`` outside the state_dict, as the runtime
        keeps it."""
        assert node.module is not None
        arguments = [nest.code(template, inputs) for template in node.arguments]
        for keyword, value in node.keywords.items():
            shown = value
            if isinstance(value, np.ndarray):
                buffer = keyword + suffix
                init.append(f'self.register_buffer("{buffer}", {torch_source.tensor(value)}, persistent=False)')
                shown = torch_source.Source(f"self.{buffer}")
            arguments.append(f"{keyword}={torch_source.literal(shown)}")
        return f"self.{self.names[node.module]}({', '.join(arguments)})"

    def __repr__(self) -> str:
        lines = [f"  ({name}): " + repr(module).replace("\n", "\n  ") for name, module in self.modules.items()]
        return "Model(\n" + "\n".join(lines) + "\n)" if lines else "Model()"


def _tensors(value: Tensors, what: str) -> list[SymbolicTensor]:
    tensors = [value] if isinstance(value, SymbolicTensor) else list(value)
    if not tensors or not all(isinstance(tensor, SymbolicTensor) for tensor in tensors):
        raise TypeError(f"Model: {what} must be a symbolic tensor or a list of them, got {value!r}")
    return tensors


def _nodes(inputs: list[SymbolicTensor], outputs: list[SymbolicTensor]) -> list[Node]:
    """The calls the outputs depend on, in the order they were written (inputs first, by construction)."""
    found: dict[Node, None] = {}
    stack = [tensor.node for tensor in outputs]
    while stack:
        node = stack.pop()
        if node not in found:
            found[node] = None
            stack.extend(tensor.node for tensor in node.inputs)
    given = {tensor.node for tensor in inputs}
    missing = [node for node in found if node.module is None and node not in given]
    if missing:
        shapes = ", ".join(str(node.outputs[0].traced) for node in missing)
        raise ValueError(f"Model: the outputs depend on an Input not given in inputs (shape {shapes})")
    return sorted((node for node in found if node.module is not None), key=lambda node: node.order)


def _names(modules: list[Module]) -> dict[Module, str]:
    """Each distinct module's attribute name: its own, else its class's in lower case, numbered from the second."""
    unique = list(dict.fromkeys(modules))
    taken: dict[str, Module] = {}
    for module in unique:
        if module.name is not None:
            if module.name in taken:
                raise ValueError(f"Model: two modules are named {module.name!r}")
            taken[module.name] = module
    names = {module: module.name for module in unique if module.name is not None}
    for module in unique:
        if module.name is None:
            base = type(module).__name__.lower()
            name, count = base, 0
            while name in taken:
                count += 1
                name = f"{base}_{count}"
            taken[name] = module
            names[module] = name
    return {module: names[module] for module in unique}


def _classes(model: Model) -> dict[Model, str]:
    """Every model called inside ``model``, innermost first, with its class name; ``model`` last, as ``Model``."""
    found: dict[Model, str] = {}

    def visit(outer: Model) -> None:
        for module in outer.modules.values():
            if isinstance(module, Model) and module not in found:
                visit(module)
                found[module] = f"Model{len(found) + 1}"

    visit(model)
    found[model] = "Model"
    return found


def _input_name(tensor: SymbolicTensor, index: int, count: int) -> str:
    if tensor.name is not None:
        return tensor.name
    return "x" if count == 1 else f"x{index}"
