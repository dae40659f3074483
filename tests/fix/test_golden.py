"""Golden fix fixtures on the real checks: ``x.in.py`` fixes to ``x.out.py`` (``x.unsafe.out.py`` with unsafe fixes).

Each pair is also run under torch: the input must fail and the output must run.
Every pair is checked again with CRLF endings, a BOM and a latin-1 declaration,
which must survive the fix byte for byte.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
import torch

from shapelint.fix import fix_bytes
from tests.corpus_files import TORCH_ERRORS, load_check
from tests.fix.disguises import DISGUISES

GOLDEN = Path(__file__).parent / "golden"
PAIRS = [
    (source, source.with_name(source.name.replace(".in.py", suffix)), suffix.startswith(".unsafe"))
    for source in sorted(GOLDEN.glob("*.in.py"))
    for suffix in (".out.py", ".unsafe.out.py")
    if source.with_name(source.name.replace(".in.py", suffix)).exists()
]
def _id(pair: tuple[Path, Path, bool]) -> str:
    return pair[1].name


def _run(path: Path) -> None:
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")
        load_check(path)()


@pytest.mark.parametrize("disguise", DISGUISES)
@pytest.mark.parametrize("pair", PAIRS, ids=_id)
def test_fixes_to_the_golden_output(pair: tuple[Path, Path, bool], disguise: str) -> None:
    source, expected, unsafe = pair
    before, after = (DISGUISES[disguise](path.read_bytes()) for path in (source, expected))
    if before is None or after is None:
        pytest.skip("the file holds characters latin-1 cannot encode, so the latin-1 variant of it does not exist")
    result = fix_bytes(before, str(source), unsafe=unsafe)
    assert result.error is None and result.remaining == ()
    assert result.after == after
    assert fix_bytes(result.after, str(source), unsafe=unsafe).after == result.after


@pytest.mark.parametrize("pair", PAIRS, ids=_id)
def test_torch_rejects_the_input_and_runs_the_output(pair: tuple[Path, Path, bool]) -> None:
    source, expected, _ = pair
    with pytest.raises(TORCH_ERRORS):
        _run(source)
    _run(expected)


@pytest.mark.parametrize("pair", [pair for pair in PAIRS if pair[2]], ids=_id)
def test_unsafe_fixes_are_withheld_by_default(pair: tuple[Path, Path, bool]) -> None:
    source, expected, _ = pair
    result = fix_bytes(source.read_bytes(), str(source))
    assert result.withheld_unsafe >= 1 and result.error is None
    assert result.after != expected.read_bytes()
