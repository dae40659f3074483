"""The evaluator: runs a module abstractly (never its code) and reports models, example calls and mismatches.

``evaluate(module) -> Evaluation`` is the entry point; the value types below
are what an :class:`Evaluation` holds.
"""

from shapelint.evaluator.evaluation import Evaluation, Project, Replay, evaluate
from shapelint.evaluator.flow import Trace
from shapelint.evaluator.machine import DeclaredInput, ModuleSource
from shapelint.evaluator.modules import named_layers
from shapelint.evaluator.readback import layer_attribute, loop_bound, read, visible_sizes
from shapelint.evaluator.starts import called_with_arguments, may_find
from shapelint.evaluator.values import (
    ClassValue,
    Configuration,
    Example,
    Instance,
    Layer,
    Mismatch,
    Origin,
    Requirement,
    SequentialValue,
    Source,
    Tensor,
)

__all__ = [
    "ClassValue",
    "Configuration",
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
    "Requirement",
    "SequentialValue",
    "Source",
    "Tensor",
    "Trace",
    "called_with_arguments",
    "evaluate",
    "layer_attribute",
    "loop_bound",
    "may_find",
    "named_layers",
    "read",
    "visible_sizes",
]
