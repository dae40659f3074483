"""The real-world measurement: public repositories as they are written, judged by torch forward hooks.

The repositories are listed, with their commits and the models each builds,
in ``tests/realworld/repos.toml``; their code is never kept here.  Bring each
onto the machine (the search tool's ``fetch`` gives a bare git directory per
repository), then::

    python bench/realworld.py extract --mirrors /work/.mirror --trees /work/realworld
    python bench/realworld.py measure --trees /work/realworld [--directive] [-v]

For every model, torch builds it as the repository does and runs it on the
input the repository feeds it, with a forward hook on each torch.nn leaf
module, which gives every layer's output shape and the line that built it.
shapelint evaluates the model's file in its project (as ``shapelint`` would
from the repository root) and records every layer it applied.  A layer site
(file, line, class) is *known* when shapelint gave it a shape equal to one
torch gave it (a symbolic dimension matches only the batch size), and *wrong*
when shapelint gave it a fully known shape torch never gave it.  A model is
*fully evaluated* when every site is known.  Then each literal input size of
the model's file is mutated, torch decides which mutants are bugs, and a bug
is *found* when shapelint reports the mutated line.  ``--directive`` adds
``# shapelint: input=(...)`` to the model's class line first.  Last, the whole
repository is linted as it is: every finding there is a false positive to
read (the repositories run as written).
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import subprocess
import sys
import types

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))

LIST = REPOSITORY / "tests" / "realworld" / "repos.toml"
MAX_MUTANTS = 12
"""Mutants per model, the first literal sites of its file: enough for a rate, bounded in time."""

Site = tuple[str, int, str]
"""A layer's construction site: absolute file, line, class name."""


@dataclass
class Model:
    repo: str
    tree: Path
    file: str
    module: str
    root: str
    build: str
    input: list[int]
    dtype: str = "float"
    vocab: int = 0
    mode: str = "import"
    """``import`` the module, or run a ``script``'s definitions (its imports, classes, functions and assignments;
    every statement that fails, loops or trains is skipped)."""
    setup: str = ""
    """Code run first, such as ``sys.argv = ['gan.py']`` so a script's argparse gives its defaults."""
    also: list[list[int]] = field(default_factory=list)
    """Other inputs the project itself feeds the model (its file's own example call): torch runs them too, so a
    shape shapelint takes from them is compared with what torch gives for them."""
    also_build: list[str] = field(default_factory=list)
    """Other configurations the project itself builds of the same model (a training script's own defaults): torch
    builds and runs them too on the first input, so a shape shapelint gives a layer in one of them is compared with
    what torch gives there, not taken for wrong."""

    @property
    def path(self) -> Path:
        return self.tree / self.file

    @property
    def label(self) -> str:
        return f"{self.repo}:{self.file}:{self.build}"


@dataclass
class Measured:
    model: Model
    sites: int = 0
    known: int = 0
    wrong: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    bugs: int = 0
    found: int = 0
    misses: list[str] = field(default_factory=list)
    error: str = ""

    @property
    def full(self) -> bool:
        return self.sites > 0 and self.known == self.sites


def _file_of(module: object) -> str:
    """A loaded module's file; a stand-in of a missing library (``_stub_missing``) answers any attribute with
    another stand-in, whose ``str`` never ends, so only a real module's own ``__file__`` is read."""
    if not isinstance(module, types.ModuleType):
        return ""
    return str(vars(module).get("__file__") or "")


def tree_of(trees: Path, repo: str) -> Path:
    return trees / repo.replace("/", "+")


def models(trees: Path, listing: Path = LIST) -> Iterator[Model]:
    listed = tomllib.loads(listing.read_text(encoding="utf-8"))
    for repo in listed["repo"]:
        for entry in repo.get("model", []):
            if not entry.get("torch_ok", False):
                continue
            yield Model(
                repo["name"],
                tree_of(trees, repo["name"]),
                entry["file"],
                entry.get("module", ""),
                entry.get("root", "."),
                entry["build"],
                list(entry["input"]),
                entry.get("dtype", "float"),
                int(entry.get("vocab", 0)),
                entry.get("mode", "import"),
                entry.get("setup", ""),
                [list(shape) for shape in entry.get("also", [])],
                list(entry.get("also_build", [])),
            )


