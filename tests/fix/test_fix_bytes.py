"""The fix loop: safe and unsafe fixes, rounds to a fixpoint, and refusal whenever the result is in doubt."""

from __future__ import annotations

import pytest

from shapelint.fix import FixError, fix_bytes, fix_source
from shapelint.judge import Diagnostic, Finding
from shapelint.source import Parsed
from tests.fix import fake_checks
from tests.fix.spans import fix_at

CHAIN = b"""\
HIDDEN = 30
model = Sequential(  # keep me
    Linear(10, 20),
    Linear(  21, 30),
    Linear(2 * 16, 30 ),
    Linear(HIDDEN, 5),
)
"""
FIXED = CHAIN.replace(b"  21", b"  20").replace(b"2 * 16", b"30")


@pytest.fixture(autouse=True)
def fake_checker(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_checks.install(monkeypatch, fake_checks.check)


def test_fixes_every_layer_of_a_chain_across_rounds() -> None:
    result = fix_bytes(CHAIN, "m.py")
    assert result.error is None
    assert result.after == FIXED
    assert [d.found for d in result.fixed] == [21, 32]
    assert result.remaining == ()
    assert result.withheld_unsafe == 0


def test_fixing_twice_is_a_no_op() -> None:
    again = fix_bytes(fix_bytes(CHAIN, "m.py").after, "m.py")
    assert again.after == again.before == FIXED and again.fixed == () and again.error is None


def test_unsafe_fixes_are_withheld_and_counted() -> None:
    source = CHAIN.replace(b"HIDDEN = 30", b"HIDDEN = 31")
    result = fix_bytes(source, "m.py")
    assert result.after == FIXED.replace(b"HIDDEN = 30", b"HIDDEN = 31")
    assert [d.found for d in result.remaining] == [31]
    assert result.withheld_unsafe == 1 and result.error is None


def test_unsafe_fixes_on_request() -> None:
    source = CHAIN.replace(b"HIDDEN = 30", b"HIDDEN = 31")
    result = fix_bytes(source, "m.py", unsafe=True)
    assert result.after == FIXED.replace(b"HIDDEN = 30", b"HIDDEN = 31").replace(b"(HIDDEN", b"(30")
    assert result.remaining == () and result.withheld_unsafe == 0


def test_a_fix_that_does_not_remove_its_finding_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fake_checks, "LIES", {21: 22})
    result = fix_bytes(CHAIN, "m.py")
    assert result.after == result.before == CHAIN
    assert result.error is not None and "did not remove SHP001 at 4:5" in result.error
    assert result.fixed == () and [d.found for d in result.remaining] == [21]


def test_an_unparsable_file_is_reported_not_fixed() -> None:
    source = b"model = Sequential(\n    Linear(10, 20\n"
    result = fix_bytes(source, "m.py")
    assert result.after == result.before == source
    assert result.error is not None and result.error.startswith("cannot parse: syntax error")
    assert "\n" not in result.error


@pytest.mark.parametrize("source", [b"\xff\xfe\x00x", b"# -*- coding: klingon -*-\nx = 1\n", b"x = 1\n\x00\n"])
def test_undecodable_or_hostile_bytes_are_reported_not_fixed(source: bytes) -> None:
    result = fix_bytes(source, "m.py")
    assert result.after == source and result.error is not None and result.error.startswith("cannot parse")


def test_a_file_without_findings_is_untouched() -> None:
    result = fix_bytes(FIXED, "m.py")
    assert result == type(result)("m.py", FIXED, FIXED, (), (), 0, None)


def test_crlf_and_bom_survive_the_loop() -> None:
    source = b"\xef\xbb\xbf" + CHAIN.replace(b"\n", b"\r\n")
    assert fix_bytes(source, "m.py").after == b"\xef\xbb\xbf" + FIXED.replace(b"\n", b"\r\n")


def test_fix_source_works_on_text() -> None:
    source = "# -*- coding: latin-1 -*-\n# é\n" + CHAIN.decode()
    assert fix_source(source) == "# -*- coding: latin-1 -*-\n# é\n" + FIXED.decode()


