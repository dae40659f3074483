"""Linter cost side by side: shapelint against flake8, libcst and ``ast`` on the same files.

Run from the repository root: ``python bench/bench_lint.py [GOAL ...] [--repeats N]``
with GOALs among ``typical dense startup jobs scaling big project plugin`` (default: all).
Every figure is the median of interleaved repetitions; each contender is a
fresh process started from the real executables (not pyenv shims), so start-up
counts. Peak memory is sampled separately, untimed, as the summed resident set
of the whole process tree.
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = Path(sysconfig.get_path("scripts"))
SITE = Path(sysconfig.get_path("purelib"))
PYTHON = sys.executable
SHAPELINT = str(SCRIPTS / "shapelint")
MODEL_FOLDERS = (ROOT / "tests" / "corpus", ROOT / "tests" / "heldout_style")

PYFLAKES_ONLY = (
    "import flake8.plugins.finder as f;"
    "found = f._find_importlib_plugins;"
    "f._find_importlib_plugins = lambda: (p for p in found() if p.package != 'shapelint');"
    "from flake8.main.cli import main; main()"
)
"""flake8 without the shapelint plugin this checkout registers, so the peer is pyflakes alone."""

PARSE_ALL = (
    "import sys, pathlib\n"
    "from {module} import {function} as parse\n"
    "for path in sorted(pathlib.Path(sys.argv[1]).rglob('*.py')):\n"
    "    parse(path.read_bytes())\n"
)
"""One process that parses every file and does nothing else."""


@dataclass(frozen=True)
class Contender:
    """A command to time; ``argv`` runs in a fresh process, in ``cwd`` when given."""

    name: str
    argv: tuple[str, ...]
    cwd: Path | None = None


def shapelint(*args: str) -> tuple[str, ...]:
    """A run that analyses every file: the result cache would answer every repetition after the first."""
    return (SHAPELINT, "--quiet", "--no-cache", *args)


def cached_shapelint(cache: Path, *args: str) -> tuple[str, ...]:
    return (SHAPELINT, "--quiet", "--cache-dir", str(cache), *args)


def flake8_pyflakes(folder: Path) -> tuple[str, ...]:
    return (PYTHON, "-c", PYFLAKES_ONLY, "--select=F", str(folder))


def parse_only(module: str, function: str, folder: Path) -> tuple[str, ...]:
    return (PYTHON, "-c", PARSE_ALL.format(module=module, function=function), str(folder))


def wall_time(argv: Sequence[str], cwd: Path | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, cwd=cwd)
    return time.perf_counter() - start


def interleaved(contenders: Sequence[Contender], repeats: int) -> dict[str, float]:
    """Median wall time of each contender, run A, B, C, A, B, C, ... so load drift hits all alike."""
    times: dict[str, list[float]] = {c.name: [] for c in contenders}
    for _ in range(repeats):
        for contender in contenders:
            times[contender.name].append(wall_time(contender.argv, contender.cwd))
    return {name: statistics.median(values) for name, values in times.items()}


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants, from the kernel's children lists."""
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    pending.extend(int(child) for child in handle.read().split())
        except OSError:
            continue
    return found


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as handle:
            return next((int(line.split()[1]) for line in handle if line.startswith("VmRSS:")), 0)
    except OSError:
        return 0


def peak_memory_mb(argv: Sequence[str]) -> float:
    """Peak of the summed resident memory of the process tree (workers included), sampled every 10 ms."""
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while process.poll() is None:
        peak = max(peak, sum(_rss_kb(pid) for pid in _tree(process.pid)))
        time.sleep(0.01)
    return peak / 1024


def print_table(title: str, medians: dict[str, float], baseline: str, memory: dict[str, float] | None = None) -> None:
    print(f"\n== {title}")
    for name, seconds in medians.items():
        ratio = seconds / medians[baseline]
        mem = f"  peak {memory[name]:7.0f} MB" if memory and name in memory else ""
        print(f"  {name:48} {seconds:8.3f} s  {ratio:6.2f}x {baseline}{mem}")


