"""``shapelint server`` driven as a real client drives it, over stdio (pytest-lsp): diagnostics appear and clear,
and a quick fix or "fix all" gives the text ``shapelint --fix`` writes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

EXAMPLES = Path(__file__).parent.parent.parent / "examples"


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "shapelint", "server"]))
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    await lsp_client.initialize_session(types.InitializeParams(capabilities=client_capabilities("visual-studio-code")))
    yield
    await lsp_client.shutdown_session()


def _open(client: LanguageClient, path: Path, text: str | None = None) -> str:
    uri = path.as_uri()
    item = types.TextDocumentItem(uri, "python", 1, path.read_text() if text is None else text)
    client.text_document_did_open(types.DidOpenTextDocumentParams(item))
    return uri


async def _diagnostics(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return client.diagnostics[uri]


@pytest.mark.asyncio
async def test_findings_appear_on_open_and_clear_when_the_size_is_corrected(
    client: LanguageClient, tmp_path: Path
) -> None:
    model = tmp_path / "lenet.py"
    shutil.copy(EXAMPLES / "lenet_buggy.py", model)
    uri = _open(client, model)
    found = await _diagnostics(client, uri)
    expected = subprocess.run(
        [sys.executable, "-m", "shapelint", "--no-cache", "--format", "json", str(model)],
        capture_output=True,
        text=True,
    ).stdout
    assert [d.code for d in found] == ["SHP001"] and found[0].message in expected
    assert found[0].range.start == types.Position(13, 14)  # line 14, column 15, as the command line says
    documented = found[0].code_description
    readme = EXAMPLES.parent / "README.md"
    assert documented is not None and documented.href == f"{readme.as_uri()}#shp001-linear-in-features"
    assert "\n### SHP001 linear-in-features\n" in readme.read_text()
    fixed = model.read_text().replace("nn.Linear(16 * 5 * 5,", "nn.Linear(16 * 4 * 4,")
    assert fixed != model.read_text()
    change = types.TextDocumentContentChangeWholeDocument(fixed)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(types.VersionedTextDocumentIdentifier(version=2, uri=uri), [change])
    )
    assert list(await _diagnostics(client, uri)) == []


@pytest.mark.asyncio
async def test_a_quick_fix_and_fix_all_write_what_the_command_line_writes(
    client: LanguageClient, tmp_path: Path
) -> None:
    model = tmp_path / "channels.py"
    shutil.copy(EXAMPLES / "channel_mismatch_buggy.py", model)
    text = model.read_text()
    uri = _open(client, model)
    found = await _diagnostics(client, uri)
    context = types.CodeActionContext(diagnostics=found)
    whole = types.Range(types.Position(0, 0), types.Position(len(text.splitlines()), 0))
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(types.TextDocumentIdentifier(uri), whole, context)
    )
    assert actions is not None
    subprocess.run([sys.executable, "-m", "shapelint", "--no-cache", "--fix", "--quiet", str(model)], check=False)
    by_cli = model.read_text()
    assert by_cli != text
    quick = [a for a in actions if isinstance(a, types.CodeAction) and a.kind == types.CodeActionKind.QuickFix]
    assert len(quick) == len(found) == 1
    assert _apply(text, quick[0]) == by_cli
    whole_file = [a for a in actions if isinstance(a, types.CodeAction) and a.kind == types.CodeActionKind.SourceFixAll]
    assert len(whole_file) == 1 and _apply(text, whole_file[0]) == by_cli


def _apply(text: str, action: types.CodeAction) -> str:
    """The text after the action's edits (each a line/character range of the original)."""
    assert action.edit is not None and action.edit.changes is not None
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))

    def offset(position: types.Position) -> int:
        return offsets[min(position.line, len(lines))] + position.character

    for edit in sorted(next(iter(action.edit.changes.values())), key=lambda e: offset(e.range.start), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text


HINTED = """import torch.nn as nn

# shapelint: input=(B, 1, 28, 28)
model = nn.Sequential(
    nn.Conv2d(1, 6, kernel_size=5),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Flatten(),
    nn.Linear(6 * 12 * 12, 10),
)
"""
"""A model whose every layer's shapes are exact for its declared input; the test runs it under torch at batch 2."""


def _torch_shapes(source: str) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Each layer's input and output shapes, from torch forward hooks on the model run at batch 2."""
    torch = pytest.importorskip("torch", reason="the hinted model runs under torch, which this run has not installed")
    namespace: dict[str, object] = {}
    exec(compile(source, "<hinted>", "exec"), namespace)
    model = namespace["model"]
    seen: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    for layer in model:  # type: ignore[attr-defined]
        layer.register_forward_hook(lambda _, args, out: seen.append((tuple(args[0].shape), tuple(out.shape))))
    with torch.no_grad():
        model(torch.randn(2, 1, 28, 28))  # type: ignore[operator]
    return seen


def _as_batch_2(text: str) -> str:
    return text.replace("(B, ", "(2, ")


@pytest.mark.asyncio
async def test_inlay_hints_and_hovers_are_torchs_shapes(client: LanguageClient, tmp_path: Path) -> None:
    expected = _torch_shapes(HINTED)
    model = tmp_path / "hinted.py"
    model.write_text(HINTED)
    uri = _open(client, model)
    await _diagnostics(client, uri)
    whole = types.Range(types.Position(0, 0), types.Position(len(HINTED.splitlines()), 0))
    hints = await client.text_document_inlay_hint_async(types.InlayHintParams(types.TextDocumentIdentifier(uri), whole))
    assert hints is not None
    layer_lines = list(range(4, 9))  # the Sequential's five layers, 0-based lines
    assert [hint.position.line for hint in hints] == layer_lines
    assert [_as_batch_2(str(hint.label)) for hint in hints] == [f" → {out}" for _, out in expected]
    for line, (before, after) in zip(layer_lines, expected):
        shown = await client.text_document_hover_async(
            types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(line, 8))
        )
        assert shown is not None and isinstance(shown.contents, types.MarkupContent)
        source = "from the input (B, 1, 28, 28) declared at line 3"
        assert _as_batch_2(shown.contents.value) == _as_batch_2(f"shapelint: `{before}` → `{after}`  \n{source}")
    assert (
        await client.text_document_hover_async(
            types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(0, 3))
        )
        is None
    )


