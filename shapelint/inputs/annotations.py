"""Input shapes read from jaxtyping annotations: ``x: Float[Tensor, "batch 3 32 32"]``."""

from __future__ import annotations

import libcst as cst

from shapelint.dims import UNKNOWN, Dim, Shape, Symbol


def annotated_input(cls: cst.ClassDef) -> Shape | None:
    """The shape annotated on ``forward``'s first tensor argument, if any."""
    for statement in cls.body.body:
        if isinstance(statement, cst.FunctionDef) and statement.name.value == "forward":
            params = [*statement.params.posonly_params, *statement.params.params]
            if len(params) >= 2 and params[1].annotation is not None:
                return _jaxtyping_shape(params[1].annotation.annotation)
    return None


def _jaxtyping_shape(annotation: cst.BaseExpression) -> Shape | None:
    if not isinstance(annotation, cst.Subscript) or len(annotation.slice) != 2:
        return None
    spec = annotation.slice[1].slice
    if not isinstance(spec, cst.Index) or not isinstance(spec.value, cst.SimpleString):
        return None
    text = spec.value.evaluated_value
    return parse_dims(text) if isinstance(text, str) else None


def parse_dims(text: str) -> Shape:
    """jaxtyping's dimension grammar, as far as a linter may trust it."""
    dims: list[Dim] = []
    open_prefix = False
    for token in text.split():
        if token.isdigit():
            dims.append(int(token))
        elif token.startswith(("*", "...")) or token == "...":
            if dims:
                return Shape.anything()
            open_prefix = True
        elif token.isidentifier() and token != "_":
            dims.append(Symbol(token))
        else:
            dims.append(UNKNOWN)
    return Shape(tuple(dims), open_prefix)
