"""The front ends: the command line (lint, fix, summary), the flake8 plugin, and the pieces they share.

Each only translates options and output around the library API; the
command line's module imports nothing heavy until it runs.
"""

from shapelint.frontends.cli import main

__all__ = ["main"]