@pytest.mark.asyncio
async def test_a_layer_whose_runs_disagree_gets_no_hint(client: LanguageClient, tmp_path: Path) -> None:
    """Two inputs of different widths reach one Flatten: its output is not one shape, so its line shows nothing;
    each statement that calls it gives one shape, which is shown."""
    source = (
        "import torch\nimport torch.nn as nn\n\nflatten = nn.Flatten()\n"
        "a = flatten(torch.zeros(2, 3, 4))\nb = flatten(torch.zeros(2, 5, 4))\n"
    )
    _torch_ran = pytest.importorskip("torch", reason="the model runs under torch, which this run has not installed")
    namespace: dict[str, object] = {}
    exec(compile(source, "<disagree>", "exec"), namespace)
    assert tuple(namespace["a"].shape) != tuple(namespace["b"].shape)  # type: ignore[attr-defined]
    model = tmp_path / "disagree.py"
    model.write_text(source)
    uri = _open(client, model)
    await _diagnostics(client, uri)
    whole = types.Range(types.Position(0, 0), types.Position(6, 0))
    hints = await client.text_document_inlay_hint_async(types.InlayHintParams(types.TextDocumentIdentifier(uri), whole))
    assert hints is not None
    assert 3 not in {hint.position.line for hint in hints}  # the line that builds the Flatten
    a, b = (torch_shape(tuple(namespace[name].shape)) for name in "ab")  # type: ignore[attr-defined]
    assert {hint.position.line: str(hint.label) for hint in hints} == {4: f" → {a}", 5: f" → {b}"}


FORWARD = """import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 6, 5)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(6 * 12 * 12, 10)

    def forward(self, x):
        x = self.pool(F.relu(self.conv(x)))
        x = F.relu(x)
        identity = x
        features = torch.flatten(
            x, 1
        )
        return self.fc(features)


out = Net()(torch.randn(2, 1, 28, 28))
"""
"""A module whose ``forward`` changes the shape on some statements and keeps it on others."""


