"""Inject input-size bugs into correct models, one mutant per literal input-size argument.

A site is a torch layer call whose input-size argument is an int literal or
literal arithmetic; its mutant replaces only that value, so the rest of the
source survives byte for byte and any finding must point at the mutated line.
Names are resolved with libcst's qualified names, so ``nn.Linear``,
``torch.nn.Linear``, ``from torch.nn import Linear as L`` all count and a
user's own ``Linear`` does not.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass

import libcst as cst
from libcst.metadata import CodeRange, MetadataWrapper, PositionProvider, QualifiedNameProvider


@dataclass(frozen=True, slots=True)
class SizeArg:
    """Where a layer family keeps its input size: keyword name, positional index, expected code."""

    keyword: str
    index: int
    code: str


_LINEAR = SizeArg("in_features", 0, "SHP001")
_CONV = SizeArg("in_channels", 0, "SHP002")
_NORM = SizeArg("num_features", 0, "SHP003")

SIZE_ARGS: dict[str, SizeArg] = {
    "Linear": _LINEAR,
    "Bilinear": SizeArg("in1_features", 0, "SHP001"),
    **{f"Conv{n}d": _CONV for n in (1, 2, 3)},
    **{f"ConvTranspose{n}d": _CONV for n in (1, 2, 3)},
    **{f"BatchNorm{n}d": _NORM for n in (1, 2, 3)},
    **{f"InstanceNorm{n}d": _NORM for n in (1, 2, 3)},
    "GroupNorm": SizeArg("num_channels", 1, "SHP003"),
    "LayerNorm": SizeArg("normalized_shape", 0, "SHP003"),
    **{name: SizeArg("input_size", 0, "SHP001") for name in ("RNN", "LSTM", "GRU", "RNNCell", "LSTMCell", "GRUCell")},
    "MultiheadAttention": SizeArg("embed_dim", 0, "SHP001"),
    **{f"Transformer{part}Layer": SizeArg("d_model", 0, "SHP001") for part in ("Encoder", "Decoder")},
}
"""Layer name under ``torch.nn`` → its input-size argument."""

_DIVISIBILITY_KEEPERS = frozenset(
    {"GroupNorm", "MultiheadAttention", "TransformerEncoderLayer", "TransformerDecoderLayer"}
)
"""Layers whose size a head or group count must still divide: their mutants double it."""


@dataclass(frozen=True, slots=True)
class Mutant:
    """One injected bug: the mutated source and where a linter must point."""

    layer: str
    code: str
    line: int
    original: str
    replacement: str
    source: str


def literal_int(node: cst.BaseExpression) -> int | None:
    """The value of an int literal or literal arithmetic over ints, else ``None``."""
    if isinstance(node, cst.Integer):
        return int(node.value, 0)
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus):
        inner = literal_int(node.expression)
        return None if inner is None else -inner
    if isinstance(node, cst.BinaryOperation):
        left, right = literal_int(node.left), literal_int(node.right)
        if left is None or right is None:
            return None
        return _arith(node.operator, left, right)
    return None


def _arith(operator: cst.BaseBinaryOp, left: int, right: int) -> int | None:
    if isinstance(operator, cst.Add):
        return left + right
    if isinstance(operator, cst.Subtract):
        return left - right
    if isinstance(operator, cst.Multiply):
        return left * right
    if isinstance(operator, cst.FloorDivide) and right:
        return left // right
    if isinstance(operator, cst.Power) and 0 <= right < 8:
        return left**right
    return None


def wrong_value(value: int, ordinal: int, keep_divisible: bool) -> int:
    """A plausible wrong size, rotating over +1, ×2 and //2; ×2 when groups must still divide it."""
    if keep_divisible:
        return value * 2
    choices = [value + 1, value * 2] + ([value // 2] if value > 1 else [])
    return choices[ordinal % len(choices)]


def _size_value(call: cst.Call, size: SizeArg) -> cst.BaseExpression | None:
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == size.keyword:
            return arg.value
    positional = [arg for arg in call.args if arg.keyword is None]
    if any(arg.star for arg in positional[: size.index + 1]):
        return None
    return positional[size.index].value if len(positional) > size.index else None


def _has_groups(call: cst.Call) -> bool:
    return any(arg.keyword is not None and arg.keyword.value == "groups" for arg in call.args) or len(
        [arg for arg in call.args if arg.keyword is None]
    ) > 6


@dataclass(frozen=True, slots=True)
class _Site:
    where: CodeRange
    layer: str
    code: str
    text: str
    primary: bool
    value: int | None
    keep_divisible: bool


class _Sites(cst.CSTVisitor):
    """Collects every input-size argument of a torch layer call, in source order."""

    METADATA_DEPENDENCIES = (QualifiedNameProvider, PositionProvider)

    def __init__(self, module: cst.Module) -> None:
        self.module = module
        self.sites: list[_Site] = []

    def visit_Call(self, node: cst.Call) -> None:
        layer = self._torch_layer(node)
        if layer is None:
            return
        size = SIZE_ARGS[layer]
        value_node = _size_value(node, size)
        if value_node is None or isinstance(value_node, (cst.Tuple, cst.List, cst.BaseString)):
            return
        value = literal_int(value_node)
        if value is not None and value <= 0:
            return
        where = self.get_metadata(PositionProvider, value_node)
        keep = layer in _DIVISIBILITY_KEEPERS or _has_groups(node)
        text = self.module.code_for_node(value_node.with_changes(lpar=(), rpar=()))
        primary = isinstance(value_node, _PRIMARY)
        self.sites.append(_Site(where, layer, size.code, text, primary, value, keep))

    def _torch_layer(self, node: cst.Call) -> str | None:
        for name in self.get_metadata(QualifiedNameProvider, node.func, set()):
            module, _, layer = name.name.rpartition(".")
            if module == "torch.nn" and layer in SIZE_ARGS:
                return layer
        return None


def _splice(source: str, where: CodeRange, text: str) -> str:
    """``source`` with the characters in ``where`` (parentheses excluded) replaced by ``text``."""
    lines = io.StringIO(source, newline="").readlines()
    head = "".join(lines[: where.start.line - 1]) + lines[where.start.line - 1][: where.start.column]
    tail = lines[where.end.line - 1][where.end.column :] + "".join(lines[where.end.line :])
    return head + text + tail


_PRIMARY = (cst.Name, cst.Attribute, cst.Subscript, cst.Call, cst.Integer)


def _doubled(site: _Site) -> str:
    """The site's text times two, parenthesised unless it is a primary expression."""
    return f"{site.text} * 2" if site.primary else f"({site.text}) * 2"


def mutants(source: str, expressions: bool = False) -> Iterator[Mutant]:
    """One mutant per input-size argument of ``source``, in source order.

    By default only literal sites are mutated, the held-out judge's setting;
    ``expressions=True`` mutates the other sites instead (names, attributes,
    config lookups) by doubling them, a harder and informational measure.
    """
    wrapper = MetadataWrapper(cst.parse_module(source), unsafe_skip_copy=True)
    finder = _Sites(wrapper.module)
    wrapper.visit(finder)
    ordinal = 0
    for site in finder.sites:
        if (site.value is None) != expressions:
            continue
        if site.value is None:
            replacement = _doubled(site)
        else:
            replacement = str(wrong_value(site.value, ordinal, site.keep_divisible))
            ordinal += 1
        line = site.where.start.line
        yield Mutant(site.layer, site.code, line, site.text, replacement, _splice(source, site.where, replacement))
