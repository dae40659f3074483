"""The editor's shapes on real repositories, judged by torch forward hooks (issue 20).

    python bench/realworld_hints.py --trees /work/realworld [-v]

For every model of ``tests/realworld/repos.toml`` (brought onto the machine as ``bench/realworld.py`` says), torch
builds the model and runs it with a forward hook on each torch.nn leaf layer, as ``bench/realworld.py measure`` does:
each layer's output shapes, by the file and line that built it, pooled over the repository's models (a file's
layers may run in several of them, and in the file's own example call, which is listed as a model too).  Then
``shapelint server`` is started in the repository, as an editor starts it, and every file that holds one of those
layers is opened in it.  Its diagnostics
and inlay hints for the whole file are collected.  torch's run is also line-traced: each statement of the
repository's files that binds a tensor to a name or returns one gives that tensor's shape, by its last line.

A hint on a line is *confirmed* when a layer built on a call that ends there, or a statement that ends there, gave
under torch the shape the hint shows (a symbolic dimension stands only for the batch size); it is *wrong* when such
layers or statements exist and none gave it; on a line where torch neither built a hooked layer nor bound a tensor
it is *not judged*.  Wrong must be 0.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bench_server import Client
from realworld import LIST, Model, models, torch_side

from tests.torch_run import calls_ending

Shape = tuple[object, ...]


@dataclass
class Judged:
    hints: int = 0
    confirmed: int = 0
    wrong: list[str] = field(default_factory=list)
    unjudged: int = 0
    findings: list[str] = field(default_factory=list)
    sites: int = 0
    hinted_sites: int = 0


def parse_hint(label: str) -> Shape | None:
    """``" → (B, 16, 5, 5)"`` as ``(None, 16, 5, 5)``: a symbol is ``None``."""
    found = re.fullmatch(r"\s*→ \((.*)\)", label)
    if found is None:
        return None
    dims = [d.strip() for d in found.group(1).split(",") if d.strip()]
    return tuple(int(d) if d.lstrip("-").isdigit() else None for d in dims)


Real = tuple[tuple[int, ...], int]
"""A shape torch gave, with the batch size of the run that gave it."""


def agrees(hint: Shape, real: Real) -> bool:
    """The hint's shape is torch's: every size equal, a symbol only where torch has the batch size (the batch may
    sit anywhere: an LSTM state's ``(layers, B, hidden)``), and a first size other than torch's batch only where
    torch has its batch (the file's own example call may feed another batch, as ``realworld.py`` allows)."""
    shape, batch = real
    if len(hint) != len(shape):
        return False
    return all(d == s or (s == batch and (d is None or index == 0)) for index, (d, s) in enumerate(zip(hint, shape)))


Truth = dict[Path, dict[int, list[Real]]]


def torch_truth(models: list[Model]) -> tuple[Truth, Truth]:
    """What torch gave in every listed model of one repository, by file and line: each layer's output by the line
    that built it, and each tensor a statement bound by the statement's last line.  A file's hints are judged
    against all of them, since a file may be run by several models (and by its own example call, listed too)."""
    layers: Truth = defaultdict(lambda: defaultdict(list))
    bound: Truth = defaultdict(lambda: defaultdict(list))
    for model in models:
        truth = torch_side(model, [], statements=True)
        for kind, into in (("sites", layers), ("statements", bound)):
            for file, line, _kind, shapes in truth[kind]:  # type: ignore[union-attr]
                into[Path(file).resolve()][int(line)].extend((tuple(s), model.input[0]) for s in shapes)
    return layers, bound


def judge_repository(tree: Path, layers: Truth, bound: Truth) -> Judged:
    judged = Judged()
    client = Client([sys.executable, "-m", "shapelint", "server"], tree)
    try:
        for path, sites in sorted(layers.items()):
            if path.is_file() and tree.resolve() in path.parents:
                judged.sites += len(sites)
                _judge_file(client, path, sites, bound[path], judged)
    finally:
        client.close()
    return judged


def _judge_file(
    client: Client, path: Path, sites: dict[int, list[Real]], bound: dict[int, list[Real]], judged: Judged
) -> None:
    text = path.read_text(encoding="utf-8")
    uri = path.as_uri()
    client.notify(
        "textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": text}}
    )
    diagnostics = client.diagnostics(uri)
    judged.findings += [
        f"{path.name}:{d['range']['start']['line'] + 1} {d.get('code')} {d['message']}"
        for d in diagnostics
        if d.get("code")
    ]
    whole = {"start": {"line": 0, "character": 0}, "end": {"line": text.count("\n") + 1, "character": 0}}
    hints = client.request("textDocument/inlayHint", {"textDocument": {"uri": uri}, "range": whole}) or []
    starts = calls_ending(path.read_text(encoding="utf-8"))
    for hint in hints:
        line = hint["position"]["line"] + 1
        shape = parse_hint(hint["label"])
        judged.hints += 1
        real = [s for start in starts.get(line, ()) for s in sites.get(start, [])] + bound.get(line, [])
        hinted = [start for start in starts.get(line, ()) if start in sites]
        if shape is None or not real:
            judged.unjudged += 1
        elif any(agrees(shape, s) for s in real):
            judged.confirmed += 1
            judged.hinted_sites += len(hinted)
        else:
            shown = sorted({s for s, _ in real})
            judged.wrong.append(f"{path.name}:{line} hint {hint['label'].strip()} torch {shown}")
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trees", type=Path, default=Path("/work/realworld"))
    parser.add_argument("--list", type=Path, default=LIST)
    parser.add_argument("-v", action="store_true")
    args = parser.parse_args()
    print(f"$ python bench/realworld_hints.py --trees {args.trees}")
    total = Judged()
    by_repo: dict[str, list[Model]] = defaultdict(list)
    for model in models(args.trees, args.list):
        if model.path.exists():
            by_repo[model.repo].append(model)
    for repo, listed in by_repo.items():
        try:
            judged = judge_repository(listed[0].tree, *torch_truth(listed))
        except (RuntimeError, subprocess.TimeoutExpired) as error:
            print(f"  ERROR {repo}: {error}")
            continue
        print(
            f"  hints {judged.hints:4}  confirmed {judged.confirmed:4}  wrong {len(judged.wrong)}  "
            f"not judged {judged.unjudged:3}  layer sites hinted {judged.hinted_sites}/{judged.sites}  {repo}"
        )
        for line in judged.wrong + (judged.findings if args.v else []):
            print(f"      {line}")
        for name in ("hints", "confirmed", "unjudged", "sites", "hinted_sites"):
            setattr(total, name, getattr(total, name) + getattr(judged, name))
        total.wrong += judged.wrong
        total.findings += judged.findings
    print(
        f"hints {total.hints}: confirmed by torch {total.confirmed}, wrong {len(total.wrong)}, "
        f"not judged {total.unjudged}; layer sites with a confirmed hint {total.hinted_sites}/{total.sites}; "
        f"findings in the opened files {len(total.findings)}"
    )


if __name__ == "__main__":
    main()
