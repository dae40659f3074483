"""Per-file work, contained and parallel: each file's outcome is plain data, whatever happened to it."""

from __future__ import annotations

import os
import traceback
from collections.abc import Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from functools import partial
from typing import TYPE_CHECKING

from shapelint.frontends.config import Selection
from shapelint.frontends.files import might_hold_model
from shapelint.frontends.isolation import ISOLATED_BYTES, isolated
from shapelint.frontends.outcome import FileError, FileReport
from shapelint.source import DEFAULT_MAX_BYTES, Notebook, NotebookError, Skipped, read_source_bytes

if TYPE_CHECKING:
    from multiprocessing.synchronize import Event

    from shapelint.fix import FileFix
    from shapelint.frontends.cache import ResultCache
    from shapelint.frontends.interrupts import StopRequest


@dataclass(frozen=True, slots=True)
class Task:
    """What to do with each file; picklable so worker processes receive it."""

    selection: Selection = field(default_factory=Selection)
    fix: bool = False
    diff: bool = False
    unsafe: bool = False
    write: bool = True
    """Whether ``fix`` writes the file; standard input's fixed text goes back in the report instead."""
    max_bytes: int = DEFAULT_MAX_BYTES
    """Larger files are skipped with a notice."""
    cache: ResultCache | None = None
    """Where a lint's results are kept between runs (a fix always analyses)."""
    screened: bool = False
    """Whether the run looked each file up in the cache already: a file handed on was not there."""

    @property
    def cached(self) -> ResultCache | None:
        """The cache this task reads and writes: a lint's, never a fix's."""
        return None if self.fix or self.diff else self.cache


def _notices(path: str, *messages: str | None) -> tuple[FileError, ...]:
    return tuple(FileError(path, message, notice=True) for message in messages if message)


def parse_failure(path: str, error: BaseException, notebook: Notebook | None = None) -> FileError:
    """One line with the position (in its cell, for a notebook) for a file that cannot be parsed or decoded."""
    from shapelint.frontends.notebooks import first_broken_cell, place_line
    from shapelint.source import describe_parse_error

    broken = first_broken_cell(notebook) if notebook is not None else None
    if broken is not None:  # where IPython would stop: the first cell that is not Python on its own
        reason, line = describe_parse_error(broken[0])
        return FileError(path, reason, line, broken[1])
    reason, line = describe_parse_error(error)
    cell, line = place_line(notebook, line)
    return FileError(path, reason, line, cell)


def _lint(path: str, data: bytes, task: Task) -> FileReport:
    from shapelint.frontends.notebooks import place, read
    from shapelint.lint import PARSE_ERRORS, lint_file

    notebook = read(path, data)
    try:
        linted = lint_file(data if notebook is None else notebook.program, path)
    except PARSE_ERRORS as error:
        return FileReport(path, errors=(parse_failure(path, error, notebook),))
    selection = task.selection.for_path(path)
    found = tuple(place(notebook, d) for d in linted.diagnostics if selection.wants(d.code))
    return FileReport(path, found, _notices(path, linted.incomplete))


def _fix(path: str, data: bytes, task: Task) -> FileReport:
    from shapelint.fix import fix_bytes, unified_diff
    from shapelint.frontends.notebooks import fixed, read

    selection = task.selection.for_path(path)
    notebook = read(path, data)
    source = data if notebook is None else notebook.program.encode("utf-8")
    result = fix_bytes(source, path, unsafe=task.unsafe, wanted=selection.wants)
    if notebook is None:
        diff = unified_diff(result) if task.diff else ""
    else:
        result, diff = fixed(notebook, data, result)
    errors = [FileError(path, result.error)] if result.error else []
    errors += _notices(path, result.notice)
    refusal = None if task.diff or not task.write else _write(result)
    if refusal:
        errors.append(FileError(path, refusal))
    left = result.remaining if refusal is None else result.fixed + result.remaining  # a refused write fixed nothing
    return FileReport(
        path,
        tuple(sorted((d for d in left if selection.wants(d.code)), key=lambda d: (d.cell or 0, d.line, d.column))),
        tuple(errors),
        fixed=len(result.fixed) if refusal is None else 0,
        withheld=result.withheld_unsafe,
        changed=result.after != result.before and refusal is None,
        diff=diff if task.diff else "",
        fixed_text=None if task.write else result.after,
    )


def _write(result: FileFix) -> str | None:
    from shapelint.fix import write_fix

    if _stopped() and result.after != result.before:
        return f"{result.path}: not written: the run was interrupted"
    return write_fix(result)


def _alone(path: str, task: Task) -> FileReport:
    result = isolated(partial(process, path, task), os.path.getsize(path) if os.path.exists(path) else 0)
    if isinstance(result, FileReport):
        return result
    message = f"internal error: the process linting this file died ({result})"
    return FileReport(path, errors=(FileError(path, message),), crash=message)


def process(path: str, task: Task) -> FileReport:
    """Lint or fix one file; an internal failure becomes a report instead of ending the run."""
    data = read_source(path, task.max_bytes)
    if isinstance(data, FileReport):
        return data
    if len(data) <= ISOLATED_BYTES or not might_hold_model(data):
        return _through_cache(path, data, task)
    result = isolated(partial(_through_cache, path, data, task), len(data))
    return result if isinstance(result, FileReport) else FileReport(path, errors=(FileError(path, result),))


def _through_cache(path: str, data: bytes, task: Task) -> FileReport:
    """:func:`process_data`, answered from the result cache when it can be: the findings are stored before
    selection, and selected here."""
    cache = task.cached
    if cache is None or not might_hold_model(data):
        return process_data(path, data, task)
    report = None if task.screened else cache.load(path, data)
    if report is None:
        from shapelint.project import recording

        with recording() as dependencies:
            report = process_data(path, data, replace(task, selection=Selection()))
        if report.crash is None:
            cache.store(path, data, report, dependencies)
    return _selected(report, task)


