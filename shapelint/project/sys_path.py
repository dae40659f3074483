"""The folders a script adds to ``sys.path`` before importing its library, read off its text.

``sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))`` is how many research scripts reach
code that sits beside them rather than in a package.  Only paths built from ``__file__`` and string literals with
``os.path`` or ``pathlib`` are followed; anything else (``os.getcwd()``, an environment variable) is not a folder
shapelint can know, and is left out.
"""

from __future__ import annotations

import ast
import os
import re
from collections.abc import Callable

_ADDED = re.compile(r"sys\.path\.(insert|append)\((.*)\)\s*$", re.M)
_OS_PATH_STEPS: dict[str, Callable[[str], str]] = {
    "dirname": os.path.dirname,
    "abspath": os.path.abspath,
    "realpath": os.path.abspath,
}
_PATH_STEPS = frozenset({"resolve", "absolute"})


def added_folders(path: str, text: str) -> list[str]:
    """The existing folders that the file at ``path``, whose source is ``text``, adds to ``sys.path``."""
    found: list[str] = []
    for method, arguments in _ADDED.findall(text):
        try:
            call = ast.parse(f"f({arguments})", mode="eval").body
        except SyntaxError:
            continue
        if not isinstance(call, ast.Call) or len(call.args) != (2 if method == "insert" else 1):
            continue
        folder = _folder(call.args[-1], os.path.abspath(path))
        if folder is not None and os.path.isdir(folder):
            found.append(os.path.normpath(folder))
    return list(dict.fromkeys(found))


def _folder(node: ast.expr, file: str) -> str | None:
    """The path ``node`` builds, a relative one taken from the file's folder (where such scripts are run)."""
    value = _path(node, file)
    if value is None:
        return None
    return value if os.path.isabs(value) else os.path.join(os.path.dirname(file), value)


def _path(node: ast.expr, file: str) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name) and node.id == "__file__":
        return file
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        left, right = _path(node.left, file), _path(node.right, file)
        return None if left is None or right is None else os.path.join(left, right)
    if isinstance(node, ast.Attribute) and node.attr == "parent":
        inner = _path(node.value, file)
        return None if inner is None else os.path.dirname(os.path.abspath(inner))
    if isinstance(node, ast.Call):
        return _called(node, file)
    return None


def _called(node: ast.Call, file: str) -> str | None:
    """``os.path.join/dirname/abspath/realpath``, ``str(...)``, ``Path(...)`` and ``.resolve()``/``.absolute()``."""
    name = _dotted(node.func)
    parts = [_path(argument, file) for argument in node.args]
    if None in parts or node.keywords:
        return None
    strings = [part for part in parts if part is not None]
    if name in ("os.path.join", "path.join", "osp.join") and strings:
        return os.path.join(*strings)
    step = _OS_PATH_STEPS.get(name.rsplit(".", 1)[-1]) if name.startswith(("os.path.", "path.", "osp.")) else None
    if step is not None and len(strings) == 1:
        return step(strings[0])
    if name in ("str", "Path", "pathlib.Path", "os.fspath") and len(strings) == 1:
        return strings[0]
    if isinstance(node.func, ast.Attribute) and node.func.attr in _PATH_STEPS and not node.args:
        inner = _path(node.func.value, file)
        return None if inner is None else os.path.abspath(inner)
    return None


def _dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""
