"""``shapelint server``: the findings in the editor, over the Language Server Protocol on stdio (pygls).

Diagnostics on open, change (debounced) and save, from the same lint as the command line, with the project's
``[tool.shapelint]`` selection and the file's suppressions; each fixable finding offers its fix as a quick fix
(an unsafe one says so), and a "fix all" action gives the text ``shapelint --fix`` writes.  Inlay hints and hovers
show the exact shapes that reach and leave each layer (:mod:`shapelint.frontends.shapes`).
"""

from __future__ import annotations

import asyncio
import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from shapelint import __version__
from shapelint.frontends.cells import OpenNotebook, open_notebook
from shapelint.frontends.config import ConfigError, Selection, find_config
from shapelint.frontends.documents import Documents
from shapelint.frontends.shapes import Analysis, LineShape
from shapelint.judge import BY_CODE, Diagnostic
from shapelint.project import new_run

SETTLE_SECONDS = 0.03
"""How long a change waits for the rest of its burst (a paste, a formatter's edits) before the file is linted."""

server = LanguageServer(
    "shapelint",
    __version__,
    notebook_document_sync=types.NotebookDocumentSyncOptions(
        [types.NotebookDocumentFilterWithCells([types.NotebookCellLanguage("python")], notebook="*")], save=True
    ),
)


def path_of(uri: str) -> str:
    """The file a ``file://`` URI names; another scheme's document is linted under its URI's path."""
    return unquote(urlparse(uri).path)


def _source_of(ls: LanguageServer, uri: str) -> tuple[str, str, OpenNotebook | None]:
    """What the editor's document ``uri`` is linted as: its text and path, or, for a notebook or one of its cells,
    the notebook's program and path, with the notebook to place the results in its cells."""
    held = ls.workspace.get_notebook_document(notebook_uri=uri) or ls.workspace.get_notebook_document(cell_uri=uri)
    if held is None:
        return ls.workspace.get_text_document(uri).source, path_of(uri), None
    code = types.NotebookCellKind.Code
    cells = [
        (cell.document, ls.workspace.get_text_document(cell.document).source if cell.kind == code else None)
        for cell in held.cells
    ]
    notebook = open_notebook(cells)
    return notebook.program, path_of(held.uri), notebook


documents = Documents()


def _analysis(text: str, path: str) -> Analysis:
    """The document's analysis; an internal error is said in the editor (and its traceback on stderr), never a
    silent pass and never a dead server."""
    try:
        return documents.analysis(text, path)
    except Exception as error:
        traceback.print_exc()
        reason = str(error).splitlines()[0] if str(error) else ""
        return Analysis(incomplete=f"not checked: internal error: {type(error).__name__}: {reason}")


def _wanted(path: str) -> Callable[[str], bool]:
    """The project's selection for the file; a broken configuration (the command line says why) selects all."""
    try:
        return find_config([path]).selection.for_path(path).wants
    except ConfigError:
        return Selection().wants


def _range(line: int, column: int, end_line: int, end_column: int) -> types.Range:
    return types.Range(types.Position(line - 1, column - 1), types.Position(end_line - 1, end_column - 1))


def to_lsp(diagnostic: Diagnostic) -> types.Diagnostic:
    """A finding as the editor shows it; its fix rides along in ``data`` for the quick fix."""
    fix = diagnostic.fix
    data = None
    if fix is not None:
        at = [fix.line, fix.column, fix.end_line, fix.end_column]
        data = {"replacement": fix.replacement, "safe": fix.safe, "at": at}
    return types.Diagnostic(
        range=_range(diagnostic.line, diagnostic.column, diagnostic.end_line, diagnostic.end_column),
        message=diagnostic.message,
        severity=types.DiagnosticSeverity.Error,
        code=diagnostic.code,
        code_description=_documentation(diagnostic.code),
        source="shapelint",
        data=data,
    )


README = Path(__file__).resolve().parents[2] / "README.md"
"""The code table's documentation: beside the package in a checkout or an editable install, absent from a wheel."""


def _documentation(code: str) -> types.CodeDescription | None:
    """The README section that documents ``code``, linked from the editor, where the README is on this machine."""
    known = BY_CODE.get(code)
    if known is None or not README.is_file():
        return None
    return types.CodeDescription(f"{README.as_uri()}#{code.lower()}-{known.name}")


