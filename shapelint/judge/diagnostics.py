"""A finding as plain data: where, which code, what was found and expected, and the fix."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace the source between two 1-based positions with ``replacement``.

    A fix is *safe* when the replaced text is a literal or constant
    expression; replacing a name or attribute could change other uses, so
    those fixes are unsafe and applied only on request.
    """

    line: int
    column: int
    end_line: int
    end_column: int
    replacement: str
    safe: bool


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding; lines and columns are 1-based, as in ruff and flake8's output."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    message: str
    expected: object = None
    found: object = None
    fix: Fix | None = None
    cell: int | None = None
    """In a notebook, the 1-based cell the lines count in; None in a Python file."""

    def fixable(self, unsafe: bool = False) -> bool:
        """Whether ``--fix`` repairs this finding, given the ``--unsafe-fixes`` choice."""
        return self.fix is not None and (self.fix.safe or unsafe)