def _torch_statement_shapes(source: str) -> dict[int, tuple[int, ...]]:
    """For each statement of ``forward`` that binds a tensor (0-based last line), the shape torch gave it, read from
    the frame's locals at the next line event (or the value returned)."""
    torch = pytest.importorskip("torch", reason="the module runs under torch, which this run has not installed")
    import ast

    tree = ast.parse(source)
    forward = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == "forward")
    bound = {s.lineno: s for s in forward.body if isinstance(s, (ast.Assign, ast.Return))}
    shapes: dict[int, tuple[int, ...]] = {}
    pending: list[ast.stmt] = []

    def tracer(frame, event, arg):  # type: ignore[no-untyped-def]
        if frame.f_code.co_name != "forward" or frame.f_code.co_filename != "<forward>":
            return tracer
        inside = pending and pending[0].lineno <= frame.f_lineno <= (pending[0].end_lineno or 0) and event == "line"
        for statement in [] if inside else pending:
            if isinstance(statement, ast.Assign) and isinstance(statement.targets[0], ast.Name):
                shapes[statement.end_lineno - 1] = tuple(frame.f_locals[statement.targets[0].id].shape)  # type: ignore[operator]
        if not inside:
            pending.clear()
        if event == "return" and isinstance(bound.get(frame.f_lineno), ast.Return):
            shapes[bound[frame.f_lineno].end_lineno - 1] = tuple(arg.shape)  # type: ignore[operator]
        elif event == "line" and frame.f_lineno in bound and not inside:
            pending.append(bound[frame.f_lineno])
        return tracer

    sys.settrace(tracer)
    try:
        with torch.no_grad():
            exec(compile(source, "<forward>", "exec"), {})
    finally:
        sys.settrace(None)
    return shapes


@pytest.mark.asyncio
async def test_forward_statements_that_change_the_shape_get_torchs_shape(
    client: LanguageClient, tmp_path: Path
) -> None:
    real = _torch_statement_shapes(FORWARD)
    model = tmp_path / "forward.py"
    model.write_text(FORWARD)
    uri = _open(client, model)
    assert not await _diagnostics(client, uri)
    whole = types.Range(types.Position(0, 0), types.Position(len(FORWARD.splitlines()), 0))
    hints = await client.text_document_inlay_hint_async(types.InlayHintParams(types.TextDocumentIdentifier(uri), whole))
    assert hints is not None
    shown = {hint.position.line: str(hint.label) for hint in hints}
    changing = {13, 18, 19}  # the pool, the flatten (its closing line) and the return; relu and identity keep the shape
    assert {line: label for line, label in shown.items() if 13 <= line <= 19} == {
        line: f" → {torch_shape(real[line])}" for line in sorted(changing)
    }
    assert shown[22] == f" → {torch_shape(real[19])}"  # ``out``: what forward returned
    assert {8, 9, 10} <= set(shown)  # the layers built in __init__
    hovered = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(13, 10))
    )
    assert hovered is not None and isinstance(hovered.contents, types.MarkupContent)
    assert hovered.contents.value == (
        f"shapelint: `(2, 1, 28, 28)` → `{torch_shape(real[13])}`  \nfrom torch.randn at line 23"
    )


def torch_shape(dims: tuple[int, ...]) -> str:
    return "(" + ", ".join(map(str, dims)) + ")"


class _Counted(dict):  # type: ignore[type-arg]
    """The client's diagnostics by URI, counting how often the server published each."""

    def __init__(self) -> None:
        super().__init__()
        self.published: dict[str, int] = {}

    def __setitem__(self, uri: str, diagnostics: object) -> None:
        self.published[uri] = self.published.get(uri, 0) + 1
        super().__setitem__(uri, diagnostics)


def _torch_runs(folder: Path) -> bool:
    """Whether ``model.py`` in ``folder`` builds and runs under torch on a (2, 8) input, importing ``layers`` fresh."""
    torch = pytest.importorskip("torch", reason="the model runs under torch, which this run has not installed")
    import runpy

    sys.modules.pop("layers", None)
    sys.path.insert(0, str(folder))
    try:
        model = runpy.run_path(str(folder / "model.py"))["model"]
        model(torch.zeros(2, 8))
        return True
    except RuntimeError:
        return False
    finally:
        sys.path.remove(str(folder))
        sys.modules.pop("layers", None)


async def _published(client: LanguageClient, uri: str, times: int) -> None:
    while client.diagnostics.published.get(uri, 0) < times:  # type: ignore[attr-defined]
        await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)


