"""Config namespaces (``types.SimpleNamespace``, ``argparse.Namespace``) and ``vars()`` of them hold what Python
gives them; whatever code the evaluator does not follow may change is unknown."""

from __future__ import annotations

import libcst as cst
import pytest

from shapelint.dims import UNKNOWN
from shapelint.evaluator import evaluate

PROGRAMS = {
    "simple_namespace": """
from types import SimpleNamespace
cfg = SimpleNamespace(in_dim=8, width=16, name="mlp")
cfg.width = cfg.width * 2
cfg.depth = 3
value = (cfg.in_dim, cfg.width, cfg.name, cfg.depth)
""",
    "namespace_from_dict": """
import argparse
defaults = {"in_dim": 12, "hidden": 32}
ns = argparse.Namespace(**defaults, out_dim=2)
value = (ns.in_dim, ns.hidden, ns.out_dim)
""",
    "vars_is_the_namespace": """
import types
cfg = types.SimpleNamespace(a=1, b=2)
d = vars(cfg)
d["a"] = 10
cfg.b = 20
value = (cfg.a, d["b"], len(d), "a" in d)
""",
    "dict_attribute_update": """
import types
cfg = types.SimpleNamespace(a=1)
cfg.__dict__.update({"a": 5, "c": 7})
value = (cfg.a, cfg.c)
""",
    "spread_options": """
import argparse
parser = argparse.ArgumentParser()
parser.add_argument("--in_dim", type=int, default=12)
parser.add_argument("--hidden", type=int, default=32)
args = parser.parse_args([])
def build(in_dim=10, hidden=64, out_dim=2, **unused):
    return (in_dim, hidden, out_dim)
value = build(**vars(args))
""",
    "setattr_on_namespace": """
import types
cfg = types.SimpleNamespace(a=1)
setattr(cfg, "a", 4)
value = getattr(cfg, "a")
""",
}


def _ours(source: str) -> object:
    return evaluate(cst.parse_module(source)).names["value"]


def _real(source: str) -> object:
    names: dict[str, object] = {}
    exec(compile(source, "<config>", "exec", dont_inherit=True), names)
    return names["value"]


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_namespaces_hold_what_python_gives(name: str) -> None:
    assert _ours(PROGRAMS[name]) == _real(PROGRAMS[name])


UNKNOWABLE = {
    "missing_attribute": "import types\ncfg = types.SimpleNamespace(a=1)\nvalue = cfg.b\n",
    "positional_mapping": "import types\ncfg = types.SimpleNamespace({'a': 1})\nvalue = cfg.a\n",
    "handed_away": "import types\ncfg = types.SimpleNamespace(a=1)\nconfigure(cfg)\nvalue = cfg.a\n",
    "view_handed_away": "import types\ncfg = types.SimpleNamespace(a=1)\nconfigure(vars(cfg))\nvalue = cfg.a\n",
    "written_on_a_path_that_may_not_run": (
        "import types\ncfg = types.SimpleNamespace(a=1)\nif flag:\n    vars(cfg)['a'] = 2\nvalue = cfg.a\n"
    ),
    "attribute_written_on_a_path_that_may_not_run": (
        "import types\ncfg = types.SimpleNamespace(a=1)\nif flag:\n    cfg.a = 2\nvalue = cfg.a\n"
    ),
    "unknown_key": "import types\ncfg = types.SimpleNamespace(a=1)\nvars(cfg)[key] = 2\nvalue = cfg.a\n",
    "unknown_spread": "import argparse\nns = argparse.Namespace(**settings)\nvalue = ns.a\n",
}


@pytest.mark.parametrize("name", sorted(UNKNOWABLE))
def test_what_may_have_changed_is_unknown(name: str) -> None:
    assert _ours(UNKNOWABLE[name]) is UNKNOWN
