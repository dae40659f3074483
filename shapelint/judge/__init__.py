"""The judge: turns an evaluation into findings, each with its code, message, place and fix.

The code table (:data:`CODES`, by name; :data:`BY_CODE`, by code) is the one
list of what shapelint reports.  It and the plain-data :class:`Diagnostic`
import nothing heavy, so front ends read them before any analysis loads;
``judge`` and ``Finding`` load the analysis on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from shapelint.judge.codes import BY_CODE, CODES, Code
from shapelint.judge.diagnostics import Diagnostic, Fix

if TYPE_CHECKING:
    from shapelint.judge.checks import Finding, judge

__all__ = ["BY_CODE", "CODES", "Code", "Diagnostic", "Finding", "Fix", "judge"]

_LAZY = frozenset({"Finding", "judge"})


def __getattr__(name: str) -> object:
    if name not in _LAZY:
        raise AttributeError(f"module 'shapelint.judge' has no attribute {name!r}")
    from shapelint.judge import checks

    return getattr(checks, name)
