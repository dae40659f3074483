"""Whether a file names anything an analysis can start from: a layer, a model container, a tensor made in the file, a
``forward``, a data set, a loss (a training script's loss on an imported model's output), a summary. A file that
names none of them (a data-loading helper, a logging utility) cannot hold a finding of its own, so it is not
evaluated on its own; the files it imports are still checked when they are linted, with it run for them as an
importer. A training script that builds an imported model with its sizes (``Net(cin=1)``) can:
:func:`called_with_arguments` gives the pipeline those calls to look up.

Read off the ``ast`` tree that the parser's guard makes anyway: it costs a tenth of libcst's parse, which, with the
evaluation, the files it skips no longer pay.
"""

from __future__ import annotations

import ast

from shapelint.catalog import CATALOG, loss_rules
from shapelint.evaluator.data_pipeline import IMAGE_DATASETS
from shapelint.evaluator.names import TYPED_TENSORS
from shapelint.evaluator.tensors import FACTORIES

STARTS = (
    frozenset(CATALOG)
    | FACTORIES
    | TYPED_TENSORS.keys()
    | IMAGE_DATASETS.keys()
    | {"FakeData"}
    | loss_rules.BY_MODULE.keys()
    | loss_rules.BY_FUNCTION.keys()
    | {"Sequential", "ModuleList", "ModuleDict", "forward"}
    | {"tensor", "as_tensor", "from_numpy", "Tensor", "rearrange", "reduce", "repeat", "torchinfo", "torchsummary"}
)
"""Names whose mention may start an analysis.  A ``DataLoader``, a ``Variable`` or a bare ``nn.Module`` subclass are
not among them: they only pass on tensors and layers made elsewhere."""


def may_find(tree: ast.Module) -> bool:
    """Whether the module names one of :data:`STARTS` (as a name, an attribute, an import or a ``def``), or defines
    a loop that feeds what it draws from one parameter to another (:func:`_feeds_parameters`)."""
    return _names_a_start(tree) or any(map(_feeds_parameters, ast.walk(tree)))


def _feeds_parameters(node: ast.AST) -> bool:
    """``def train_epoch(model, loader, loss_fn): for x, y in loader: loss_fn(model(x), y)``: a training helper of
    the project, whose model, data and loss all come from its caller (a script importing it)."""
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return False
    parameters = {arg.arg for arg in (*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs)}
    loops = (loop for loop in ast.walk(node) if isinstance(loop, ast.For) and _names(loop.iter) & parameters)
    return any(_called_names(loop) & parameters for loop in loops)


def _names(node: ast.AST) -> set[str]:
    return {name.id for name in ast.walk(node) if isinstance(name, ast.Name)}


def _called_names(node: ast.AST) -> set[str]:
    """The plain names called with arguments in ``node`` (``model(x)``)."""
    calls = (call for call in ast.walk(node) if isinstance(call, ast.Call) and call.args)
    return {call.func.id for call in calls if isinstance(call.func, ast.Name)}


def _names_a_start(tree: ast.Module) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            word = node.id
        elif isinstance(node, ast.Attribute):
            word = node.attr
        elif isinstance(node, ast.alias):
            word = node.name.rpartition(".")[2]
        elif isinstance(node, ast.ImportFrom):
            word = (node.module or "").partition(".")[0]
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            word = node.name
        else:
            continue
        if word in STARTS:
            return True
    return False


def called_with_arguments(tree: ast.Module) -> frozenset[str]:
    """The plain names the module calls with at least one argument: a model built with its sizes (``Net(cin=1)``)."""
    return frozenset(
        node.func.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and (node.args or node.keywords)
    )
