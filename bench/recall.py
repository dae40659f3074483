"""Recall and precision of the linter on injected input-size bugs, per corpus folder.

Run from the repository root: ``python bench/recall.py [-v] [--expressions]
[--fixes] [FOLDER...]``.  Every literal input-size argument of every correct model is
mutated; torch decides which mutants are bugs, and a bug counts as found when
the linter reports the mutated line with the family's code.  With
``--expressions`` the non-literal sites (names, attributes, config lookups) are
also doubled and measured separately.  With ``--fixes`` every bug of both kinds
is fixed (``--fix --unsafe-fixes``) and the fixed model runs under torch again,
in every configuration its ``check()`` builds (issue 15).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.mutation.harness import FIX_FOLDERS, FIX_TARGETS, FOLDERS, TARGETS, fix_folder, judge_folder


def _report(folder: str, verbose: bool, expressions: bool) -> None:
    start = time.perf_counter()
    result = judge_folder(folder, expressions)
    found = sum(j.found for j in result.judged)
    print(
        f"{folder:14} {'expression' if expressions else 'literal':10} "
        f"injected={len(result.judged):4} found={found:4} recall={result.recall:6.1%} "
        f"(target {TARGETS[folder]:.0%})  torch-accepted mutants={len(result.torch_accepted):3} "
        f"flagged anyway={len(result.flagged_accepted):3}  correct files={result.correct_files:3} "
        f"with findings={len(result.false_positives):2}  [{time.perf_counter() - start:.1f}s]"
    )
    if not verbose:
        return
    for miss in result.misses:
        print(f"  MISS  {miss.describe()}")
    for judged in result.judged:
        if judged.stray:
            print(f"  STRAY {judged.describe()}")
    for path, mutant, findings in result.flagged_accepted:
        said = ", ".join(f"{d.line}:{d.code}" for d in findings)
        where = f"{path.parent.name}/{path.name}:{mutant.line}"
        print(f"  FLAG  {where} {mutant.layer} {mutant.original} -> {mutant.replacement} runs; linter said {said}")
    for path, findings in result.false_positives:
        for d in findings:
            print(f"  FP    {path.parent.name}/{path.name}:{d.line}:{d.column} {d.code} {d.message}")


def _report_fixes(folder: str, verbose: bool) -> None:
    start = time.perf_counter()
    result = fix_folder(folder)
    made, safe = len(result.made), sum(o.safe for o in result.made)
    print(
        f"{folder:14} fixes      bugs={len(result.outcomes):4} fixed={made:4} ({result.fixed:6.1%}, target "
        f"{FIX_TARGETS[1]:.0%})  safe={safe:4}  run in every configuration={result.holding:6.1%} "
        f"(target {FIX_TARGETS[0]:.0%})  [{time.perf_counter() - start:.1f}s]"
    )
    if verbose:
        for outcome in result.outcomes:
            if outcome.replacement is None or not outcome.holds:
                print(f"  {outcome.describe()}")


def main(argv: list[str]) -> None:
    """``-v`` lists every miss, stray finding and false positive; ``--expressions`` adds the name-site measure;
    ``--fixes`` the share of bugs fixed and of fixes that hold in every configuration."""
    verbose = "-v" in argv
    folders = [name for name in argv if name in FOLDERS] or list(FOLDERS)
    print(f"$ python bench/recall.py {' '.join(argv)}".rstrip())
    for expressions in (False, True) if "--expressions" in argv else (False,):
        for folder in folders:
            _report(folder, verbose, expressions)
    if "--fixes" in argv:
        for folder in [name for name in argv if name in FIX_FOLDERS] or list(FIX_FOLDERS):
            _report_fixes(folder, verbose)


if __name__ == "__main__":
    main(sys.argv[1:])
