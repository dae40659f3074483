"""Where a model's input shape comes from: every source, tried in one documented order.

The order (the first source that gives a shape wins):

1. ``input_shape=`` of a ``shapelint.runtime`` Sequential, batch excluded;
2. a directive, ``# shapelint: input=(B, 3, 32, 32)``, on the first line of the
   statement that builds the model, on the line of the model's call inside it,
   or on the line above either; for a class, on its ``class`` line or above;
3. a jaxtyping annotation of ``forward``'s first argument (classes only);
4. the first example call, ``model(torch.randn(2, 3, 32, 32))``, or
   ``torchinfo``/``torchsummary`` ``summary(model, input_size=...)`` that ran the
   model on a fully known shape.

The lint gives the evaluator sources 1 to 3 while it runs, since example calls
run the model themselves; the summary, which runs one model once, uses all four.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import libcst as cst

from shapelint.dims import Shape
from shapelint.evaluator import ClassValue, Example, Instance, Layer, Origin, SequentialValue, Tensor
from shapelint.inputs.annotations import annotated_input
from shapelint.inputs.directives import Directive
from shapelint.inputs.first_layer import first_layer
from shapelint.source import Positions


class InputSources:
    """What one file says about its models' inputs: directives by line, annotations, and (optionally) example calls."""

    def __init__(
        self, directives: Mapping[int, Directive], positions: Positions, examples: Sequence[Example] = ()
    ) -> None:
        self.directives = directives
        self.positions = positions
        self.examples = examples
        self.unbatched: dict[int, str] = {}
        """Directives left unused because they leave out the batch, by line, with why (reported as SHP100)."""

    def with_examples(self, examples: Sequence[Example]) -> InputSources:
        return InputSources(self.directives, self.positions, examples)


def resolve_input(model: object, sources: InputSources, statement: cst.CSTNode | None = None) -> Tensor | None:
    """The input of ``model`` (a Sequential, a class or an instance) from the first source that gives one.

    ``statement`` is the statement that built a Sequential, where its directive is looked for.
    """
    inputs = resolve_inputs(model, sources, statement)
    return inputs[0] if inputs else None


def resolve_inputs(
    model: object, sources: InputSources, statement: cst.CSTNode | None = None
) -> tuple[Tensor, ...] | None:
    """Every input the first source gives ``model``, in the order of ``forward``'s arguments: a directive may declare
    several (``# shapelint: input=(B, 3, 32, 32), (B, 10)``), the other sources one."""
    declared = _declared(model, sources, statement)
    if declared is not None:
        return declared
    example = _from_examples(model, sources.examples)
    return (example,) if example is not None else None


def _declared(model: object, sources: InputSources, statement: cst.CSTNode | None) -> tuple[Tensor, ...] | None:
    if isinstance(model, SequentialValue):
        return _sequential_input(model, sources, statement or model.node)
    if isinstance(model, Instance):
        built_here = _directive_input(sources, statement) if statement is not None and sources.directives else None
        if built_here is not None:
            return _unless_batchless(model, built_here, sources)
        return _class_input(model.cls, sources, model)
    if isinstance(model, ClassValue):
        return _class_input(model, sources)
    return None


def _sequential_input(
    sequential: SequentialValue, sources: InputSources, statement: cst.CSTNode
) -> tuple[Tensor, ...] | None:
    if sequential.input_shape is not None:
        line = sources.positions.line(sequential.node, within=statement)
        return (Tensor(sequential.input_shape, Origin(f"input_shape {sequential.input_shape} given", line=line)),)
    if sources.directives:
        declared = _directive_input(sources, statement, sequential.node)
        return None if declared is None else _unless_batchless(sequential, declared[:1], sources)
    return None


def _unless_batchless(
    model: SequentialValue | Instance, declared: tuple[Tensor, ...], sources: InputSources
) -> tuple[Tensor, ...] | None:
    """A directive's inputs, or ``None`` when they look written without the batch (noted, for SHP100): nothing is
    checked, and so nothing fixed, from such an input."""
    origin = declared[0].origin
    reason = _without_batch(first_layer(model), declared[0].shape) if len(declared) == 1 else None
    if reason is None or origin is None or origin.line is None:
        return declared
    sources.unbatched[origin.line] = reason
    return None


def _without_batch(first: Layer | None, shape: Shape) -> str | None:
    """Why a directive of whole numbers (``input=(3, 32, 32)``) looks written without its batch, as the runtime
    library's ``input_shape=`` and Keras are: the first layer would read it as one unbatched sample, where the same
    sizes after a batch fit its usual rank.  ``None`` when it does not."""
    if first is None or shape.open or not all(isinstance(dim, int) for dim in shape.dims):
        return None
    rank, kind = len(shape.dims), first.kind
    unbatched = rank == min(kind.ranks) and rank + 1 in kind.ranks if kind.ranks else rank == kind.min_rank == 1
    if not unbatched:
        return None
    sizes = ", ".join(str(dim) for dim in shape.dims)
    return (
        f"{kind.name} reads `({sizes})` as one sample without a batch, so nothing is checked from it; "
        f"did you mean `# shapelint: input=(B, {sizes})`?"
    )


def _class_input(cls: ClassValue, sources: InputSources, instance: Instance | None = None) -> tuple[Tensor, ...] | None:
    if sources.directives:
        declared = _directive_input(sources, cls.node)
        if declared is not None:
            return declared if instance is None else _unless_batchless(instance, declared, sources)
    shape = annotated_input(cls.node)
    return (Tensor(shape, Origin(f"the input {shape} annotated")),) if shape is not None else None


def _directive_input(
    sources: InputSources, statement: cst.CSTNode, node: cst.CSTNode | None = None
) -> tuple[Tensor, ...] | None:
    """The inputs declared on the first line of ``statement`` or of ``node`` within it, or on the line above.

    The node's own line is only worked out when a directive lies inside the statement.
    """
    positions, directives = sources.positions, sources.directives
    start, end = positions.extent(statement)
    lines = {start}
    if node is not None and any(start < line <= end for line in directives):
        lines.add(positions.line(node, within=statement))
    for line in sorted(lines | {line - 1 for line in lines}, reverse=True):
        directive = directives.get(line)
        if directive is not None and directive.shapes:
            return tuple(Tensor(shape, Origin(f"the input {shape} declared", line=line)) for shape in directive.shapes)
    return None


def _from_examples(model: object, examples: Sequence[Example]) -> Tensor | None:
    """The shape of the first call that ran ``model``, or an instance of the class ``model``."""
    for example in examples:
        called = example.model
        if called is model or (isinstance(model, ClassValue) and isinstance(called, Instance) and called.cls is model):
            return Tensor(example.shape, Origin("the example call", example.node))
    return None