# --- torch's side, in a child process per model ---------------------------------------------------------------


def _torch_child(spec: dict[str, object]) -> dict[str, object]:
    """Build and run the model under torch; with ``mutants``, tell for each whether torch rejects it."""
    import importlib

    import torch

    from tests.torch_run import bound_shapes

    tree, root = Path(str(spec["tree"])), Path(str(spec["tree"])) / str(spec["root"])
    sys.path[:0] = [str(root), str(tree)]
    also: list[list[int]] = spec.get("also") or []  # type: ignore[assignment]
    shapes_fed = [list(spec["input"]), *also]  # type: ignore[call-overload]

    _stub_missing("torchvision")

    def fresh(module: str) -> dict[str, object]:
        for name in [name for name, module in list(sys.modules.items()) if _file_of(module).startswith(str(tree))]:
            del sys.modules[name]
        namespace: dict[str, object] = {"__name__": "realworld_setup"}
        exec(str(spec.get("setup") or ""), namespace)
        if spec.get("mode") == "script":
            return _definitions(tree / str(spec["file"]))
        return vars(importlib.import_module(module))

    statements: dict[Site, set[tuple[int, ...]]] = defaultdict(set)

    def run(record: bool, build: str, fed: list[list[int]]) -> dict[Site, set[tuple[int, ...]]]:
        created: dict[int, tuple[str, int]] = {}
        original = torch.nn.Module.__init__

        def init(self: torch.nn.Module, *args: object, **kwargs: object) -> None:
            original(self, *args, **kwargs)
            frame = sys._getframe(1)
            while frame is not None and not frame.f_code.co_filename.startswith(str(tree)):
                frame = frame.f_back  # type: ignore[assignment]
            if frame is not None:
                created[id(self)] = (frame.f_code.co_filename, frame.f_lineno)

        torch.nn.Module.__init__ = init  # type: ignore[method-assign]
        try:
            model = eval(build, fresh(str(spec["module"])))
        finally:
            torch.nn.Module.__init__ = original  # type: ignore[method-assign]
        shapes: dict[Site, set[tuple[int, ...]]] = defaultdict(set)

        def hook(layer: torch.nn.Module, inputs: object, output: object) -> None:
            out = output[0] if isinstance(output, tuple) else output
            if isinstance(out, torch.Tensor) and id(layer) in created:
                file, line = created[id(layer)]
                shapes[(file, line, type(layer).__name__)].add(tuple(out.shape))

        if record:
            for layer in model.modules():
                container = isinstance(layer, (torch.nn.Sequential, torch.nn.ModuleList, torch.nn.ModuleDict))
                if not list(layer.children()) and type(layer).__module__.startswith("torch.nn") and not container:
                    layer.register_forward_hook(hook)
        model.eval()
        for shape in fed:
            if spec.get("dtype") == "long":
                x = torch.randint(0, int(spec.get("vocab") or 2), shape)  # type: ignore[arg-type]
            else:
                x = torch.randn(*shape)
            with torch.no_grad(), bound_shapes(str(tree), statements if record and spec.get("statements") else None):
                model(x)
        return shapes

    shapes = run(True, str(spec["build"]), shapes_fed)
    for other in spec.get("also_build") or []:  # type: ignore[attr-defined]
        for site, found in run(True, str(other), shapes_fed[:1]).items():
            shapes[site] |= found
    result: dict[str, object] = {"sites": [[*site, sorted(found)] for site, found in shapes.items()]}
    result["statements"] = [[*site, sorted(found)] for site, found in statements.items()]
    verdicts = []
    for mutant in spec.get("mutants", []):  # type: ignore[attr-defined]
        path = Path(mutant["file"])
        before = path.read_text(encoding="utf-8")
        path.write_text(mutant["source"], encoding="utf-8")
        try:
            run(False, str(spec["build"]), shapes_fed[:1])
            verdicts.append(False)
        except Exception:
            verdicts.append(True)
        finally:
            path.write_text(before, encoding="utf-8")
    result["rejected"] = verdicts
    return result