def copy_sources(target: Path) -> Path:
    """numpy's sources and torch/nn from site-packages, without bytecode."""
    folder = target / "typical"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.so")
    shutil.copytree(SITE / "numpy", folder / "numpy", ignore=ignore)
    shutil.copytree(SITE / "torch" / "nn", folder / "torch" / "nn", ignore=ignore)
    return folder


def model_files() -> list[Path]:
    return sorted(p for folder in MODEL_FOLDERS for p in folder.rglob("*.py") if p.name != "__init__.py")


def replicate(target: Path, copies: int, name: str) -> Path:
    """``copies`` renamed copies of every model file, in one flat folder."""
    folder = target / name
    folder.mkdir()
    for path in model_files():
        stem = "__".join(path.relative_to(ROOT / "tests").with_suffix("").parts)
        for copy in range(copies):
            shutil.copyfile(path, folder / f"{stem}__r{copy}.py")
    return folder


def big_source(blocks: int) -> str:
    """Five lines and two Sequentials per block; every hundredth block has a wrong ``in_features``."""
    lines = ["import torch", "from torch import nn", ""]
    for i in range(blocks):
        wrong = 15 if i % 100 == 0 else 16
        lines.append(f"s{2 * i} = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear({wrong}, 4))")
        lines += [f"s{2 * i + 1} = nn.Sequential(", "    nn.Conv2d(3, 8, 3), nn.ReLU(),"]
        lines += ["    nn.Conv2d(8, 16, 3), nn.BatchNorm2d(16),", ")"]
    return "\n".join(lines) + "\n"


def count_files(folder: Path) -> tuple[int, int, int]:
    """Files, files passing the text prefilter, and lines."""
    from shapelint.frontends.files import might_hold_model

    paths = list(folder.rglob("*.py"))
    datas = [p.read_bytes() for p in paths]
    return len(paths), sum(map(might_hold_model, datas)), sum(d.count(b"\n") for d in datas)


def goal_typical(work: Path, repeats: int) -> None:
    folder = copy_sources(work)
    files, candidates, lines = count_files(folder)
    print(f"\n{folder}: {files} files, {lines} lines, {candidates} pass the text prefilter")
    contenders = [
        Contender("flake8 --select=F (pyflakes only)", flake8_pyflakes(folder)),
        Contender("flake8 --select=F (shapelint plugin loaded)", (str(SCRIPTS / "flake8"), "--select=F", str(folder))),
        Contender("shapelint", shapelint(str(folder))),
        Contender("shapelint --jobs 1", shapelint("--jobs", "1", str(folder))),
    ]
    medians = interleaved(contenders, repeats)
    memory = {c.name: peak_memory_mb(c.argv) for c in contenders}
    print_table("goal 1: typical repository (goal: shapelint <= 0.5x pyflakes)", medians, contenders[0].name, memory)
    first_pass("torch/nn files passing the prefilter", folder / "torch")


def goal_project(tree: Path, repeats: int) -> None:
    """Whole-project analysis (imports followed, importers run) of real repositories, each linted as its user
    would: ``shapelint .`` in its own directory, which makes it the project root (run from elsewhere, a tree
    without a ``.git`` or packaging marker is not one project, and its importers are not found).  A folder of
    extracted repositories (``owner+name``) is timed one repository at a time, and the times summed."""
    if not tree.is_dir():
        print(f"\nproject: {tree} is not there; extract the real-world corpus first (bench/realworld.py extract)")
        return
    files, candidates, lines = count_files(tree)
    repositories = sorted(path for path in tree.iterdir() if path.is_dir() and "+" in path.name) or [tree]
    print(f"\n{tree}: {len(repositories)} repositories, {files} files, {lines} lines, {candidates} pass the prefilter")
    totals = {"flake8 --select=F -j 1 (pyflakes only)": 0.0, "shapelint --jobs 1": 0.0}
    for repository in repositories:
        contenders = [
            Contender("flake8 --select=F -j 1 (pyflakes only)", (*flake8_pyflakes(Path(".")), "-j", "1"), repository),
            Contender("shapelint --jobs 1", shapelint("--jobs", "1", "."), repository),
        ]
        for name, seconds in interleaved(contenders, repeats).items():
            totals[name] += seconds
    print_table("project: real repositories (goal: shapelint <= 1.0x pyflakes)", totals, contenders[0].name)


