"""Running the suite's code examples under torch, the ground truth every example is judged by."""

from __future__ import annotations

import ast
import re
import sys
import types
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import torch

Site = tuple[str, int, str]
"""A file, a line, and what is there (a layer's class name, or ``statement``)."""

_INPUT = re.compile(r"#\s*shapelint:\s*input=\(([^)]*)\)")


def run_code_example(source: str) -> None:
    """Run a code table example's model under torch on its declared input (symbolic sizes as 2)."""
    namespace: dict[str, object] = {"__name__": "example"}
    exec(compile(source, "<example>", "exec"), namespace)
    model = next(value for value in namespace.values() if isinstance(value, torch.nn.Module))
    match = _INPUT.search(source)
    assert match, "every example declares its input"
    dims = [2 if part.strip().isidentifier() else int(part) for part in match.group(1).split(",")]
    with torch.no_grad():
        model(torch.zeros(dims))


@contextmanager
def bound_shapes(tree: str, found: dict[Site, set[tuple[int, ...]]] | None) -> Iterator[None]:
    """While the block runs, record into ``found`` the shape of each tensor that a statement of the tree's files
    binds to a name or returns, by (file, the statement's last line, "statement"): the editor's statement hints."""
    if found is None:
        yield
        return
    parsed: dict[str, dict[int, ast.stmt]] = {}
    waiting: dict[int, tuple[ast.stmt, object]] = {}

    def statements(filename: str) -> dict[int, ast.stmt]:
        if filename not in parsed:
            kinds = (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.Return)
            nodes = ast.walk(ast.parse(Path(filename).read_bytes()))
            parsed[filename] = {n.lineno: n for n in nodes if isinstance(n, kinds)}
        return parsed[filename]

    def note(statement: ast.stmt, frame: types.FrameType, value: object) -> None:
        if isinstance(value, torch.Tensor) and statement.end_lineno is not None:
            found[(frame.f_code.co_filename, statement.end_lineno, "statement")].add(tuple(value.shape))

    def bound(statement: ast.stmt, frame: types.FrameType) -> object:
        target = statement.targets[0] if isinstance(statement, ast.Assign) else getattr(statement, "target", None)
        if isinstance(statement, ast.Assign) and len(statement.targets) != 1:
            return None
        return frame.f_locals.get(target.id) if isinstance(target, ast.Name) else None

    def local(frame: types.FrameType, event: str, arg: object) -> object:
        pending = waiting.get(id(frame))
        if pending is not None and pending[1] is frame:
            statement = pending[0]
            inside = event == "line" and statement.lineno <= frame.f_lineno <= (statement.end_lineno or 0)
            if not inside:
                del waiting[id(frame)]
                note(statement, frame, arg if isinstance(statement, ast.Return) else bound(statement, frame))
        if event == "line" and id(frame) not in waiting:
            statement = statements(frame.f_code.co_filename).get(frame.f_lineno)
            if statement is not None:
                waiting[id(frame)] = (statement, frame)
        return local

    def call(frame: types.FrameType, event: str, arg: object) -> object:
        return local if frame.f_code.co_filename.startswith(tree) else None

    sys.settrace(call)
    try:
        yield
    finally:
        sys.settrace(None)


def calls_ending(source: str) -> dict[int, set[int]]:
    """For each line, the first lines of the calls that end on it: a hint sits at the end of the call that builds
    the layer, torch knows the line the call starts on."""
    starts: dict[int, set[int]] = defaultdict(set)
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and node.end_lineno is not None:
            starts[node.end_lineno].add(node.lineno)
    return starts