def _definitions(path: Path) -> dict[str, object]:
    """A script's names without running its work: each top-level statement but loops, ``with`` blocks, bare calls
    and ``if __name__ == "__main__"`` runs on its own, and one that fails is skipped."""

    source = path.read_text(encoding="utf-8")
    namespace: dict[str, object] = {"__name__": "realworld_script", "__file__": str(path)}
    skipped = (ast.For, ast.While, ast.With, ast.Expr, ast.If, ast.Try)
    for statement in ast.parse(source).body:
        if isinstance(statement, skipped) and not _declares_option(statement):
            continue
        code = compile(ast.Module([statement], []), str(path), "exec")
        try:
            exec(code, namespace)
        except BaseException:  # a statement may raise anything, SystemExit from argparse included
            continue
    return namespace


def _declares_option(statement: object) -> bool:
    """``parser.add_argument(...)``: run, so that the script's options take their defaults."""
    if not isinstance(statement, ast.Expr) or not isinstance(statement.value, ast.Call):
        return False
    function = statement.value.func
    return isinstance(function, ast.Attribute) and function.attr == "add_argument"


def _stub_missing(name: str) -> None:
    """Stand in for a library this machine cannot import (torchvision beside this torch), so a repository that
    imports it at the top still loads; its models must not use it."""
    import importlib.util

    try:
        if importlib.util.find_spec(name) is not None:
            __import__(name)
            return
    except Exception:  # an installed but broken library is stubbed as a missing one
        pass

    class Stub(types.ModuleType):
        def __getattr__(self, attribute: str) -> object:
            child = Stub(f"{self.__name__}.{attribute}")
            sys.modules[child.__name__] = child
            return child

        def __call__(self, *args: object, **kwargs: object) -> object:
            raise RuntimeError(f"{self.__name__} is a stand-in: this machine cannot import {name}")

    class Finder:
        @staticmethod
        def find_spec(fullname: str, path: object = None, target: object = None) -> object:
            if fullname != name and not fullname.startswith(f"{name}."):
                return None
            return importlib.util.spec_from_loader(fullname, Loader())

    class Loader:
        def create_module(self, spec: object) -> types.ModuleType:
            return Stub(spec.name)  # type: ignore[attr-defined]

        def exec_module(self, module: types.ModuleType) -> None:
            module.__path__ = []  # type: ignore[attr-defined]

    for key in [k for k in sys.modules if k == name or k.startswith(f"{name}.")]:
        del sys.modules[key]
    sys.meta_path.insert(0, Finder())


def torch_side(model: Model, mutants: list[dict[str, str]], statements: bool = False) -> dict[str, object]:
    """torch's shapes for the model's layers (and, with ``statements``, for what its statements bind), and which
    mutants it rejects."""
    spec = {**vars(model), "tree": str(model.tree), "mutants": mutants, "statements": statements}
    spec.pop("repo")
    done = subprocess.run(
        [sys.executable, __file__, "torch-child"],
        input=json.dumps(spec),
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
        cwd=model.tree,
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "torch child failed")
    return json.loads(done.stdout.splitlines()[-1])


# --- shapelint's side ------------------------------------------------------------------------------------------


