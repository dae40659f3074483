"""The editor's open files and their last analyses, kept while everything they were drawn from still holds.

An analysis depends on the file's text and on what it read of its project: the modules it imports, the files that
import it (a training script that feeds its model), the layout.  Hints, hovers and code actions on an unchanged
text reuse the analysis; an edit re-analyses the edited file; a saved file re-analyses only the open files whose
analysis read it (or whose imports now resolve elsewhere), because only their answers can have changed.  An
analysis only reads the tree libcst parses, so it runs with libcst's node checks off (a fix, which builds nodes,
runs outside it).
"""

from __future__ import annotations

from dataclasses import dataclass

from shapelint.frontends.shapes import Analysis, analyse
from shapelint.project import Dependencies, recording, still_true
from shapelint.source import Reparser, paused_collector, trusted_parser


@dataclass(frozen=True)
class _Kept:
    text: str
    analysis: Analysis
    dependencies: Dependencies
    """The project's answers the analysis used."""


class Documents:
    """Each open file's last analysis, by path."""

    def __init__(self) -> None:
        self._kept: dict[str, _Kept] = {}
        self._reparsers: dict[str, Reparser] = {}
        """Each open file's parser, which re-parses only the top-level statements an edit touched."""
        self.open: dict[str, str] = {}
        """The URI the editor names each open file by, by path."""

    def analysis(self, text: str, path: str) -> Analysis:
        """The analysis of ``text`` as the file at ``path``: the kept one while it still holds, else a new one."""
        kept = self._kept.get(path)
        if kept is not None and kept.text == text and self._holds(path, kept):
            return kept.analysis
        reparser = self._reparsers.setdefault(path, Reparser())
        with recording() as dependencies, trusted_parser(), paused_collector(settle=False):
            analysis = analyse(text, path, reparser)
        self._kept[path] = _Kept(text, analysis, dependencies)
        return analysis

    def outdated(self) -> list[str]:
        """The URIs of the open files whose kept analysis no longer holds: a file they read, or a module lookup,
        changed."""
        kept = self._kept
        return [uri for path, uri in self.open.items() if path in kept and not self._holds(path, kept[path])]

    def close(self, path: str) -> None:
        self.open.pop(path, None)
        self._kept.pop(path, None)
        self._reparsers.pop(path, None)

    @staticmethod
    def _holds(path: str, kept: _Kept) -> bool:
        return still_true(path, kept.dependencies)
