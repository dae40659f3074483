"""The evaluator: runs a module abstractly (never its code) and reports models, example calls and mismatches.

``evaluate(module) -> Evaluation`` is the entry point; the value types below
are what an :class:`Evaluation` holds.
"""

from shapelint.evaluator.evaluation import Evaluation, Project, Replay, evaluate
from shapelint.evaluator.flow import Trace
from shapelint.evaluator.imports import absolute_module
from shapelint.evaluator.machine import DeclaredInput, ModuleSource
from shapelint.evaluator.modules import named_layers
from shapelint.evaluator.starts import may_find
from shapelint.evaluator.values import (
    ClassValue,
    Example,
    Instance,
    Layer,
    Mismatch,
    Origin,
    SequentialValue,
    Source,
    Tensor,
)

__all__ = [
    "ClassValue",
    "DeclaredInput",
    "Evaluation",
    "Example",
    "Instance",
    "Layer",
    "Mismatch",
    "ModuleSource",
    "Origin",
    "Project",
    "Replay",
    "SequentialValue",
    "Source",
    "Tensor",
    "Trace",
    "absolute_module",
    "evaluate",
    "may_find",
    "named_layers",
]