@contextmanager
def working_directory(path: Path) -> Iterator[None]:
    before = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def shapelint_sites(path: Path, source: bytes) -> dict[Site, set[tuple[object, ...]]]:
    """Every layer shapelint applied while evaluating the file in its project, by construction site."""
    from shapelint.dims import is_int
    from shapelint.evaluator import Tensor, Trace, evaluate
    from shapelint.inputs import InputSources, find_directives, resolve_inputs
    from shapelint.project import project_of
    from shapelint.source import Positions, parse

    parsed = parse(source)
    positions = Positions(parsed.module, parsed.tree, parsed.text)
    sources = InputSources(find_directives(parsed.text, parsed.tree), positions)
    trace = Trace()
    evaluation = evaluate(
        parsed.module, lambda m, s: resolve_inputs(m, sources, s), True, project_of(str(path)), trace=trace
    )
    positions.suggest(evaluation.places)
    others: dict[str, Positions] = {}
    shapes: dict[Site, set[tuple[object, ...]]] = defaultdict(set)
    for layer, result in trace.layers:
        tensor = result[0] if isinstance(result, tuple) else result
        if not isinstance(tensor, Tensor) or tensor.shape.open:
            continue
        imported = evaluation.imported_from(layer.node)
        if imported is None:
            file, line = str(path.resolve()), positions.of(layer.node).line
        else:
            lines = others.setdefault(imported.path, Positions(imported.module))
            file, line = os.path.realpath(imported.path), lines.of(layer.node).line
        dims = tuple(d if is_int(d) else None for d in tensor.shape.dims)
        shapes[(file, line, layer.kind.name)].add(dims)
    return shapes


def lint_lines(path: Path, source: bytes) -> set[int]:
    from shapelint.lint import lint_source

    return {d.line for d in lint_source(source, str(path))}


def compare(torch_sites: list[list[object]], ours: dict[Site, set[tuple[object, ...]]], batch: int) -> Measured:
    measured = Measured(model=None)  # type: ignore[arg-type]
    for file, line, kind, shapes in torch_sites:  # type: ignore[misc]
        site = (os.path.realpath(str(file)), int(line), str(kind))  # type: ignore[call-overload]
        real = {tuple(s) for s in shapes}  # type: ignore[union-attr]
        measured.sites += 1
        given = ours.get(site, set())
        if any(_matches(dims, shape, batch) for dims in given for shape in real):
            measured.known += 1
        else:
            measured.unknown.append(f"{Path(site[0]).name}:{site[1]} {kind} torch {sorted(real)}")
        for dims in given:
            if None not in dims and not any(_same_but_batch(dims, shape, batch) for shape in real):
                measured.wrong.append(f"{Path(site[0]).name}:{site[1]} {kind} shapelint {dims} torch {sorted(real)}")
    return measured


def _same_but_batch(dims: tuple[object, ...], shape: tuple[int, ...], batch: int) -> bool:
    """Equal sizes, the batch aside: a file may also run the model on another batch (a sample of 64 beside a
    training batch of 128), which torch's one run here does not see."""
    if len(dims) != len(shape):
        return False
    return all(d == s or (i == 0 and s == batch) for i, (d, s) in enumerate(zip(dims, shape)))


def _matches(dims: tuple[object, ...], shape: tuple[int, ...], batch: int) -> bool:
    if len(dims) != len(shape):
        return False
    return all(d == s or (d is None and s == batch) for d, s in zip(dims, shape))


def measure_model(model: Model, directive: bool) -> Measured:
    from tests.mutation.inject import mutants

    original = model.path.read_bytes()
    text = original.decode("utf-8")
    if directive:
        text = _with_directive(text, model)
    model.path.write_text(text, encoding="utf-8")
    try:
        candidates = [m for _, m in zip(range(MAX_MUTANTS), mutants(text))]
        spec = [{"file": str(model.path), "source": m.source} for m in candidates]
        try:
            truth = torch_side(model, spec)
        except (RuntimeError, subprocess.TimeoutExpired) as error:
            return Measured(model, error=f"torch: {error}")
        with working_directory(model.tree):
            measured = compare(truth["sites"], shapelint_sites(model.path, text.encode()), model.input[0])  # type: ignore[arg-type]
            measured.model = model
            for mutant, rejected in zip(candidates, truth["rejected"]):  # type: ignore[call-overload]
                if not rejected:
                    continue
                measured.bugs += 1
                model.path.write_text(mutant.source, encoding="utf-8")
                if mutant.line in lint_lines(model.path, mutant.source.encode()):
                    measured.found += 1
                else:
                    measured.misses.append(f"{model.file}:{mutant.line} {mutant.original} -> {mutant.replacement}")
    finally:
        model.path.write_bytes(original)
    return measured


