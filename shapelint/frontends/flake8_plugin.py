"""flake8 plugin: the same findings as the CLI, as ``SHPnnn`` errors; flake8 cannot fix, so it says who can."""

from __future__ import annotations

from collections.abc import Iterator

from shapelint import __version__
from shapelint.judge import Diagnostic

FIX_HINT = " (shapelint --fix repairs this)"
UNSAFE_FIX_HINT = " (shapelint --fix --unsafe-fixes repairs this)"


def _message(d: Diagnostic) -> str:
    hint = FIX_HINT if d.fixable() else UNSAFE_FIX_HINT if d.fixable(unsafe=True) else ""
    return f"{d.code} {d.message}{hint}"


class ShapeChecker:
    """A flake8 "tree" plugin that reads ``lines``: shapelint needs the source text for libcst.

    flake8 classifies a plugin by its first parameter, so ``tree`` must be
    accepted even though it is not used.
    """

    name = "shapelint"
    version = __version__

    def __init__(self, tree: object, lines: list[str], filename: str) -> None:
        self.lines = lines
        self.filename = filename

    def run(self) -> Iterator[tuple[int, int, str, type]]:
        """Decides from the text, before libcst and the analysis are imported: flake8 on files that never mention
        torch costs the same with the plugin installed."""
        from shapelint.frontends.files import might_hold_model

        source = "".join(self.lines)
        if not might_hold_model(source.encode("utf-8", "surrogateescape")):
            return
        from shapelint.lint import PARSE_ERRORS, lint_source

        try:
            found = lint_source(source, self.filename)
        except PARSE_ERRORS:
            return
        for d in found:
            yield d.line, d.column - 1, _message(d), type(self)