def goal_dense(work: Path, repeats: int, copies: int, profile: bool) -> None:
    folder = replicate(work, copies, "dense")
    files, _, lines = count_files(folder)
    print(f"\n{folder}: {files} model files ({copies} renamed copies of each corpus file), {lines} lines")
    contenders = [
        Contender("libcst parse only, one process", parse_only("libcst", "parse_module", folder)),
        Contender("ast parse only, one process", parse_only("ast", "parse", folder)),
        Contender("shapelint --jobs 1", shapelint("--jobs", "1", str(folder))),
        Contender("shapelint (default jobs)", shapelint(str(folder))),
    ]
    medians = interleaved(contenders, repeats)
    title = "goal 2: model-dense files (goal: shapelint --jobs 1 <= 1.5x libcst parse)"
    print_table(title, medians, contenders[0].name)
    phases(folder, repeats)
    first_pass("model-dense files", folder)
    if profile:
        hot_spots(folder)


def phases(folder: Path, repeats: int) -> None:
    """Where one process spends a lint, per phase, on already-read bytes."""
    import gc

    import libcst as cst
    from libcst.metadata import MetadataWrapper, PositionProvider

    from shapelint.source import Positions, trusted_parser

    datas = [p.read_bytes() for p in sorted(folder.rglob("*.py"))]
    asked = _ranges_asked_for(datas)
    gc.freeze()  # the trees kept for the range steps would otherwise slow every collection in every step
    paused = _paused(lint_contained)
    steps: dict[str, Callable[[], object]] = {
        "ast.parse (the guard; its tree also gives statement lines and ranges)": lambda: _each(ast.parse, datas),
        "libcst.parse_module": lambda: _each(cst.parse_module, datas),
        "libcst.parse_module, node validation skipped (as the CLI parses)": lambda: _trusted(
            trusted_parser, lambda: _each(cst.parse_module, datas)
        ),
        f"finding ranges, shapelint's Positions ({len(asked)} of {len(datas)} files)": lambda: [
            [Positions(*trees).of(node) for node in nodes] for trees, nodes in asked
        ],
        "the same ranges from libcst's PositionProvider": lambda: _each(
            lambda module: MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider),
            [trees[0] for trees, _ in asked],
        ),
        "lint_source (all of it), cyclic GC on": lambda: _each(lint_contained, datas),
        "lint_source as the CLI runs it (GC paused per file, validation skipped)": lambda: _trusted(
            trusted_parser, lambda: _each(paused, datas)
        ),
    }
    times: dict[str, list[float]] = {name: [] for name in steps}
    for _ in range(repeats):
        for name, step in steps.items():
            gc.collect()
            start = time.perf_counter()
            step()
            times[name].append(time.perf_counter() - start)
    gc.unfreeze()
    medians = {name: statistics.median(values) for name, values in times.items()}
    print_table("phases of a lint in one process (in-process, no start-up)", medians, "libcst.parse_module")


def _trusted(context: Callable[[], Any], step: Callable[[], object]) -> None:
    with context():
        step()


def _each(function: Callable[[Any], object], items: Sequence[object]) -> None:
    """Call ``function`` on every item, keeping no result: retained trees would slow the collector down."""
    for item in items:
        function(item)


