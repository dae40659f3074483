"""Walks Sequentials and Modules, propagates shapes, and emits diagnostics."""

from __future__ import annotations

import libcst as cst

from shapelint.diagnostics import Diagnostic


def check_module(module: cst.Module, path: str) -> list[Diagnostic]:
    """All shape findings in one parsed module."""
    return []