@pytest.mark.asyncio
async def test_a_save_re_lints_the_open_files_that_read_the_saved_file_and_no_other(
    client: LanguageClient, tmp_path: Path
) -> None:
    """``model.py`` takes a width from ``layers.py``: saving a new width there re-lints ``model.py``, with the finding
    torch agrees with; saving an unrelated file re-lints nothing else."""
    client.diagnostics = _Counted()
    (tmp_path / "layers.py").write_text("WIDTH = 16\n")
    (tmp_path / "model.py").write_text(
        "import torch.nn as nn\nfrom layers import WIDTH\n\n# shapelint: input=(B, 8)\n"
        "model = nn.Sequential(nn.Linear(8, WIDTH), nn.Linear(16, 4))\n"
    )
    (tmp_path / "other.py").write_text("import torch.nn as nn\n\nhead = nn.Linear(4, 2)\n")
    assert _torch_runs(tmp_path)
    uris = {name: _open(client, tmp_path / f"{name}.py") for name in ("model", "layers", "other")}
    for uri in uris.values():
        await _published(client, uri, 1)
    assert not client.diagnostics[uris["model"]]

    (tmp_path / "layers.py").write_text("WIDTH = 32\n")
    assert not _torch_runs(tmp_path)
    client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uris["layers"])))
    await _published(client, uris["model"], 2)
    assert [d.code for d in client.diagnostics[uris["model"]]] == ["SHP001"]

    client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uris["other"])))
    await _published(client, uris["other"], 2)
    # the server answers in order: once a later request is answered, everything the save published has arrived
    await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uris["other"]), types.Position(0, 0))
    )
    assert client.diagnostics.published[uris["model"]] == 2  # type: ignore[attr-defined]


@pytest.mark.asyncio
async def test_hints_can_be_turned_off_in_the_settings(client: LanguageClient, tmp_path: Path) -> None:
    _torch_shapes(HINTED)  # the model runs under torch
    model = tmp_path / "hinted.py"
    model.write_text(HINTED)
    uri = _open(client, model)
    await _diagnostics(client, uri)
    whole = types.Range(types.Position(0, 0), types.Position(len(HINTED.splitlines()), 0))
    asked = types.InlayHintParams(types.TextDocumentIdentifier(uri), whole)
    assert await client.text_document_inlay_hint_async(asked)
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams({"shapelint": {"inlayHints": False}}))
    assert not await client.text_document_inlay_hint_async(asked)
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams({"shapelint": {"inlayHints": True}}))
    assert await client.text_document_inlay_hint_async(asked)


NOTEBOOK_CELLS = (
    ("markdown", "# LeNet's first layers\n"),
    ("code", "import torch\nimport torch.nn as nn\n"),
    (
        "code",
        "model = nn.Sequential(\n    nn.Conv2d(1, 6, 5),\n    nn.Flatten(),\n    nn.Linear(6 * 20 * 20, 10),\n)\n",
    ),
    ("code", "%matplotlib inline\nout = model(torch.randn(2, 1, 28, 28))\n"),
)
"""A notebook whose Linear expects the features of a 20x20 map; the convolution leaves 24x24."""