def _incomplete(notice: str) -> types.Diagnostic:
    """The command line's notice that part of the file went unchecked: never a silent pass."""
    start = types.Position(0, 0)
    return types.Diagnostic(
        types.Range(start, start), notice, severity=types.DiagnosticSeverity.Information, source="shapelint"
    )


def _publish(ls: LanguageServer, uri: str) -> None:
    """The findings of the document ``uri`` (of each cell, for a notebook), with the notice of a partial check."""
    text, path, notebook = _source_of(ls, uri)
    analysis = _analysis(text, path)
    wants = _wanted(path)
    found = [d for d in analysis.diagnostics if wants(d.code)]
    by_uri = {uri: found} if notebook is None else notebook.placed(found)
    notice = analysis.incomplete
    for index, (target, diagnostics) in enumerate(by_uri.items()):
        shown = [_in_client_units(ls, target, to_lsp(d)) for d in diagnostics]
        if notice is not None and index == 0:
            shown.append(_incomplete(notice if notebook is None else notebook.named(notice)))
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=target, diagnostics=shown))


def _in_client_units(ls: LanguageServer, uri: str, diagnostic: types.Diagnostic) -> types.Diagnostic:
    """The diagnostic with its columns counted as the client counts them (UTF-16 by default), not in code points."""
    diagnostic.range = _client_range(ls, uri, diagnostic.range)
    return diagnostic


def _client_range(ls: LanguageServer, uri: str, span: types.Range) -> types.Range:
    lines = ls.workspace.get_text_document(uri).lines
    return ls.workspace.position_codec.range_to_client_units(lines, span)


settings = {"inlayHints": True}
"""The client's settings: ``{"inlayHints": false}`` at start, or in its ``shapelint`` settings later, hides hints."""


@server.feature(types.INITIALIZE)
def initialize(ls: LanguageServer, params: types.InitializeParams) -> None:
    _apply_settings(params.initialization_options)


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
def did_change_configuration(ls: LanguageServer, params: types.DidChangeConfigurationParams) -> None:
    given = params.settings
    _apply_settings(given.get("shapelint", given) if isinstance(given, dict) else None)


def _apply_settings(given: object) -> None:
    if isinstance(given, dict) and isinstance(given.get("inlayHints"), bool):
        settings["inlayHints"] = given["inlayHints"]


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: LanguageServer, params: types.DidOpenTextDocumentParams) -> None:
    _opened(ls, params.text_document.uri)


@server.feature(types.NOTEBOOK_DOCUMENT_DID_OPEN)
def notebook_did_open(ls: LanguageServer, params: types.DidOpenNotebookDocumentParams) -> None:
    _opened(ls, params.notebook_document.uri)


def _opened(ls: LanguageServer, uri: str) -> None:
    documents.open[path_of(uri)] = uri
    new_run()
    _publish(ls, uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: LanguageServer, params: types.DidSaveTextDocumentParams) -> None:
    _saved(ls, params.text_document.uri)


@server.feature(types.NOTEBOOK_DOCUMENT_DID_SAVE)
def notebook_did_save(ls: LanguageServer, params: types.DidSaveNotebookDocumentParams) -> None:
    _saved(ls, params.notebook_document.uri)


def _saved(ls: LanguageServer, saved: str) -> None:
    """The saved file, then each other open file whose analysis read it: a training script that feeds the saved
    model, a model built from the saved file's layers."""
    new_run()
    _publish(ls, saved)
    for uri in documents.outdated():
        _publish(ls, uri)


_linting: set[str] = set()
"""The files a change has scheduled to be linted, not yet linted."""


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
async def did_change(ls: LanguageServer, params: types.DidChangeTextDocumentParams) -> None:
    await _changed(ls, params.text_document.uri)


@server.feature(types.NOTEBOOK_DOCUMENT_DID_CHANGE)
async def notebook_did_change(ls: LanguageServer, params: types.DidChangeNotebookDocumentParams) -> None:
    await _changed(ls, params.notebook_document.uri)


async def _changed(ls: LanguageServer, uri: str) -> None:
    """Lint once the changes of a burst are in: a change while one is scheduled joins it, so a run always sees the
    latest text and typing costs one run per run's length, not one per key."""
    if uri in _linting:
        return
    _linting.add(uri)
    try:
        await asyncio.sleep(SETTLE_SECONDS)
        if path_of(uri) in documents.open:
            _publish(ls, uri)
    finally:
        _linting.discard(uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: LanguageServer, params: types.DidCloseTextDocumentParams) -> None:
    _closed(ls, params.text_document.uri, [params.text_document.uri])


