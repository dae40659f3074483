"""How an import statement names a module: the one rule the evaluator and the project's import scan share."""

from __future__ import annotations


def absolute_module(level: int, written: str, package: str) -> str | None:
    """The module ``from <level dots><written> import ...`` names in ``package``; ``None`` above the top package."""
    if not level:
        return written
    parts = package.split(".") if package else []
    if level > len(parts):
        return None
    base = ".".join(parts[: len(parts) - level + 1])
    return f"{base}.{written}" if written else base
