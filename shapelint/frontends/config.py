"""``[tool.shapelint]`` in pyproject.toml: default select, ignore and exclude."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from shapelint.frontends.files import matches
from shapelint.judge import BY_CODE

KEYS = ("select", "ignore", "exclude", "per-file-ignores", "max-file-size")


class ConfigError(ValueError):
    """A configuration or option the user must correct; the CLI exits 2."""


@dataclass(frozen=True, slots=True)
class Selection:
    """Which codes are reported; entries are code prefixes, ``ignore`` wins over ``select``."""

    select: tuple[str, ...] = ("SHP",)
    ignore: tuple[str, ...] = ()
    per_file: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """``per-file-ignores``: a glob (as ``exclude``'s) and the code prefixes left out of the files it matches."""
    root: str = "."

    def wants(self, code: str) -> bool:
        return code.startswith(self.select) and not code.startswith(self.ignore)

    def for_path(self, path: str) -> Selection:
        """The selection for one file: its per-file ignores added to the ignored codes."""
        extra = tuple(code for glob, codes in self.per_file if matches(path, (glob,), self.root) for code in codes)
        return Selection(self.select, self.ignore + extra) if extra else self


@dataclass(frozen=True, slots=True)
class Config:
    """The settings of one run; ``root`` is where exclude globs are relative to."""

    selection: Selection = field(default_factory=Selection)
    exclude: tuple[str, ...] = ()
    root: str = "."
    max_bytes: int | None = None
    """``max-file-size``, in bytes: larger files are skipped with a notice (the runner's default when unset)."""


def check_prefixes(prefixes: tuple[str, ...], where: str) -> tuple[str, ...]:
    """Reject a prefix that matches no code, so a typo cannot silently select nothing."""
    for prefix in prefixes:
        if not any(code.startswith(prefix) for code in BY_CODE):
            raise ConfigError(f"{where}: {prefix!r} matches no shapelint code (codes: {', '.join(BY_CODE)})")
    return prefixes


def _strings(table: dict[str, object], key: str, where: str) -> tuple[str, ...] | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where}: `{key}` must be a list of strings, got {value!r}")
    return tuple(value)


def parse_table(table: object, where: str, root: str) -> Config:
    """Validate a ``[tool.shapelint]`` table: unknown keys are errors, so typos do not pass unnoticed."""
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: [tool.shapelint] must be a table")
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        allowed = ", ".join(KEYS)
        raise ConfigError(f"{where}: unknown key(s) in [tool.shapelint]: {', '.join(unknown)} (allowed: {allowed})")
    select = _strings(table, "select", where)
    ignore = _strings(table, "ignore", where) or ()
    selection = Selection(
        check_prefixes(select, f"{where}: select") if select is not None else Selection().select,
        check_prefixes(ignore, f"{where}: ignore"),
        _per_file_ignores(table.get("per-file-ignores"), where),
        root,
    )
    return Config(selection, _strings(table, "exclude", where) or (), root, _size(table.get("max-file-size"), where))


def _size(value: object, where: str) -> int | None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
        raise ConfigError(f"{where}: `max-file-size` must be a positive number of bytes, got {value!r}")
    return value


def _per_file_ignores(value: object, where: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``per-file-ignores = {"tests/*" = ["SHP101"]}``, checked as ``ignore`` is."""
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: `per-file-ignores` must be a table of globs to lists of codes, got {value!r}")
    found = []
    for glob, codes in value.items():
        listed = _strings({"codes": codes}, "codes", f"{where}: per-file-ignores[{glob!r}]")
        found.append((glob, check_prefixes(listed or (), f"{where}: per-file-ignores[{glob!r}]")))
    return tuple(found)


def _table(pyproject: Path) -> object | None:
    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib

    try:
        document = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{pyproject}: cannot read: {error}") from None
    tool = document.get("tool")
    return tool.get("shapelint") if isinstance(tool, dict) else None


def find_config(paths: list[str]) -> Config:
    """The nearest pyproject.toml with a ``[tool.shapelint]`` table, upward from the paths' common folder."""
    start = Path(os.path.commonpath([os.path.abspath(path) for path in paths]))
    for folder in (start, *start.parents):
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            table = _table(pyproject)
            if table is not None:
                return parse_table(table, str(pyproject), str(folder))
    return Config()