def _ranges_asked_for(datas: list[bytes]) -> list[tuple[tuple[Any, ...], list[object]]]:
    """For each file whose lint asks for a source range: what its ``Positions`` was built from, and the nodes asked
    about."""
    from shapelint.source import Positions

    asked: list[tuple[tuple[Any, ...], list[object]]] = []
    original = Positions.of

    def recording(self: Positions, node: object) -> object:
        if not asked or asked[-1][0][0] is not self.module:
            asked.append(((self.module, self._tree, self._text, self._places), []))
        asked[-1][1].append(node)
        return original(self, node)

    Positions.of = recording  # type: ignore[method-assign]
    try:
        crashed = sum(map(lint_contained, datas))
    finally:
        Positions.of = original  # type: ignore[method-assign]
    if crashed:
        print(f"\n  warning: shapelint crashed on {crashed} of {len(datas)} files (internal errors, contained)")
    return asked


def _paused(function: Callable[[bytes], bool]) -> Callable[[bytes], bool]:
    """``function`` with the collector paused around each call, as the runner pauses it per file."""
    from shapelint.source import paused_collector

    def paused(data: bytes) -> bool:
        with paused_collector():
            return function(data)

    return paused


def hot_spots(folder: Path, count: int = 12) -> None:
    """cProfile of linting every file once in one process: the functions with the most own time."""
    import cProfile
    import pstats

    from shapelint.source import trusted_parser

    datas = [p.read_bytes() for p in sorted(folder.rglob("*.py"))]
    paused = _paused(lint_contained)
    profiler = cProfile.Profile()
    profiler.runcall(lambda: _trusted(trusted_parser, lambda: _each(paused, datas)))
    print(f"\n== profile of linting {folder.name} in one process as the CLI does: cumulative, then own time")
    stats = pstats.Stats(profiler, stream=sys.stdout).strip_dirs()
    stats.sort_stats("cumulative").print_stats(count * 2)
    stats.sort_stats("tottime").print_stats(count)


def lint_contained(data: bytes) -> bool:
    """Lint as the runner does, an internal failure contained; whether it crashed."""
    from shapelint.lint import lint_source

    try:
        lint_source(data)
    except Exception:
        return True
    return False


def first_pass(title: str, folder: Path) -> None:
    """What the first pass on the guard's ``ast`` tree (``shapelint.evaluator.may_find``) spares: the files that name
    no layer, container, tensor made in the file, ``forward``, data set or summary are neither parsed by libcst nor
    evaluated.  Their lint is timed as it would be without the pass (libcst's parse and the checks)."""
    from shapelint.evaluator import may_find
    from shapelint.frontends.files import might_hold_model
    from shapelint.lint import check
    from shapelint.source import parse

    datas = [d for d in (p.read_bytes() for p in sorted(folder.rglob("*.py"))) if might_hold_model(d)]
    trees = [ast.parse(d) for d in datas]
    start = time.perf_counter()
    spared = [d for t, d in zip(trees, datas) if not (may_find(t) or b"shapelint" in d)]
    walk = time.perf_counter() - start
    start = time.perf_counter()
    for data in spared:
        check(parse(data), "<string>")
    cost = time.perf_counter() - start
    print(f"\n== first pass on {title}: {len(datas)} files; spares {len(spared)}, whose lint would cost {cost:.3f} s;"
          f" the walk costs {walk:.3f} s")


def goal_startup(repeats: int) -> None:
    contenders = [
        Contender("python -c pass", (PYTHON, "-c", "pass")),
        Contender("shapelint --version", (SHAPELINT, "--version")),
        Contender("python -m shapelint --version", (PYTHON, "-m", "shapelint", "--version")),
    ]
    medians = interleaved(contenders, repeats * 5)
    print_table("goal 3: start-up (goal: <= +150 ms over python -c pass)", medians, contenders[0].name)
    for name, seconds in medians.items():
        print(f"  {name:48} +{(seconds - medians[contenders[0].name]) * 1000:6.1f} ms")
    probe = (
        "import sys; from shapelint.frontends.cli import main; "
        f"main(['--quiet', '--jobs', '1', {str(MODEL_FOLDERS[0])!r}]); "
        "print(sorted(m for m in ('numpy', 'torch') if m in sys.modules))"
    )
    result = subprocess.run([PYTHON, "-c", probe], capture_output=True, text=True, check=False)
    print(f"  heavy modules imported by a full lint of the corpus: {result.stdout.strip().splitlines()[-1]}")