def _selected(report: FileReport, task: Task) -> FileReport:
    """``report`` with only the findings the task's selection wants in its file."""
    wants = task.selection.for_path(report.path).wants
    return replace(report, diagnostics=tuple(d for d in report.diagnostics if wants(d.code)))


def read_source(path: str, max_bytes: int) -> bytes | FileReport:
    """A regular file's bytes, or the report that says why it was not read (a notice for a FIFO, a device or a file
    over ``max_bytes``; an error when it cannot be read)."""
    try:
        return read_source_bytes(path, max_bytes)
    except Skipped as skipped:
        return FileReport(path, errors=_notices(path, str(skipped)))
    except OSError as error:
        return FileReport(path, errors=(FileError(path, f"cannot read: {error.strerror or error}"),))


def process_data(path: str, data: bytes, task: Task) -> FileReport:
    """Lint or fix ``data`` as the file at ``path`` (standard input, named by ``--stdin-filename``)."""
    if not might_hold_model(data):
        return FileReport(path, fixed_text=None if task.write else data)
    try:
        from shapelint.source import paused_collector

        with paused_collector():
            return (_fix if task.fix or task.diff else _lint)(path, data, task)
    except NotebookError as error:
        return FileReport(path, errors=(FileError(path, str(error)),))
    except Exception as error:
        reason = str(error).splitlines()[0] if str(error) else ""
        message = f"internal error: {type(error).__name__}: {reason}"
        return FileReport(path, errors=(FileError(path, message),), crash=traceback.format_exc())


def _screen(paths: list[str], task: Task) -> tuple[list[str], dict[str, FileReport]]:
    """The prefilter and the cache, run before any worker starts: a repository without models, or one whose
    results are all kept, costs no process pool and no parser.  The files that may hold a model, and the reports
    already kept."""
    cache = task.cached
    candidates: list[str] = []
    kept: dict[str, FileReport] = {}
    for path in paths:
        data = read_source(path, task.max_bytes)
        if isinstance(data, bytes) and not might_hold_model(data):
            continue
        candidates.append(path)
        report = cache.load(path, data) if cache is not None and isinstance(data, bytes) else None
        if report is not None:
            kept[path] = _selected(report, task)
    return candidates, kept


_STOP: list[Event | StopRequest] = []
"""In a worker, or a serial run: set once the run is interrupted, so that no write starts after that."""


def _worker_start(lint_only: bool, stop: Event) -> None:
    from shapelint.frontends.interrupts import worker_start
    from shapelint.source import trust_parser

    _STOP[:] = [stop]
    worker_start()
    if lint_only:
        trust_parser()


def _stopped() -> bool:
    return any(stop.is_set() for stop in _STOP)


BYTES_PER_WORKER = 256_000
"""Source a worker process must have to analyse before it pays for itself: a worker starts by importing the
analysis (half a second) and parses again the modules the files import, which a serial run parses once."""


def worker_count(paths: list[str], cores: int | None = None) -> int:
    """The default ``--jobs``: one process per ``BYTES_PER_WORKER`` of source to analyse, up to the cores this
    process may use, so that a small run, or one mostly answered from the cache, is never slower than serial."""
    if cores is None:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    size = sum(os.path.getsize(path) for path in paths if os.path.isfile(path))
    return max(1, min(cores, size // BYTES_PER_WORKER))


def run(paths: list[str], task: Task, jobs: int | None = None, stop: StopRequest | None = None) -> Iterator[FileReport]:
    """Reports in the order of ``paths`` for any ``jobs`` (``None``: :func:`worker_count` of the files left once
    the prefilter and the cache have answered); a dead worker process is reported, not raised.  Once ``stop`` is
    set, no file is started and no write is made; the files in hand are reported, then
    :class:`~shapelint.frontends.interrupts.Interrupted` is raised."""
    from shapelint.frontends.interrupts import StopRequest
    from shapelint.project import new_run

    new_run()
    stop = stop or StopRequest()
    paths, kept = _screen(paths, task)
    task = replace(task, screened=True)
    lint_only = not (task.fix or task.diff)
    if jobs is None:
        jobs = worker_count([path for path in paths if path not in kept])
    if jobs <= 1 or len(paths) - len(kept) <= 1:
        from shapelint.source import trusted_parser

        _STOP[:] = [stop]
        try:
            with trusted_parser() if lint_only and len(kept) < len(paths) else nullcontext():
                for path in paths:
                    stop.check()
                    yield kept[path] if path in kept else process(path, task)
        finally:
            _STOP.clear()
        stop.check()
        return
    yield from _parallel(paths, kept, task, jobs, stop, lint_only)


def _parallel(
    paths: list[str], kept: dict[str, FileReport], task: Task, jobs: int, stop: StopRequest, lint_only: bool
) -> Iterator[FileReport]:
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    def known(report: FileReport) -> Future[FileReport]:
        future: Future[FileReport] = Future()
        future.set_result(report)
        return future

    done = 0
    try:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_start, initargs=(lint_only, stop.event)) as pool:
            futures = [known(kept[path]) if path in kept else pool.submit(process, path, task) for path in paths]
            for future in futures:
                if stop.is_set():
                    for pending in futures[done:]:
                        pending.cancel()
                    yield from (started.result() for started in futures[done:] if not started.cancelled())
                    break
                yield future.result()
                done += 1
    except BrokenProcessPool:
        # a worker died: each file it left is run again alone, so that the failure is its own file's only
        for path in paths[done:]:
            stop.check()
            yield kept[path] if path in kept else _alone(path, task)
    stop.check()
