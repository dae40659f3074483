"""All of a file's fixes in one libcst pass, each keyed by the node it replaces (TorchFix's replacement map).

Only the targeted expressions change; libcst regenerates every other byte
(comments, parentheses, quote styles, CRLF, BOM, declared encoding) as it was.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import libcst as cst


class FixError(ValueError):
    """A fix that cannot be applied as given, or a fixed text that fails verification."""


def replace_nodes(
    module: cst.Module, replacements: Iterable[tuple[cst.CSTNode, str]]
) -> tuple[cst.Module, dict[cst.CSTNode, cst.CSTNode]]:
    """``module`` with each node replaced by the expression its text spells, and each original's replacement node.

    The same replacement twice counts once; two different ones for a node, or a
    node inside another that is replaced, cannot share one pass: :class:`FixError`.
    """
    texts: dict[cst.CSTNode, str] = {}
    for node, text in replacements:
        if texts.setdefault(node, text) != text:
            raise FixError(f"conflicting fixes: {texts[node]!r} and {text!r} for one expression")
    targets: dict[cst.CSTNode, cst.CSTNode] = {node: _replacement(node, text) for node, text in texts.items()}
    rewritten = module.visit(_Replace(targets))
    return rewritten, targets


def _replacement(original: cst.CSTNode, text: str) -> cst.BaseExpression:
    """The new value, in the original's parentheses, or its own; a bare tuple gets some so it stays one argument."""
    if not isinstance(original, cst.BaseExpression):
        raise FixError(f"a fix can only replace an expression, not a {type(original).__name__}")
    try:
        new = cst.parse_expression(text)
    except cst.ParserSyntaxError as error:
        raise FixError(f"replacement {text!r} is not an expression") from error
    lpar, rpar = (original.lpar, original.rpar) if original.lpar else (new.lpar, new.rpar)
    if not lpar and isinstance(new, cst.Tuple):
        lpar, rpar = (cst.LeftParen(),), (cst.RightParen(),)
    return new.with_changes(lpar=lpar, rpar=rpar)


class _Replace(cst.CSTTransformer):
    """Swaps each targeted node for its replacement; refuses a target nested in another."""

    def __init__(self, targets: Mapping[cst.CSTNode, cst.CSTNode]) -> None:
        super().__init__()
        self.targets = targets
        self.inside: cst.CSTNode | None = None

    def on_visit(self, node: cst.CSTNode) -> bool:
        if node in self.targets:
            if self.inside is not None:
                raise FixError("conflicting fixes: one replaces an expression inside another's")
            self.inside = node
        return True

    # libcst types on_leave as returning the node's own type; a fix may put an expression of another kind there.
    def on_leave(self, original_node: cst.CSTNode, updated_node: cst.CSTNode) -> cst.CSTNode:  # type: ignore[override]
        if original_node is self.inside:
            self.inside = None
        return self.targets.get(original_node, updated_node)
