"""argparse options at their defaults, as a script run without arguments gets them; anything else unknown."""

from __future__ import annotations

import argparse

import libcst as cst
import pytest

from shapelint.dims import UNKNOWN
from shapelint.evaluator import evaluate

DECLARED = """
import argparse
parser = argparse.ArgumentParser()
group = parser.add_argument_group("model")
group.add_argument("--latent-dim", type=int, default="64")
parser.add_argument("--img_size", type=int, default=28)
parser.add_argument("-c", "--channels", dest="ch", default=3)
parser.add_argument("--cuda", action="store_true")
parser.add_argument("--no-bias", action="store_false")
parser.add_argument("--mode", choices=["a", "b"], default="a")
parser.add_argument("--sizes", nargs="+", type=int, default=[1, 2])
parser.add_argument("--depth", type=int, required=True)
parser.add_argument("data")
parser.set_defaults(width=32)
"""


def _names(source: str) -> dict[str, object]:
    return dict(evaluate(cst.parse_module(source)).names)


@pytest.mark.parametrize(
    ("attribute", "expected"),
    [("latent_dim", 64), ("img_size", 28), ("ch", 3), ("cuda", False), ("no_bias", True), ("mode", "a"),
     ("width", 32), ("sizes", UNKNOWN), ("depth", UNKNOWN), ("data", UNKNOWN), ("missing", UNKNOWN)],
)  # fmt: skip
def test_defaults_are_what_argparse_gives(attribute: str, expected: object) -> None:
    names = _names(DECLARED + f"opt = parser.parse_args([])\nvalue = opt.{attribute}\n")
    assert names["value"] == expected
    if expected is not UNKNOWN:
        parser = argparse.ArgumentParser()
        exec(DECLARED.replace("import argparse\nparser = argparse.ArgumentParser()", ""), {"parser": parser})
        real = parser.parse_args(["--depth", "1", "x"])
        assert getattr(real, attribute) == expected


def test_an_assigned_option_and_a_parser_given_away() -> None:
    names = _names(DECLARED + "opt = parser.parse_args()\nopt.img_size = 32\nsize = opt.img_size\n")
    assert names["size"] == 32
    names = _names(DECLARED + "configure(parser)\nopt = parser.parse_args()\nsize = opt.img_size\n")
    assert names["size"] is UNKNOWN
    names = _names(DECLARED + "opt = parser.parse_args(argv)\nsize = opt.img_size\n")
    assert names["size"] is UNKNOWN