def _notebook_file(path: Path, cells: tuple[tuple[str, str], ...]) -> None:
    import json

    document = {
        "cells": [
            {"cell_type": kind, "metadata": {}, "source": text.splitlines(keepends=True)}
            | ({"outputs": [], "execution_count": None} if kind == "code" else {})
            for kind, text in cells
        ],
        "metadata": {"language_info": {"name": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path.write_text(json.dumps(document, indent=1))


def _torch_notebook(cells: tuple[tuple[str, str], ...]) -> tuple[list[tuple[int, ...]], tuple[int, ...]] | None:
    """Each layer's output shape and ``out``'s under torch, running the code cells as IPython would (its magic
    aside); ``None`` when torch rejects the model."""
    torch = pytest.importorskip("torch", reason="the notebook runs under torch, which this run has not installed")
    program = "".join(text.replace("%matplotlib inline\n", "") for kind, text in cells if kind == "code")
    seen: list[tuple[int, ...]] = []
    hook = torch.nn.modules.module.register_module_forward_hook(
        lambda layer, _, out: seen.append(tuple(out.shape)) if not list(layer.children()) else None
    )
    try:
        namespace: dict[str, object] = {}
        exec(compile(program, "<notebook>", "exec"), namespace)
    except RuntimeError:
        return None
    finally:
        hook.remove()
    return seen, tuple(namespace["out"].shape)  # type: ignore[attr-defined]


def _open_notebook(client: LanguageClient, path: Path, cells: tuple[tuple[str, str], ...]) -> list[str]:
    """Open the notebook as VS Code does: one text document per cell; the cells' URIs, in order."""
    uris = [f"vscode-notebook-cell:{path}#cell{index}" for index in range(len(cells))]
    kinds = {"code": types.NotebookCellKind.Code, "markdown": types.NotebookCellKind.Markup}
    notebook = types.NotebookDocument(
        path.as_uri(), "jupyter-notebook", 1, [types.NotebookCell(kinds[k], uri) for (k, _), uri in zip(cells, uris)]
    )
    items = [
        types.TextDocumentItem(uri, "python" if kind == "code" else "markdown", 1, text)
        for (kind, text), uri in zip(cells, uris)
    ]
    client.notebook_document_did_open(types.DidOpenNotebookDocumentParams(notebook, items))
    return uris


@pytest.mark.asyncio
async def test_a_notebook_gets_findings_fixes_and_hints_in_its_cells(client: LanguageClient, tmp_path: Path) -> None:
    assert _torch_notebook(NOTEBOOK_CELLS) is None  # torch rejects the Linear
    path = tmp_path / "lenet.ipynb"
    _notebook_file(path, NOTEBOOK_CELLS)
    client.diagnostics = _Counted()
    uris = _open_notebook(client, path, NOTEBOOK_CELLS)
    await _published(client, uris[3], 1)  # every code cell gets its findings, the last cell's last
    assert not client.diagnostics[uris[1]] and not client.diagnostics[uris[3]]
    (found,) = client.diagnostics[uris[2]]
    assert found.code == "SHP001" and found.range.start.line == 3  # the Linear, on the cell's fourth line
    assert "Flatten at cell 3, line 3" in found.message  # the CLI's names of notebook lines
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(types.TextDocumentIdentifier(uris[2]), found.range, types.CodeActionContext([found]))
    )
    assert actions is not None and len(actions) == 1 and isinstance(actions[0], types.CodeAction)
    fixed_cell = _apply(NOTEBOOK_CELLS[2][1], actions[0])
    subprocess.run([sys.executable, "-m", "shapelint", "--no-cache", "--fix", "--quiet", str(path)], check=False)
    import json

    assert "".join(json.loads(path.read_text())["cells"][2]["source"]) == fixed_cell  # what --fix writes

    fixed = (*NOTEBOOK_CELLS[:2], ("code", fixed_cell), NOTEBOOK_CELLS[3])
    real = _torch_notebook(fixed)
    assert real is not None
    layers, out = real
    fixed_uris = _open_notebook(client, tmp_path / "fixed.ipynb", fixed)
    await _published(client, fixed_uris[3], 1)
    assert not any(client.diagnostics[uri] for uri in fixed_uris[1:])
    shown = {}
    for index in (2, 3):
        whole = types.Range(types.Position(0, 0), types.Position(10, 0))
        hints = await client.text_document_inlay_hint_async(
            types.InlayHintParams(types.TextDocumentIdentifier(fixed_uris[index]), whole)
        )
        shown[index] = {hint.position.line: str(hint.label) for hint in hints or []}
    assert shown[2] == {line: f" → {torch_shape(shape)}" for line, shape in zip((1, 2, 3), layers)}
    assert shown[3] == {1: f" → {torch_shape(out)}"}
    hovered = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(fixed_uris[2]), types.Position(3, 4))
    )
    assert hovered is not None and isinstance(hovered.contents, types.MarkupContent)
    assert hovered.contents.value.endswith("from torch.randn at cell 4, line 2")


WIDE = """import torch
import torch.nn as nn

# shapelint: input=(B, 4)
model = nn.Sequential(nn.Linear(4, 8), nn.Dropout(p=len("🙂") / 10), nn.Linear(6, 2))
"""
"""A wrong in_features after a character outside the Basic Multilingual Plane: two UTF-16 units, one code point."""


@pytest.mark.asyncio
async def test_columns_are_counted_as_the_client_counts_them(client: LanguageClient, tmp_path: Path) -> None:
    torch = pytest.importorskip("torch", reason="the model runs under torch, which this run has not installed")
    namespace: dict[str, object] = {}
    exec(compile(WIDE, "<wide>", "exec"), namespace)
    with pytest.raises(RuntimeError):
        namespace["model"](torch.zeros(2, 4))  # type: ignore[operator]
    model = tmp_path / "wide.py"
    model.write_text(WIDE, encoding="utf-8")
    uri = _open(client, model)
    (found,) = await _diagnostics(client, uri)
    line = WIDE.splitlines()[4]
    utf16 = len(line[: line.index("6, 2")].encode("utf-16-le")) // 2
    assert found.code == "SHP001" and found.range.start == types.Position(4, utf16)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(types.TextDocumentIdentifier(uri), found.range, types.CodeActionContext([found]))
    )
    quick = [a for a in actions or [] if isinstance(a, types.CodeAction) and a.kind == types.CodeActionKind.QuickFix]
    assert len(quick) == 1 and quick[0].edit is not None and quick[0].edit.changes is not None
    (edit,) = quick[0].edit.changes[uri]
    assert edit.range.start == types.Position(4, utf16) and edit.new_text == "8"
