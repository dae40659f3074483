"""The ``shapelint`` command: translate options, call the runner, print a report, choose the exit status.

Exit status: 0 nothing found (or ``--exit-zero``); 1 findings, files that could
not be parsed or decoded, or (``--diff``) changes to make; 2 usage or
configuration errors, a missing path, or an internal failure of shapelint on
some file (the other paths and files are still linted and reported); 130 and
143 when Ctrl-C or SIGTERM stopped the run (what was done is reported).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from shapelint import __version__

if TYPE_CHECKING:
    from shapelint.frontends.config import Config
    from shapelint.frontends.outcome import FileReport
    from shapelint.frontends.runner import Task
    from shapelint.judge import Diagnostic


_CACHE = ".shapelint_cache"


def _prefixes(value: str) -> tuple[str, ...]:
    return tuple(part.strip().upper() for part in value.split(",") if part.strip())


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="shapelint",
        description="Find and fix wrong in_features / in_channels / num_features in PyTorch models, statically.",
        epilog="other commands: `shapelint summary FILE[:NAME]` prints a model's layer table without running it; "
        "`shapelint rule CODE` explains a code with its examples; `shapelint clean` removes the result cache; "
        "`shapelint server` is the language server.  "
        "exit status: 0 nothing found (or --exit-zero); 1 findings, unparsable files or (--diff) changes to make; "
        "2 usage or configuration error, missing path, or an internal failure of shapelint; 130/143 interrupted",
    )
    parser.add_argument(
        "paths", nargs="*", default=["."], metavar="PATH", help="files or folders (default: .); - reads standard input"
    )
    parser.add_argument("--format", choices=("text", "json", "sarif", "github"), default="text")
    parser.add_argument("--select", type=_prefixes, help="code prefixes to report, comma-separated")
    parser.add_argument("--ignore", type=_prefixes, help="code prefixes to leave out, comma-separated")
    parser.add_argument(
        "--exclude",
        type=lambda v: tuple(p for p in v.split(",") if p),
        help="globs to skip, comma-separated (replaces the configured ones)",
    )
    parser.add_argument(
        "--max-file-size", type=int, metavar="BYTES", help="skip larger files, with a notice (default: 5000000)"
    )
    parser.add_argument(
        "--jobs", type=int, help="worker processes (default: one per 256 kB of source to analyse, up to all cores)"
    )
    parser.add_argument("--no-cache", action="store_true", help="analyse every file; read and write no cache")
    parser.add_argument(
        "--cache-dir", metavar="DIR", help=f"where results are kept (default: $SHAPELINT_CACHE_DIR or ./{_CACHE})"
    )
    parser.add_argument("--fix", action="store_true", help="rewrite wrong input sizes in place")
    parser.add_argument("--unsafe-fixes", action="store_true", help="also apply fixes that replace names")
    parser.add_argument("--diff", action="store_true", help="print the fixes as a diff and write nothing")
    parser.add_argument("--show-fixes", action="store_true", help="list each finding's fix, applied or not")
    parser.add_argument("--statistics", action="store_true", help="count the findings by code instead of listing them")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    parser.add_argument("--stdin-filename", metavar="PATH", help="the path standard input (-) is linted as")
    parser.add_argument("--quiet", action="store_true", help="no summary on stderr")
    parser.add_argument("--verbose", action="store_true", help="tracebacks for internal errors")
    parser.add_argument("--version", action="version", version=f"shapelint {__version__}")
    return parser


def _config(args: argparse.Namespace) -> Config:
    """The pyproject settings, overridden by the command line."""
    from dataclasses import replace

    from shapelint.frontends.config import check_prefixes, find_config

    config = find_config(args.paths)
    selection = config.selection
    if args.select is not None:
        selection = replace(selection, select=check_prefixes(args.select, "--select"))
    if args.ignore is not None:
        selection = replace(selection, ignore=check_prefixes(args.ignore, "--ignore"))
    exclude = config.exclude if args.exclude is None else args.exclude
    return replace(config, selection=selection, exclude=exclude)


def _cache_directory(given: str | None, config: Config) -> str:
    """``--cache-dir``, else ``$SHAPELINT_CACHE_DIR``, else ``.shapelint_cache`` beside the configuration (in the
    working directory without one), as ruff places its cache."""
    return given or os.environ.get("SHAPELINT_CACHE_DIR") or os.path.join(config.root, _CACHE)


def _max_bytes(args: argparse.Namespace, config: Config) -> int:
    from shapelint.frontends.config import ConfigError
    from shapelint.source import DEFAULT_MAX_BYTES

    if args.max_file_size is not None and args.max_file_size < 1:
        raise ConfigError(f"--max-file-size must be a positive number of bytes, got {args.max_file_size}")
    return args.max_file_size or config.max_bytes or DEFAULT_MAX_BYTES


def _emit(args: argparse.Namespace, reports: list[FileReport]) -> None:
    from shapelint.frontends import report

    diagnostics = [d for r in reports for d in r.diagnostics]
    errors = [e for r in reports for e in r.errors]
    if args.diff:
        lines = ["".join(r.diff for r in reports)]
        for error in (e for r in reports for e in r.errors if not e.notice):
            print(report.error_line(error), file=sys.stderr)
    elif args.format == "json":
        lines = [report.to_json(diagnostics, errors, args.unsafe_fixes)]
    elif args.format == "sarif":
        lines = [report.to_sarif(diagnostics, errors, args.unsafe_fixes, not any(r.crash for r in reports))]
    elif args.format == "github":
        lines = report.github_lines(diagnostics, errors)
    elif args.statistics:
        lines = report.statistics_lines(diagnostics, args.unsafe_fixes)
    else:
        lines = report.text_lines(diagnostics, errors, args.unsafe_fixes)
        lines += report.fix_lines(diagnostics) if args.show_fixes else []
    sys.stdout.write("".join(line if args.diff else f"{line}\n" for line in lines))


def _summary(args: argparse.Namespace, reports: list[FileReport]) -> None:
    from shapelint.frontends.report import error_line, found_line, plural

    if args.verbose:
        for crash in (r.crash for r in reports if r.crash):
            print(crash, file=sys.stderr)
    if args.quiet:
        return
    if args.format == "text":
        for notice in (e for r in reports for e in r.errors if e.notice):
            print(error_line(notice), file=sys.stderr)
    if not (args.fix or args.diff):
        found = found_line([d for r in reports for d in r.diagnostics], args.unsafe_fixes)
        if found and args.format == "text":
            print(found, file=sys.stderr)
        return
    fixed = sum(r.fixed for r in reports)
    total = fixed + sum(len(r.diagnostics) for r in reports)
    files = sum(1 for r in reports if r.changed)
    verb = "Would fix" if args.diff else "Fixed"
    print(f"{verb} {fixed} of {plural(total, 'finding')} in {plural(files, 'file')}.", file=sys.stderr)
    withheld = sum(r.withheld for r in reports)
    if withheld:
        print(f"{plural(withheld, 'unsafe fix', 'unsafe fixes')} withheld (use --unsafe-fixes).", file=sys.stderr)


def _status(args: argparse.Namespace, reports: list[FileReport], missing: list[str]) -> int:
    if any(r.crash for r in reports) or missing:
        return 2
    if args.exit_zero:
        return 0
    if args.diff:
        return int(any(r.changed or any(not e.notice for e in r.errors) for r in reports))
    return int(any(r.diagnostics or any(not e.notice for e in r.errors) for r in reports))


def _summary_command(argv: Sequence[str]) -> int:
    """``shapelint summary FILE[:NAME] [--input SHAPE] [--format json]``: the static torchinfo-like table; exit 1
    when the file has findings, as the lint does."""
    parser = argparse.ArgumentParser(prog="shapelint summary", description="Summarize a model without running it.")
    parser.add_argument("target", metavar="FILE[:NAME]", help="a Python file, and a model's name in it")
    parser.add_argument(
        "--input", metavar="SHAPE", help='the input shape, e.g. "(B, 3, 32, 32)"; one per argument of forward'
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 2
    from shapelint.frontends.summary import SummaryError, summarize, to_json
    from shapelint.inputs import parse_directive
    from shapelint.source import PARSE_ERRORS, NotebookError
    from shapelint.table import format_table

    path, _, name = args.target.partition(":") if not os.path.exists(args.target) else (args.target, "", "")
    given = parse_directive(f"# shapelint: input={args.input}", 1, 1) if args.input is not None else None
    try:
        if given is not None and given.error:
            raise SummaryError(f"--input {args.input!r}: {given.error}")
        source, place = _summary_source(path)
        summary = summarize(source, name or None, path, given.shapes if given else None, place)
    except (OSError, SummaryError, NotebookError, *PARSE_ERRORS) as error:  # type: ignore[misc]  # mypy reads no starred tuple
        print(f"shapelint summary: error: {error}", file=sys.stderr)
        return 2
    print(to_json(summary) if args.format == "json" else format_table(summary))
    return int(bool(summary.findings) or any(row.wrong for row in summary.rows))


def _summary_source(path: str) -> tuple[str, Callable[[Diagnostic], Diagnostic]]:
    """The text the summary reads (a notebook's code cells) and how its findings are placed."""
    from functools import partial

    from shapelint.frontends import notebooks
    from shapelint.frontends.summary import SummaryError
    from shapelint.source import Skipped, read_source_bytes

    try:
        data = read_source_bytes(path)
    except Skipped as skipped:
        raise SummaryError(f"{path}: {skipped}") from None
    notebook = notebooks.read(path, data)
    if notebook is None:
        return data.decode("utf-8"), partial(notebooks.place, None)
    return notebook.program, partial(notebooks.place, notebook)


def _rule_command(argv: Sequence[str]) -> int:
    """``shapelint rule CODE``: the code's explanation and examples."""
    from shapelint.frontends.rules import codes, explain

    if len(argv) != 1:
        print("usage: shapelint rule CODE", file=sys.stderr)
        return 2
    text = explain(argv[0])
    if text is None:
        print(f"shapelint rule: error: no code {argv[0]!r} (codes: {codes()})", file=sys.stderr)
        return 2
    print(text)
    return 0


def _clean_command(argv: Sequence[str]) -> int:
    """``shapelint clean [PATH ...] [--cache-dir DIR]``: remove the result cache the lint of those paths uses."""
    parser = argparse.ArgumentParser(prog="shapelint clean", description="Remove shapelint's result cache.")
    parser.add_argument("paths", nargs="*", default=["."], metavar="PATH", help="where the lint runs (default: .)")
    parser.add_argument("--cache-dir", metavar="DIR", help="the cache to remove")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 2
    from shapelint.frontends.cache import CacheError, clean
    from shapelint.frontends.config import ConfigError, find_config

    try:
        directory = _cache_directory(args.cache_dir, find_config(args.paths))
        removed = clean(directory)
    except (ConfigError, CacheError, OSError) as error:
        print(f"shapelint clean: error: {error}", file=sys.stderr)
        return 2
    print(f"Removed {directory}" if removed else f"No cache at {directory}", file=sys.stderr)
    return 0


def _server_command(argv: Sequence[str]) -> int:
    """``shapelint server``: the language server on stdio, from the ``lsp`` extra."""
    if argv:
        print("usage: shapelint server (speaks the Language Server Protocol on stdin and stdout)", file=sys.stderr)
        return 2
    try:
        from shapelint.frontends.server import serve
    except ImportError as error:
        print(f"shapelint server: error: {error}; install the extra: pip install 'shapelint[lsp]'", file=sys.stderr)
        return 2
    serve()
    return 0


_COMMANDS = {"summary": _summary_command, "rule": _rule_command, "clean": _clean_command, "server": _server_command}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status instead of exiting, so tests can call it.  A closed standard
    output (``shapelint . | head -1``) ends the run quietly."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if hasattr(sys, "set_int_max_str_digits"):
        sys.set_int_max_str_digits(0)  # a huge size is printed, and sent to JSON, as any other
    try:
        command = _COMMANDS.get(argv[0]) if argv else None
        return command(argv[1:]) if command is not None else _lint_command(argv)
    except BrokenPipeError:
        # the reader is gone: point stdout at nothing so the interpreter's final flush cannot fail again
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _lint_command(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 2
    from shapelint.frontends.config import ConfigError
    from shapelint.frontends.files import discover
    from shapelint.frontends.report import plural
    from shapelint.frontends.runner import Task, run

    try:
        if args.jobs is not None and args.jobs < 1:
            raise ConfigError(f"--jobs must be at least 1, got {args.jobs}")
        config = _config(args)
        limit = _max_bytes(args, config)
    except ConfigError as error:
        print(f"shapelint: error: {error}", file=sys.stderr)
        return 2
    from shapelint.frontends.cache import result_cache

    cache = None if args.no_cache else result_cache(_cache_directory(args.cache_dir, config))
    task = Task(config.selection, args.fix, args.diff, args.unsafe_fixes, max_bytes=limit, cache=cache)
    if args.paths == ["-"]:
        return _stdin(args, task)
    paths, missing = discover(args.paths, config.exclude, config.root)
    for path in missing:
        print(f"shapelint: error: {path}: no such file or directory", file=sys.stderr)
    if not paths and not missing and not args.quiet:
        print(f"shapelint: no Python files to lint in {' '.join(args.paths)}", file=sys.stderr)
    from shapelint.frontends.interrupts import Interrupted, stoppable

    reports: list[FileReport] = []
    try:
        with stoppable() as stop:
            reports.extend(run(paths, task, args.jobs, stop))
    except Interrupted as interrupted:
        _emit(args, reports)
        _summary(args, reports)
        print(f"shapelint: {interrupted}; {plural(len(reports), 'file')} done", file=sys.stderr)
        return interrupted.status
    _emit(args, reports)
    _summary(args, reports)
    return _status(args, reports, missing)


def _stdin(args: argparse.Namespace, task: Task) -> int:
    """``shapelint -``: standard input, linted as ``--stdin-filename`` (its project, its config); with ``--fix``,
    the fixed text goes to standard output and the findings left to standard error."""
    from dataclasses import replace

    from shapelint.frontends.outcome import FileError, FileReport
    from shapelint.frontends.report import text_lines
    from shapelint.frontends.runner import process_data

    name = args.stdin_filename or "<stdin>"
    data = sys.stdin.buffer.read(task.max_bytes + 1)
    if len(data) > task.max_bytes:
        message = f"skipped: standard input is over the {task.max_bytes / 1e6:g} MB limit (max-file-size)"
        report = FileReport(name, errors=(FileError(name, message, notice=True),))
    else:
        report = process_data(name, data, replace(task, write=False))
    if args.fix and report.fixed_text is not None:
        sys.stdout.buffer.write(report.fixed_text)
        sys.stdout.flush()
        for line in text_lines(report.diagnostics, report.errors, args.unsafe_fixes):
            print(line, file=sys.stderr)
    else:
        _emit(args, [report])
        _summary(args, [report])
    return _status(args, [report], [])
