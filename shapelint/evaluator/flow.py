"""Push tensors through layers and Sequentials, recording every step that rejects its input.

After a wrong input size the chain goes on as if the size had been right, so
one run finds every independent error; after any other rejection nothing
more is known and the rest of the chain goes silent.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import libcst as cst

from shapelint.catalog import Problem, ShapeError, is_size, tuple_refusal
from shapelint.dims import UNKNOWN, Shape, has_symbol, is_known, same
from shapelint.evaluator.values import (
    Configuration,
    Layer,
    Mismatch,
    Origin,
    Requirement,
    SequentialValue,
    Source,
    Tensor,
)

Flow = Tensor | tuple
"""What passes between the children of a Sequential."""


@dataclass
class Trace:
    """What a traced evaluation applied, in order: each layer with the tensor it gave, and each statement that bound
    a tensor of a new shape (the editor's hints); and for each of them, the inputs of the model runs that reached it."""

    layers: list[tuple[Layer, Tensor]] = field(default_factory=list)
    statements: list[tuple[cst.BaseSmallStatement, Tensor, Shape | None]] = field(default_factory=list)
    """Each statement with the tensor it bound and the shape of the tensor that name held before, if one."""
    inputs: dict[int, list[Origin | None]] = field(default_factory=dict)
    """By id of a layer's or a statement's node: where the input of each model run that reached it came from."""
    program_only: bool = False
    """Leave out what runs on made-up inputs give (a Sequential or a ``forward`` nothing feeds, run on an unknown
    tensor to check what does not depend on it): no run of the program gives it.  The editor's hints want only the
    program's runs; a measure of what the analysis knows wants all."""
    source: Origin | None = None
    running: bool = False
    made_up: int = 0
    """How many runs on made-up inputs are under way."""

    @contextmanager
    def unrecorded(self) -> Iterator[None]:
        """A run on made-up inputs, within which nothing is recorded for :attr:`program_only`."""
        self.made_up += 1
        try:
            yield
        finally:
            self.made_up -= 1

    @contextmanager
    def run_from(self, flow: object) -> Iterator[None]:
        """Within an outermost model run, remember where its input came from; a nested run keeps the outer's."""
        if self.running:
            yield
            return
        self.running, self.source = True, flow.origin if isinstance(flow, Tensor) else None
        try:
            yield
        finally:
            self.running, self.source = False, None

    def layer(self, layer: Layer, tensor: Tensor) -> None:
        if self.made_up and self.program_only:
            return
        self.layers.append((layer, tensor))
        self.inputs.setdefault(id(layer.node), []).append(self.source)

    def statement(self, statement: cst.BaseSmallStatement, tensor: Tensor, before: Shape | None) -> None:
        if self.made_up and self.program_only:
            return
        self.statements.append((statement, tensor, before))
        self.inputs.setdefault(id(statement), []).append(self.source)


class Propagator:
    """Applies module values to tensors and collects :class:`Mismatch` records.

    ``call_other`` applies anything that is not a catalogued layer or a
    Sequential: a user module's ``forward``, which the evaluator runs.
    """

    def __init__(self, call_other: Callable[[object, Flow], object]) -> None:
        self.mismatches: list[Mismatch] = []
        self.requirements: dict[int, list[Requirement]] = {}
        """For each expression written for an input size (by node id), the value each checked run needed."""
        self._required: list[int] = []
        """The keys of :attr:`requirements` in the order they were added, and, for each mismatch, how many there were
        when it was recorded: what :meth:`withdraw` takes back."""
        self._required_at: list[int] = []
        self.trace: Trace | None = None
        self.configuration: Configuration | None = None
        """The outermost user model whose ``forward`` is running."""
        self.fed: Tensor | None = None
        """What that model was fed."""
        self.called_at: cst.CSTNode | None = None
        """The call, written in the code, that runs the outermost model."""
        self.call_other = call_other
        self.applied = 0
        """How many times a module was applied: a step of a loop that applied none checked nothing."""
        self.training = True
        """Whether every model is certainly in training mode (:mod:`~shapelint.evaluator.modes`): what a layer refuses
        only in that mode is then reported."""
        self.hooks: dict[int, bool] = {}
        """Modules given a forward hook that may replace what they return (``False``), or a pre-hook that may
        replace what they are given (``True``), by id: what they give is unknown, and a pre-hooked one is not
        checked on its input."""

    @contextmanager
    def tracing(self) -> Iterator[Trace]:
        """Record each layer applied while the block runs."""
        self.trace = Trace()
        try:
            yield self.trace
        finally:
            self.trace = None

    def made_up(self, made_up: bool) -> contextlib.AbstractContextManager[None]:
        """Mark a run on made-up inputs (when ``made_up``): a :attr:`Trace.program_only` trace records nothing in it."""
        return self.trace.unrecorded() if made_up and self.trace is not None else contextlib.nullcontext()

    def run(self, module: object, flow: Flow) -> object:
        """Apply ``module`` to a tensor, or to the ``(output, state)`` tuple a recurrent layer returned.

        A Sequential hands such a tuple on as torch does, so a user module after an
        LSTM can pick the output; a catalogued layer given a tuple knows nothing.
        """
        return self._wrapped(module, flow, lambda: self._apply_module(module, flow))

    def _wrapped(self, module: object, flow: object, apply: Callable[[], object]) -> object:
        """A run's bookkeeping around ``apply``: where the trace's input came from, and hooks that replace a result."""
        if self.trace is None:
            return self._apply(module, apply)
        with self.trace.run_from(flow):
            return self._apply(module, apply)

    def hook(self, module: object, before: bool) -> None:
        """``module.register_forward_hook(hook)`` (or ``_pre_hook``, ``before``) with a hook that may return a value."""
        self.hooks[id(module)] = self.hooks.get(id(module), False) or before

    def _apply(self, module: object, apply: Callable[[], object]) -> object:
        hooked = self.hooks.get(id(module)) if self.hooks else None
        if hooked:
            return UNKNOWN
        result = apply()
        return result if hooked is None else UNKNOWN

    def _apply_module(self, module: object, flow: Flow) -> object:
        self.applied += 1
        if isinstance(module, Layer):
            tensor = flow if isinstance(flow, Tensor) else Tensor(Shape.anything())
            if module.kind.rule_inputs > 1:
                return UNKNOWN  # one tensor (in a Sequential) is not the other input the output follows
            if module.kind.sublayers is not None:
                return self.through_container(module, tensor)
            return self.through_layer(module, tensor)
        if isinstance(module, SequentialValue):
            previous: object = None
            for _, child in module.children:
                if isinstance(child, Layer) and isinstance(previous, Layer) and _takes_state(previous, child, flow):
                    self.reject_state(child, previous, flow)
                    value: object = UNKNOWN
                else:
                    value = self.run(child, flow)
                flow = value if isinstance(value, (Tensor, tuple)) else Tensor(Shape.anything())
                previous = child
            return flow
        return self.call_other(module, flow)

    def through_layer(self, layer: Layer, tensor: Tensor) -> object:
        """The layer's output tensor, or ``(output, state)`` for a layer with a state (LSTM)."""
        try:
            shape: Shape | None = layer.kind.infer(layer.args, tensor.shape, checked=layer.valid)
            if self.training and layer.kind.training_rule is not None:
                layer.kind.training_rule(layer.args, tensor.shape)
            layer.valid = True
            self.accept(layer, tensor.shape)
            _settle(layer, tensor.shape)
        except ShapeError as error:
            self.reject(layer.kind.name, layer.node, error, tensor, layer)
            shape = self.after_error(layer, error, tensor.shape)
        origin = Origin(layer.kind.name, layer.node, before=tensor.shape, producer=layer)
        result = self.step(tensor, Shape.anything() if shape is None else shape, origin)
        if self.trace is not None:
            self.trace.layer(layer, result)
        indices = layer.args.get("return_indices", False)
        if indices is True:  # ``nn.MaxPool2d(2, return_indices=True)``: the values and their indices
            return result, Tensor(result.shape.with_dtype("int"), origin)
        if indices is not False:
            return UNKNOWN
        if layer.kind.state is None:
            return result
        state = UNKNOWN if shape is None else layer.kind.state(layer.args, tensor.shape)
        return (result, _tensors(state, Origin(f"{layer.kind.name} state", layer.node)))

    def check_extra(self, layer: Layer, tensor: Tensor, state: object, node: cst.CSTNode) -> None:
        """The inputs after the first, checked against it at the call that passes them: ``gru(x, hidden)``'s initial
        state (a bidirectional encoder's ``(2, B, H)`` handed to a one-way decoder), nn.Transformer's ``tgt``."""
        given = state if isinstance(state, tuple) else (state,)
        if layer.kind.extra_rule is None or not given or not all(isinstance(part, Tensor) for part in given):
            return
        try:
            layer.kind.extra_rule(layer.args, tensor.shape, tuple(part.shape for part in given))
        except ShapeError as error:
            self.reject(layer.kind.name, node, error, given[0])

    def through_inputs(self, layer: Layer, inputs: Sequence[object], node: cst.CSTNode) -> object:
        """``transformer(src, tgt)``: each of the kind's ``rule_inputs`` checked by its rule, the output the last one's,
        then its extra rule between them.  One input that is no tensor, or one refused, leaves the output unknown:
        no single repair of the layer need fit both inputs."""
        return self._wrapped(layer, inputs[0], lambda: self._through_inputs(layer, inputs, node))

    def _through_inputs(self, layer: Layer, inputs: Sequence[object], node: cst.CSTNode) -> object:
        self.applied += 1
        given = inputs[: layer.kind.rule_inputs]
        tensors = [part for part in given if isinstance(part, Tensor)]
        if len(tensors) < layer.kind.rule_inputs:
            return UNKNOWN
        before = len(self.mismatches)
        for tensor in tensors[:-1]:
            self.check_input(layer, tensor)
        if len(self.mismatches) != before:
            return UNKNOWN
        result = self.through_layer(layer, tensors[-1])
        if len(self.mismatches) != before:
            return UNKNOWN
        self.check_extra(layer, tensors[0], tuple(tensors[1:]), node)
        return result

    def check_input(self, layer: Layer, tensor: Tensor) -> None:
        """The layer's rule on an input whose result it does not return."""
        try:
            layer.kind.infer(layer.args, tensor.shape, checked=layer.valid)
        except ShapeError as error:
            self.reject(layer.kind.name, layer.node, error, tensor, layer)
            return
        layer.valid = True
        self.accept(layer, tensor.shape)
        _settle(layer, tensor.shape)

    def through_container(self, layer: Layer, tensor: Tensor) -> Tensor:
        """A container's own checks, then the modules it holds (TransformerEncoder's layers), each reporting itself."""
        try:
            layer.kind.infer(layer.args, tensor.shape)
        except ShapeError as error:
            self.reject(layer.kind.name, layer.node, error, tensor, layer)
            return Tensor(Shape.anything())
        flow = tensor
        for child in layer.kind.sublayers(layer.args):  # type: ignore[misc]
            value = self.run(child, flow)
            flow = value if isinstance(value, Tensor) else Tensor(Shape.anything())
        if self.trace is not None:
            self.trace.layer(layer, flow)
        return flow

    def accept(self, layer: Layer, shape: Shape) -> None:
        """Remember an expression written for an input size that was checked and found right."""
        name = layer.kind.input_arg
        source = None if name is None else layer.arg_nodes.get(name)
        if name is None or source is None:
            return
        if same(layer.args[name], layer.kind.expected_input_size(layer.args, shape)):
            self.require(source, layer.args[name])

    def require(self, source: Source, needed: object) -> None:
        """Note that the run now going on needs ``needed`` where ``source`` is written."""
        requirement = Requirement(needed, source.scope, self.configuration)
        self.requirements.setdefault(id(source.node), []).append(requirement)
        self._required.append(id(source.node))

    @staticmethod
    def step(tensor: Tensor, shape: Shape, origin: Origin) -> Tensor:
        """The result of one step; a step that keeps the shape keeps its origin too."""
        return Tensor(shape, tensor.origin if shape == tensor.shape else origin)

    def reject_state(self, layer: Layer, recurrent: Layer, flow: object) -> None:
        """A layer right after an LSTM in a Sequential is handed the ``(output, state)`` tuple, which torch refuses."""
        first = flow[0] if isinstance(flow, tuple) and flow else None
        output = first if isinstance(first, Tensor) else Tensor(Shape.anything())
        error = tuple_refusal(layer.kind, recurrent.kind)
        self.reject(layer.kind.name, layer.node, error, output, layer)

    def reject(
        self,
        label: str,
        node: cst.CSTNode,
        error: ShapeError,
        tensor: Tensor,
        layer: Layer | None = None,
        target: Tensor | None = None,
    ) -> None:
        configuration, fed, called_at = self.configuration, self.fed, self.called_at
        self.mismatches.append(
            Mismatch(label, node, error, tensor.shape, tensor.origin, layer, configuration, fed, called_at, target)
        )
        self._required_at.append(len(self._required))
        source = layer.arg_nodes.get(error.argument) if layer is not None and error.argument else None
        if source is not None and error.problem is Problem.SIZE:
            self.require(source, error.expected)

    def assumed_right(self) -> bool:
        """Whether a wrong input size was rejected, after which its run went on as if the size had been right: a
        shape computed since may hold only under that assumption (a VAE fed unflattened images gives a
        reconstruction of an impossible rank), so what is checked on it alone, a loss against its target, stays
        silent."""
        return any(mismatch.error.problem is Problem.SIZE for mismatch in self.mismatches)

    def withdraw(self, start: int) -> None:
        """Take back the mismatches from the ``start``-th on, and what was required from the first of them on: torch
        raised there and the code caught it, so nothing after it ran as evaluated."""
        kept = self._required_at[start]
        for key in reversed(self._required[kept:]):
            self.requirements[key].pop()
        del self._required[kept:], self.mismatches[start:], self._required_at[start:]

    def withdraw_since(self, start: int) -> bool:
        """:meth:`withdraw` what was rejected from the ``start``-th mismatch on; whether there was any."""
        if len(self.mismatches) == start:
            return False
        self.withdraw(start)
        return True

    def after_error(self, layer: Layer, error: ShapeError, shape: Shape) -> Shape | None:
        """The output as if a wrong input size had been right; ``None`` (unknown) after other errors, and where the
        size it needed is no number that could be written (a batch read as channels: ``Conv2d`` fed ``(B, 28, 28)``
        needs ``in_channels=B``, and the fix is a channel dimension, not that size)."""
        expected = error.expected
        if error.problem is not Problem.SIZE or error.argument is None or expected is UNKNOWN or has_symbol(expected):
            return None
        repaired = {**layer.args, error.argument: expected}
        try:
            return layer.kind.infer(repaired, shape)
        except ShapeError:
            return None


def _takes_state(previous: Layer, child: Layer, flow: object) -> bool:
    """A catalogued layer straight after a recurrent one in a Sequential: torch hands it the ``(output, state)``
    tuple."""
    return previous.kind.state is not None and isinstance(flow, tuple) and not child.kind.accepts_tuple


def _tensors(state: object, origin: Origin) -> object:
    """A layer's state as the evaluator's values: shapes become tensors, tuples stay tuples."""
    if isinstance(state, Shape):
        return Tensor(state, origin)
    if isinstance(state, tuple):
        return tuple(_tensors(item, origin) for item in state)
    return UNKNOWN


def _settle(layer: Layer, shape: Shape) -> None:
    """A runtime layer built without its input size takes it from the first input that fixes it, as its build does."""
    name = layer.inferred
    if name is None or is_known(layer.args[name]):
        return
    expected = layer.kind.expected_input_size(layer.args, shape)
    if is_size(expected):
        layer.args[name] = expected
