"""shapelint: static shape checking and fixing for PyTorch models.

Importing this package is cheap and never imports numpy or torch: the
library API (``lint_source``, ``fix_source``) loads libcst on first use.
"""

from __future__ import annotations

__version__ = "0.1.0"

_LAZY = {"lint_source": "shapelint.lint", "fix_source": "shapelint.fix"}


def __getattr__(name: str) -> object:
    if name not in _LAZY:
        raise AttributeError(f"module 'shapelint' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(_LAZY[name]), name)