def _with_directive(text: str, model: Model) -> str:
    """The file with the repository's input declared on the model's class line: the class ``build`` names, or for a
    factory (``resnet18()``), the first class of the file its body calls."""
    dims = ", ".join(["B", *map(str, model.input[1:])])
    extra = " dtype=long" if model.dtype == "long" else ""
    lines = text.splitlines(keepends=True)
    classes = {match.group(1): index for index, line in enumerate(lines) if (match := _CLASS_LINE.match(line))}
    called = _CALLED.findall(model.build)
    target = next((name for name in called if name in classes), None)
    if target is None:
        built = [name for factory in called for name in _CALLED.findall(_body_of(text, factory))]
        target = next((name for name in built if name in classes), None)
    if target is not None:
        index = classes[target]
        lines[index] = lines[index].rstrip("\r\n") + f"  # shapelint: input=({dims}){extra}\n"
    return "".join(lines)


_CLASS_LINE = re.compile(r"class ([A-Za-z_]\w*)\s*[(:]")
_CALLED = re.compile(r"([A-Za-z_]\w*)\s*\(")


def _body_of(text: str, function: str) -> str:
    """The source of the top-level ``def function``, empty when there is none."""
    for node in ast.parse(text).body:
        if isinstance(node, ast.FunctionDef) and node.name == function:
            return ast.get_source_segment(text, node) or ""
    return ""


def unmodified_findings(tree: Path) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-m", "shapelint", "--jobs", "1", "--quiet", "."],
        check=False,
        capture_output=True,
        text=True,
        cwd=tree,
        timeout=1800,
    )
    return [line for line in done.stdout.splitlines() if line.strip()]


# --- commands --------------------------------------------------------------------------------------------------