def goal_jobs(work: Path) -> None:
    folder = work / "dense" if (work / "dense").exists() else replicate(work, 2, "dense")
    typical = work / "typical" if (work / "typical").exists() else copy_sources(work)
    for target in (folder, typical):
        outputs = {}
        for jobs in ("1", "2", "4"):
            for run in range(2):
                argv = shapelint("--format", "json", "--jobs", jobs, str(target))
                outputs[(jobs, run)] = subprocess.run(argv, capture_output=True, check=False).stdout
        distinct = len(set(outputs.values()))
        size = len(next(iter(outputs.values())))
        print(f"\n== goal 4: {target.name}: --jobs 1/2/4, twice each: {distinct} distinct output(s) of {size} bytes")
        memory = {jobs: peak_memory_mb(shapelint("--jobs", jobs, str(target))) for jobs in ("1", "2")}
        print("  peak memory of the process tree: " + ", ".join(f"--jobs {j}: {m:.0f} MB" for j, m in memory.items()))


def goal_cache(work: Path, tree: Path, repeats: int) -> None:
    """A run over an unchanged tree (goal: <= 0.05x the first run), and after an edit to one model file."""
    trees = [path for path in (tree, tree / "pytorch+examples", tree / "lucidrains+vit-pytorch") if path.is_dir()]
    for index, source in enumerate(trees):
        folder = work / f"cached{index}"
        shutil.copytree(source, folder, ignore=shutil.ignore_patterns(".shapelint_cache"))
        cache = work / f"cache{index}"
        edited = max(folder.rglob("*.py"), key=lambda path: path.read_bytes().count(b"nn."))
        first, second, after_edit = [], [], []
        for run in range(repeats):
            shutil.rmtree(cache, ignore_errors=True)
            first.append(wall_time(cached_shapelint(cache, "--jobs", "1", str(folder))))
            second.append(wall_time(cached_shapelint(cache, "--jobs", "1", str(folder))))
            with edited.open("a") as stream:
                stream.write(f"\n# edit {run}\n")
            after_edit.append(wall_time(cached_shapelint(cache, "--jobs", "1", str(folder))))
        medians = {
            "first run (empty cache), --jobs 1": statistics.median(first),
            "second run, unchanged tree": statistics.median(second),
            f"after an edit to {edited.relative_to(folder)}": statistics.median(after_edit),
        }
        print_table(f"cache: {source} (goal: second run <= 0.05x the first)", medians, next(iter(medians)))


def goal_default_jobs(work: Path, tree: Path, repeats: int) -> None:
    """The default ``--jobs`` against ``--jobs 1`` (goal: never slower by more than noise)."""
    targets = [ROOT / "examples", tree / "karpathy+minGPT", tree / "lucidrains+vit-pytorch", tree]
    dense = work / "dense" if (work / "dense").exists() else replicate(work, 2, "dense")
    for target in [*(path for path in targets if path.is_dir()), dense]:
        contenders = [
            Contender("shapelint --jobs 1", shapelint("--jobs", "1", str(target))),
            Contender("shapelint (default jobs)", shapelint(str(target))),
            Contender(f"shapelint --jobs {os.cpu_count()}", shapelint("--jobs", str(os.cpu_count()), str(target))),
        ]
        medians = interleaved(contenders, repeats)
        print_table(f"default jobs: {target}", medians, contenders[0].name)


