"""The slowest files of real trees: each file's lint time against its own libcst parse (issue 18's "no slow file").

    python bench/slow_files.py TREE [TREE ...] [--top 15]

Each Python file that passes the text prefilter is parsed by libcst alone, then linted as ``shapelint --jobs 1``
lints it when run as its user runs it, ``shapelint .`` in its repository (the working directory is the repository:
an extracted tree has no ``.git`` to mark its project, and from elsewhere its importers would not be found), each
timed once in this process.  A folder of extracted repositories (``owner+name``) is taken one repository at a
time.  The goals: no file over 3x its own parse time, and none over 1 s below 2,000 lines.  Printed: the files over
either bound, then the slowest files.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import libcst

from shapelint.frontends.files import might_hold_model
from shapelint.frontends.runner import Task, process_data
from shapelint.source import trust_parser

SLOW_RATIO = 3.0
SLOW_SECONDS = 1.0
SHORT_LINES = 2_000


@dataclass(frozen=True)
class Timing:
    path: Path
    lines: int
    parse: float
    lint: float

    @property
    def ratio(self) -> float:
        return self.lint / self.parse if self.parse else 0.0

    @property
    def slow(self) -> bool:
        return self.ratio > SLOW_RATIO or (self.lint > SLOW_SECONDS and self.lines < SHORT_LINES)

    def row(self) -> str:
        return f"{self.lint:7.3f} s  {self.parse:7.3f} s  {self.ratio:6.1f}x  {self.lines:6} lines  {self.path}"


def _time(path: Path) -> Timing | None:
    data = path.read_bytes()
    if not might_hold_model(data):
        return None
    try:
        start = time.perf_counter()
        libcst.parse_module(data)
        parsed = time.perf_counter()
    except Exception:  # a file libcst refuses has no parse time to compare with
        return None
    process_data(str(path), data, Task())
    linted = time.perf_counter()
    return Timing(path, data.count(b"\n"), parsed - start, linted - parsed)


def _repository_timings(tree: Path) -> list[Timing]:
    repositories = sorted(path for path in tree.iterdir() if path.is_dir() and "+" in path.name) or [tree]
    timings: list[Timing] = []
    before = os.getcwd()
    try:
        for repository in repositories:
            os.chdir(repository)
            timings += [t for path in sorted(repository.rglob("*.py")) if (t := _time(path)) is not None]
    finally:
        os.chdir(before)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trees", nargs="+", type=Path)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    trust_parser()
    print(f"$ python bench/slow_files.py {' '.join(map(str, args.trees))} --top {args.top}")
    timings = [timing for tree in args.trees for timing in _repository_timings(tree.resolve())]
    slow = [t for t in timings if t.slow]
    total_lint, total_parse = sum(t.lint for t in timings), sum(t.parse for t in timings)
    ratio = total_lint / total_parse
    print(f"{len(timings)} files; lint {total_lint:.1f} s, their parse {total_parse:.1f} s ({ratio:.2f}x)")
    print(f"over {SLOW_RATIO:g}x their parse, or over {SLOW_SECONDS:g} s below {SHORT_LINES} lines: {len(slow)}")
    print("   lint      parse    ratio")
    for timing in sorted(slow, key=lambda t: -t.ratio):
        print(f"  {timing.row()}")
    print(f"slowest {args.top}:")
    for timing in sorted(timings, key=lambda t: -t.lint)[: args.top]:
        print(f"  {timing.row()}")


if __name__ == "__main__":
    main()
