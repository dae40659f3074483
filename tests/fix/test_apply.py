"""Fixes replace exactly their nodes, and libcst regenerates every other byte unchanged."""

from __future__ import annotations

import pytest

from shapelint.fix import FixError
from tests.fix.spans import apply, fix_at, splice

PRESERVED = {
    "comments and odd spacing": (
        b"import torch.nn as nn\n\nmodel = nn.Sequential(  # shapelint: input=(B, 784)\n"
        b"    nn.Linear( 784,128 ),   # first\n    # between\n    nn.Linear(256 ,  10),\n)  # end\n",
        "256",
    ),
    "trailing commas": (b"import torch.nn as nn\nlayer = nn.Linear(\n    256,\n    10,\n)\n", "256"),
    "keyword stays keyword": (b"import torch.nn as nn\nlayer = nn.Linear(in_features = 256, out_features=10)\n", "256"),
    "quote styles": (
        b"import torch.nn as nn\na, b, c = 'x', \"y\", '''z'''\nlayer = nn.Linear(256, 10)  # it's \"q\"\n",
        "256",
    ),
    "constant expression": (b"import torch.nn as nn\nlayer = nn.Linear(16 * 5 * 5, 10)\n", "16 * 5 * 5"),
    "multi-line expression": (b"import torch.nn as nn\nlayer = nn.Linear(16 *\n    5 * 5, 10)\n", "16 *\n    5 * 5"),
    "crlf": (b"import torch.nn as nn\r\n\r\nlayer = nn.Linear(256, 10)\r\nx = 1\r\n", "256"),
    "mixed line endings": (b"import torch.nn as nn\r\nlayer = nn.Linear(256, 10)\nx = 1\r\n", "256"),
    "tabs": (
        b"import torch.nn as nn\nclass M(nn.Module):\n\tdef __init__(self):\n\t\tself.fc = nn.Linear(\t256, 10)\n",
        "256",
    ),
    "bom": (b"\xef\xbb\xbfimport torch.nn as nn\nlayer = nn.Linear(256, 10)\n", "256"),
    "unicode identifiers and strings": (
        "import torch.nn as nn\ngröße = 'größe 🚀'\nt, schicht = '🚀ü', nn.Linear(256, 10)  # é\n".encode(),
        "256",
    ),
    "latin-1 declared": (
        b"# -*- coding: latin-1 -*-\nimport torch.nn as nn\n"
        b"name = '\xe9t\xe9'  # \xe0 voir\nlayer = nn.Linear(256, 10)\n",
        "256",
    ),
    "no newline at end of file": (b"import torch.nn as nn\nlayer = nn.Linear(256, 10)", "256"),
    "name value": (b"import torch.nn as nn\nlayer = nn.Linear(config.hidden, 10)\n", "config.hidden"),
}


@pytest.mark.parametrize("case", PRESERVED, ids=str)
def test_only_the_span_changes(case: str) -> None:
    source, needle = PRESERVED[case]
    fixes = [fix_at(source, needle, "400")]
    assert apply(source, fixes) == splice(source, fixes)


@pytest.mark.parametrize("case", PRESERVED, ids=str)
def test_no_fixes_is_byte_identical(case: str) -> None:
    source, _ = PRESERVED[case]
    assert apply(source, []) == source


def test_non_ascii_before_the_span_on_the_same_line() -> None:
    source = "import torch.nn as nn\nschicht_ä = nn.Linear(256, 10)  # ü\n".encode()
    fixes = [fix_at(source, "256", "128")]
    assert apply(source, fixes) == "import torch.nn as nn\nschicht_ä = nn.Linear(128, 10)  # ü\n".encode()


def test_latin1_stays_latin1() -> None:
    source, needle = PRESERVED["latin-1 declared"]
    after = apply(source, [fix_at(source, needle, "64")])
    assert b"'\xe9t\xe9'" in after and b"\xc3" not in after


def test_parentheses_of_the_original_are_kept() -> None:
    source = b"import torch.nn as nn\nlayer = nn.Linear(( (256) ), 10)\n"
    after = apply(source, [fix_at(source, "256", "128")])
    assert after == b"import torch.nn as nn\nlayer = nn.Linear(( (128) ), 10)\n"


def test_positional_stays_positional_and_keyword_stays_keyword() -> None:
    source = b"import torch.nn as nn\nlayer = nn.Bilinear(20, in2_features=30, out_features=5)\n"
    fixes = [fix_at(source, "20", "21"), fix_at(source, "30", "31")]
    after = apply(source, fixes)
    assert after == b"import torch.nn as nn\nlayer = nn.Bilinear(21, in2_features=31, out_features=5)\n"


def test_several_fixes_on_one_line_shift_nothing_else() -> None:
    source = b"import torch.nn as nn\nm = nn.Sequential(nn.Linear(7, 8), nn.Linear(9, 10), nn.Linear(11, 12))  # x\n"
    fixes = [fix_at(source, "9", "8000"), fix_at(source, "11", "1"), fix_at(source, "7", "70")]
    assert apply(source, fixes) == splice(source, fixes)


def test_identical_fixes_apply_once() -> None:
    source = b"layer = Linear(256, 10)\n"
    fix = fix_at(source, "256", "128")
    assert apply(source, [fix, fix]) == b"layer = Linear(128, 10)\n"


def test_a_bare_tuple_replacement_stays_one_argument() -> None:
    source = b"norm = LayerNorm([32], eps=1e-5)\n"
    assert apply(source, [fix_at(source, "[32]", "64,")]) == b"norm = LayerNorm((64,), eps=1e-5)\n"


def test_a_tuple_in_the_originals_parentheses() -> None:
    source = b"norm = LayerNorm((32), eps=1e-5)\n"
    assert apply(source, [fix_at(source, "32", "(64,)")]) == b"norm = LayerNorm((64,), eps=1e-5)\n"


def test_a_replacement_that_is_no_expression_raises() -> None:
    source = b"layer = Linear(256, 10)\n"
    with pytest.raises(FixError, match="not an expression"):
        apply(source, [fix_at(source, "256", "1 +")])


def test_overlapping_fixes_raise() -> None:
    source = b"layer = Linear(16 * 5, 10)\n"
    with pytest.raises(FixError, match="conflicting"):
        apply(source, [fix_at(source, "16 * 5", "80"), fix_at(source, "5", "6")])


def test_two_replacements_for_one_span_raise() -> None:
    source = b"layer = Linear(256, 10)\n"
    with pytest.raises(FixError, match="conflicting"):
        apply(source, [fix_at(source, "256", "1"), fix_at(source, "256", "2")])
