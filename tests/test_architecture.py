"""The tree shows the pipeline: packages depend on each other in one direction, only through their interfaces.

catalog → evaluator → project, inputs → judge → lint → fix → front ends, with dims and
source underneath, the summary table on the catalog, and the runtime beside the linter on the catalog and the table.
Imports are read from the source (lazy and type-checking ones included).
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).parent.parent

ALLOWED = {
    "shapelint.dims": set(),
    "shapelint.source": set(),
    "shapelint.catalog": {"shapelint.dims"},
    "shapelint.table": {"shapelint.dims", "shapelint.catalog"},
    "shapelint.runtime": {"shapelint.dims", "shapelint.catalog", "shapelint.table"},
    "shapelint.evaluator": {"shapelint.dims", "shapelint.catalog", "shapelint.source"},
    "shapelint.project": {"shapelint.evaluator", "shapelint.source"},
    "shapelint.inputs": {"shapelint.dims", "shapelint.evaluator", "shapelint.source"},
    "shapelint.judge": {"shapelint.dims", "shapelint.catalog", "shapelint.evaluator", "shapelint.inputs", "shapelint.source"},
    "shapelint.lint": {
        "shapelint.evaluator",
        "shapelint.project",
        "shapelint.inputs",
        "shapelint.judge",
        "shapelint.source",
    },
    "shapelint.fix": {"shapelint.lint", "shapelint.judge", "shapelint.source"},
}
"""Which packages each may import; the front ends may import any, and nothing imports them but ``__main__``."""


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted((ROOT / "shapelint").rglob("*.py")) + sorted((ROOT / "runtime").rglob("*.py")):
        relative = path.relative_to(ROOT).with_suffix("")
        parts = ["shapelint", *relative.parts] if relative.parts[0] == "runtime" else list(relative.parts)
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


MODULES = _modules()


def _package(module: str) -> str:
    return ".".join(module.split(".")[:2])


def _imports(path: Path) -> Iterator[str]:
    """The shapelint modules ``path`` imports; ``from package import submodule`` names the submodule alone."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name in MODULES)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module in MODULES:
            submodules = [f"{node.module}.{alias.name}" for alias in node.names]
            yield from (name for name in submodules if name in MODULES)
            if any(name not in MODULES for name in submodules):
                yield node.module


GRAPH = {module: set(_imports(path)) for module, path in MODULES.items()}


def test_packages_meet_only_through_their_interfaces() -> None:
    """Across packages, a module imports the package itself, never one of its modules."""
    reaching_in = [
        (module, target)
        for module, targets in GRAPH.items()
        for target in targets
        if _package(target) != _package(module) and target != _package(target)
    ]
    assert reaching_in == []


def test_packages_depend_in_the_pipelines_direction() -> None:
    wrong = []
    for module, targets in GRAPH.items():
        package = _package(module)
        for target in {_package(target) for target in targets} - {package, "shapelint"}:
            allowed = ALLOWED.get(package)
            if (target == "shapelint.frontends" and package != "shapelint.__main__") or (
                allowed is not None and target not in allowed
            ):
                wrong.append((module, target))
    assert wrong == []


def test_no_import_cycles() -> None:
    def cycle_from(start: str) -> list[str] | None:
        stack, path, seen = [(start, iter(sorted(GRAPH[start])))], [start], {start}
        while stack:
            _node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                path.pop()
            elif child == start:
                return [*path, start]
            elif child not in seen:
                seen.add(child)
                stack.append((child, iter(sorted(GRAPH[child]))))
                path.append(child)
        return None

    cycles = [cycle for module in sorted(GRAPH) if (cycle := cycle_from(module))]
    assert cycles == []


def test_the_lint_path_never_imports_numpy_or_torch() -> None:
    heavy = {"numpy", "torch"}
    lint_side = [m for m in GRAPH if not m.startswith("shapelint.runtime")]
    found = []
    for module in lint_side:
        tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            names += [node.module] if isinstance(node, ast.ImportFrom) and node.module else []
            found += [(module, name) for name in names if name.split(".")[0] in heavy]
    assert found == []


def test_test_modules_do_not_import_each_other() -> None:
    """Shared test code lives in helper modules; a test module imports none of the suite's ``test_*`` modules."""
    tests = ROOT / "tests"
    found = []
    for path in sorted(tests.rglob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("tests."):
                found += [(path.name, node.module)] if node.module.rpartition(".")[2].startswith("test_") else []
    assert found == []


def test_every_package_ships() -> None:
    """pyproject lists each package: a non-editable install (pre-commit's) has only those."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(path.parent.relative_to(ROOT).parts) for path in (ROOT / "shapelint").rglob("__init__.py")}
    assert found | {"shapelint.runtime"} == listed