def extract(mirrors: Path, trees: Path, listing: Path = LIST, suffix: tuple[str, ...] = (".py",)) -> None:
    """Write each listed commit's files ending in ``suffix`` under ``trees`` (a fetched mirror may lack its large
    data files)."""
    listed = tomllib.loads(listing.read_text(encoding="utf-8"))
    for repo in listed["repo"]:
        target = tree_of(trees, repo["name"])
        git = mirrors / repo["name"].replace("/", "+") / "repo"
        if (git / ".git" / "HEAD").exists():  # some fetches give a git directory inside the folder
            git = git / ".git"
        if target.exists():
            continue
        if not (git / "HEAD").exists():
            print(f"missing  {repo['name']}: fetch github:{repo['name']} first")
            continue
        files = subprocess.run(
            ["git", f"--git-dir={git}", "ls-tree", "-r", "--name-only", repo["commit"]],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split("\n")
        for name in (f for f in files if f.endswith(suffix)):
            shown = subprocess.run(
                ["git", f"--git-dir={git}", "show", f"{repo['commit']}:{name}"], check=False, capture_output=True
            )
            if shown.returncode != 0:
                print(f"absent   {repo['name']}: {name} (not in the fetched mirror)")
                continue
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_bytes(shown.stdout)
        print(f"extracted {repo['name']} @ {repo['commit'][:12]}")


def sweep(trees: Path, listing: Path) -> None:
    """Lint each listed repository as it is written and print every finding: each is a false positive to read, or a
    real bug of the repository's (the held-out sweep)."""
    listed = tomllib.loads(listing.read_text(encoding="utf-8"))
    total = 0
    for repo in listed["repo"]:
        tree = tree_of(trees, repo["name"])
        if not tree.is_dir():
            print(f"missing  {repo['name']}: extract it first")
            continue
        found = [line for line in unmodified_findings(tree) if ": SHP" in line]
        total += len(found)
        print(f"{len(found):3d} finding(s)  {repo['name']}")
        for line in found:
            print(f"      {line}")
    print(f"{len(listed['repo'])} repositories, {total} finding(s) as written")


@contextmanager
def measuring(trees: Path) -> Iterator[None]:
    """One measure at a time per folder of trees: each writes its mutants and directives into the files it measures
    and puts them back after, so two at once would measure, and leave behind, each other's edits."""
    lock = trees / ".realworld-measure.lock"
    try:
        lock.open("x").close()
    except FileExistsError:
        sys.exit(f"another measure is running on {trees} (or one was killed: remove {lock} after checking the trees)")
    try:
        yield
    finally:
        lock.unlink()


def measure(trees: Path, directive: bool, verbose: bool, listing: Path = LIST) -> None:
    print(f"$ python bench/realworld.py measure --trees {trees}{' --directive' if directive else ''}")
    with measuring(trees):
        results = [measure_model(model, directive) for model in models(trees, listing) if model.path.exists()]
    for r in results:
        if r.error:
            print(f"  ERROR {r.model.label}: {r.error}")
            continue
        status = "full" if r.full else f"{r.known}/{r.sites}"
        print(f"  {status:8} wrong={len(r.wrong)} bugs {r.found}/{r.bugs}  {r.model.label}")
        if verbose:
            for line in r.wrong:
                print(f"      WRONG {line}")
            for line in r.misses:
                print(f"      MISS  {line}")
            for line in r.unknown[:3]:
                print(f"      UNKNOWN {line}")
    ok = [r for r in results if not r.error]
    sites, known = sum(r.sites for r in ok), sum(r.known for r in ok)
    bugs, found = sum(r.bugs for r in ok), sum(r.found for r in ok)
    print(
        f"models {len(ok)}: fully evaluated {sum(r.full for r in ok)} ({_rate(sum(r.full for r in ok), len(ok))}); "
        f"layer outputs known {known}/{sites} ({_rate(known, sites)}); wrong {sum(len(r.wrong) for r in ok)}; "
        f"injected bugs found {found}/{bugs} ({_rate(found, bugs)})"
    )
    if not directive:
        for repo in sorted({r.model.repo for r in ok}):
            findings = unmodified_findings(tree_of(trees, repo))
            print(f"  {repo}: {len(findings)} finding(s) as written")
            for line in findings if verbose else ():
                print(f"      {line}")


def _rate(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    ex = commands.add_parser("extract")
    ex.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    ex.add_argument("--trees", type=Path, default=Path("/work/realworld"))
    ex.add_argument("--list", type=Path, default=LIST)
    ex.add_argument("--notebooks", action="store_true", help="extract .ipynb files as well as .py")
    sw = commands.add_parser("sweep")
    sw.add_argument("--trees", type=Path, default=Path("/work/heldout"))
    sw.add_argument("--list", type=Path, default=LIST.parent / "sweep.toml")
    me = commands.add_parser("measure")
    me.add_argument("--trees", type=Path, default=Path("/work/realworld"))
    me.add_argument("--directive", action="store_true")
    me.add_argument("-v", action="store_true")
    me.add_argument("--list", type=Path, default=LIST)
    commands.add_parser("torch-child")
    args = parser.parse_args()
    if args.command == "extract":
        extract(args.mirrors, args.trees, args.list, (".py", ".ipynb") if args.notebooks else (".py",))
    elif args.command == "sweep":
        sweep(args.trees, args.list)
    elif args.command == "measure":
        measure(args.trees, args.directive, args.v, args.list)
    else:
        print(json.dumps(_torch_child(json.loads(sys.stdin.read()))))


if __name__ == "__main__":
    main()