def goal_scaling(work: Path, repeats: int) -> None:
    folders = {copies: replicate(work, copies, f"scale{copies}") for copies in (1, 4, 16)}
    contenders = [Contender(f"shapelint, {copies}x corpus", shapelint(str(f))) for copies, f in folders.items()]
    medians = interleaved(contenders, repeats)
    memory = {c.name: peak_memory_mb(c.argv) for c in contenders}
    print_table("goal 5: scaling with the number of files (default jobs; linear = 1, 4, 16)", medians,
                contenders[0].name, memory)


def goal_big(work: Path, repeats: int) -> None:
    """File size: 1/8 .. 1 of a 50,000-line file with 20,000 Sequentials, against libcst and ast alone."""
    for blocks in (1250, 2500, 5000, 10000):
        folder = work / f"big{blocks}"
        folder.mkdir()
        (folder / "big.py").write_text(big_source(blocks))
        lines = 5 * blocks + 3
        contenders = [
            Contender("libcst parse only", parse_only("libcst", "parse_module", folder)),
            Contender("ast parse only", parse_only("ast", "parse", folder)),
            Contender("shapelint --jobs 1", shapelint("--jobs", "1", str(folder))),
        ]
        medians = interleaved(contenders, repeats)
        memory = {c.name: peak_memory_mb(c.argv) for c in contenders}
        print_table(f"goal 5: one file of {lines} lines, {2 * blocks} Sequentials", medians, contenders[0].name, memory)


def goal_plugin(repeats: int) -> None:
    """flake8 on files that never mention torch costs the same with the shapelint plugin installed (issue 16)."""
    import email

    folder = Path(email.__file__).parent
    contenders = [
        Contender("flake8 --select=F (without the plugin)", (*flake8_pyflakes(folder), "-j", "1")),
        Contender("flake8 --select=F (with the plugin)", (PYTHON, "-m", "flake8", "--select=F", "-j1", str(folder))),
    ]
    medians = interleaved(contenders, repeats * 3)
    print_table(f"plugin: flake8 on {folder} (no torch in it; goal: 1.0x)", medians, contenders[0].name)


def compile_bytecode() -> None:
    """Write shapelint's bytecode before timing, as installing a package does.

    With ``PYTHONDONTWRITEBYTECODE`` set (it is on these machines) an editable
    checkout would otherwise compile every module again in every process, about
    70 ms that no installed copy pays; libcst's bytecode came with its install.
    """
    import compileall

    compileall.compile_dir(str(ROOT / "shapelint"), quiet=1)


GOALS = ("typical", "dense", "startup", "jobs", "scaling", "big", "project", "plugin", "cache", "defaultjobs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("goals", nargs="*", metavar="GOAL", help=f"any of {', '.join(GOALS)} (default: all)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--copies", type=int, default=2, help="copies of each corpus file for the dense set")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of the dense set's lint")
    parser.add_argument("--tree", type=Path, default=Path("/work/realworld"), help="real repositories, for project")
    args = parser.parse_args()
    unknown = set(args.goals) - set(GOALS)
    if unknown:
        parser.error(f"unknown goals: {', '.join(sorted(unknown))}")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {os.getloadavg()}")
    compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="bench_lint_") as temp:
        work = Path(temp)
        runs: dict[str, Callable[[], None]] = {
            "typical": lambda: goal_typical(work, args.repeats),
            "dense": lambda: goal_dense(work, args.repeats, args.copies, args.profile),
            "startup": lambda: goal_startup(args.repeats),
            "jobs": lambda: goal_jobs(work),
            "scaling": lambda: goal_scaling(work, args.repeats),
            "big": lambda: goal_big(work, args.repeats),
            "project": lambda: goal_project(args.tree, args.repeats),
            "cache": lambda: goal_cache(work, args.tree, args.repeats),
            "defaultjobs": lambda: goal_default_jobs(work, args.tree, args.repeats),
            "plugin": lambda: goal_plugin(args.repeats),
        }
        for goal in args.goals or GOALS:
            runs[goal]()
        print(f"\nload average at the end: {os.getloadavg()}")


if __name__ == "__main__":
    main()