@server.feature(types.NOTEBOOK_DOCUMENT_DID_CLOSE)
def notebook_did_close(ls: LanguageServer, params: types.DidCloseNotebookDocumentParams) -> None:
    _closed(ls, params.notebook_document.uri, [cell.uri for cell in params.cell_text_documents])


def _closed(ls: LanguageServer, uri: str, shown: list[str]) -> None:
    documents.close(path_of(uri))
    for target in shown:
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=target, diagnostics=[]))


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll]),
)
def code_actions(ls: LanguageServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    """Each fixable finding's fix, then "fix all": the safe fixes as ``shapelint --fix`` applies them."""
    uri = params.text_document.uri
    actions = [_quick_fix(ls, uri, d) for d in params.context.diagnostics if d.source == "shapelint" and d.data]
    if _source_of(ls, uri)[2] is not None:
        return actions  # a notebook's cells: "fix all" rewrites one file's text, not a notebook's
    document = ls.workspace.get_text_document(uri)
    fixed = fixed_text(document.source, path_of(uri))
    if fixed is not None and fixed != document.source:
        whole = types.Range(types.Position(0, 0), types.Position(len(document.lines), 0))
        edit = types.WorkspaceEdit(changes={uri: [types.TextEdit(whole, fixed)]})
        title = "Fix all shapelint findings in this file"
        actions.append(types.CodeAction(title, kind=types.CodeActionKind.SourceFixAll, edit=edit))
    return actions


def _quick_fix(ls: LanguageServer, uri: str, diagnostic: types.Diagnostic) -> types.CodeAction:
    data: Any = diagnostic.data
    line, column, end_line, end_column = data["at"]
    safe = bool(data["safe"])
    title = f"Fix {diagnostic.code}: write {data['replacement']}" + ("" if safe else " (unsafe: replaces a name)")
    span = _client_range(ls, uri, _range(line, column, end_line, end_column))
    edit = types.TextEdit(span, data["replacement"])
    return types.CodeAction(
        title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=types.WorkspaceEdit(changes={uri: [edit]}),
        is_preferred=safe,
    )


def fixed_text(text: str, path: str) -> str | None:
    """The text ``shapelint --fix`` would write (safe fixes only), or ``None`` when it would write nothing."""
    from shapelint.fix import fix_bytes

    result = fix_bytes(text.encode("utf-8"), path, unsafe=False, wanted=_wanted(path))
    return None if result.error else result.after.decode("utf-8")


@server.feature(types.TEXT_DOCUMENT_INLAY_HINT)
def inlay_hints(ls: LanguageServer, params: types.InlayHintParams) -> list[types.InlayHint]:
    """``→ (B, 16, 5, 5)`` at the end of each line that builds a layer, or binds a tensor of a new shape, where the
    shape it gives is exact."""
    if not settings["inlayHints"]:
        return []
    document = ls.workspace.get_text_document(params.text_document.uri)
    first, last = params.range.start.line + 1, params.range.end.line + 1
    hints = []
    for line, shape in sorted(_shapes(ls, document.uri).items()):
        if first <= line <= last and line <= len(document.lines):
            end = types.Position(line - 1, len(document.lines[line - 1].rstrip("\r\n")))
            end = ls.workspace.position_codec.position_to_client_units(document.lines, end)
            hints.append(types.InlayHint(end, f" → {shape.after}", kind=types.InlayHintKind.Type))
    return hints


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: LanguageServer, params: types.HoverParams) -> types.Hover | None:
    """On a line with a hint: the shape that reaches it and the one it gives, and where the model's input came from."""
    shape = _shapes(ls, params.text_document.uri).get(params.position.line + 1)
    if shape is None:
        return None
    text = f"shapelint: `{shape.after}`" if shape.before is None else f"shapelint: `{shape.before}` → `{shape.after}`"
    if shape.source is not None:
        text += f"  \nfrom {shape.source}"
    return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, text))


def _shapes(ls: LanguageServer, uri: str) -> Mapping[int, LineShape]:
    """The exact shapes on the lines of the document ``uri`` (a cell's own lines, in a notebook)."""
    text, path, notebook = _source_of(ls, uri)
    shapes = _analysis(text, path).shapes
    return shapes if notebook is None else notebook.shapes_in(uri, shapes)


def serve() -> None:
    server.start_io()