def test_fix_source_raises_on_bad_input() -> None:
    with pytest.raises(FixError, match="cannot parse"):
        fix_source("model = (")


def test_a_fix_whose_output_does_not_parse_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    source = b"x = 1\n"
    bad = Diagnostic("m.py", 1, 1, 1, 2, "SHP001", "assigns to a literal", fix=fix_at(source, "x", "1"))

    def check(parsed: Parsed, path: str) -> list[Finding]:
        return [Finding(bad, parsed.module.body[0].body[0].targets[0].target)]  # type: ignore[attr-defined]

    fake_checks.install(monkeypatch, check)
    result = fix_bytes(source, "m.py")
    assert result.after == result.before == source
    assert result.error is not None and result.error.startswith("fixed source does not parse: syntax error") and "(line 1)" in result.error
    assert result.remaining == (bad,) and result.fixed == ()


def test_a_fix_of_a_statement_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    source = b"x = 1\n"
    bad = Diagnostic("m.py", 1, 1, 1, 2, "SHP001", "nowhere", fix=fix_at(source, "x =", "2"))
    fake_checks.install(monkeypatch, lambda parsed, path: [Finding(bad, parsed.module.body[0].body[0])])
    result = fix_bytes(source, "m.py")
    assert result.after == source and result.error == "a fix can only replace an expression, not a Assign"


SHIFTING = b"""\
a = Sequential(Linear(1, 2), Linear(
    2 *
    10 + 1, 3))
b = Sequential(Linear(1, 2), Linear(33333, 4)); c = Sequential(Linear(1, 2), Linear(44444, 4))
"""


def test_findings_are_recognised_after_lines_and_columns_shift() -> None:
    result = fix_bytes(SHIFTING, "m.py")
    assert result.error is None and len(result.fixed) == 3
    assert result.after == b"a = Sequential(Linear(1, 2), Linear(\n    2, 3))\n" + SHIFTING.splitlines(keepends=True)[
        3
    ].replace(b"33333", b"2").replace(b"44444", b"2")


@pytest.mark.parametrize(("found", "where"), [(21, "1:30"), (33333, "4:30"), (44444, "4:78")])
def test_a_persisting_finding_is_caught_after_a_shift(monkeypatch: pytest.MonkeyPatch, found: int, where: str) -> None:
    monkeypatch.setattr(fake_checks, "LIES", {found: found + 1})
    result = fix_bytes(SHIFTING, "m.py")
    assert result.after == SHIFTING and result.error == f"fix did not remove SHP001 at {where}"


@pytest.mark.parametrize(
    "source",
    [b"x = " + b"+".join([b"1"] * 1500) + b"\n", b"x = " + b"(" * 150 + b"1" + b")" * 150 + b"\n"],
    ids=["long expression", "deep nesting"],
)
def test_huge_expressions_never_raise(source: bytes) -> None:
    result = fix_bytes(source, "m.py")
    assert result.after == source
    assert result.error is None or (result.error == "cannot parse: too deeply nested to analyse")


@pytest.mark.parametrize(
    "source",
    [
        b"\x0cmodel = Sequential(Linear(10, 20), Linear(21, 30))\n",
        b"model = Sequential(Linear(10, 20),\r    Linear(21, 30))\r",
        b"model = Sequential(Linear(10, 20), Linear(21, 30))\n\r",
    ],
    ids=["leading form feed", "cr-only line ends", "last line break a lone cr"],
)
def test_what_libcst_drops_at_the_ends_is_put_back_around_the_fix(source: bytes) -> None:
    """libcst's round trip loses a form feed before the first statement and a last lone CR; the fix keeps them."""
    result = fix_bytes(source, "m.py")
    assert result.error is None and [d.found for d in result.fixed] == [21]
    assert result.after == source.replace(b"21", b"20")
    assert fix_source(source.decode()) == source.decode().replace("21", "20")


def test_a_file_libcst_cannot_write_back_is_no_error_when_nothing_needs_fixing() -> None:
    source = b"model = Sequential(Linear(10, 20), Linear(20, 30))\r"
    assert fix_bytes(source, "m.py") == type(fix_bytes(source, "m.py"))("m.py", source, source, (), (), 0, None)
