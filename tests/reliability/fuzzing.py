"""The two promises as one check, and the inputs that try to break them.

:func:`verify` is the oracle shared by the hypothesis tests and ``bench/fuzz.py``:
linting raises nothing but a documented parse error, and ``--fix`` either
leaves the bytes alone or produces a file that parses, re-lints without a
crash and is a fixpoint.  The strategies feed it generated programs
(hypothesmith), torch layers with generated arguments, and corpus models
edited the way files look mid-edit.
"""

from __future__ import annotations

import ast
import contextlib
import re
from pathlib import Path

import hypothesmith
import libcst as cst
from hypothesis import strategies as st

from shapelint.catalog import CATALOG
from shapelint.fix import fix_bytes
from shapelint.lint import PARSE_ERRORS, lint_source

TESTS = Path(__file__).resolve().parent.parent
MODEL_FILES = sorted(
    [*(TESTS / "corpus").rglob("*.py"), *(TESTS / "heldout_style").glob("*.py")],
)
MODELS = [path.read_bytes() for path in MODEL_FILES if not path.name.startswith(("test_", "__"))]
"""Every torch-verified model file: the corpus and the held-out-style set."""

HEADER = "import torch\nfrom torch import nn\n"
"""Puts a generated program past the prefilter and gives ``nn`` its torch meaning."""

SPECIAL_INTS = (0, -1, 1, 2**31, 2**63, 10**30, -(10**30))
"""Sizes a layer could never take: zero, negative, past int64, past float precision."""

_TOKEN = re.compile(rb"\w+|[^\w\s]")
_INT = re.compile(rb"(?<![\w.])\d+(?![\w.])")


class PromiseBroken(AssertionError):
    """Linting raised something undocumented, or ``--fix`` damaged or kept changing a file."""


def verify(source: bytes, unsafe: bool = False) -> None:
    """Raise :class:`PromiseBroken` (or let an undocumented error through) if either promise fails."""
    with contextlib.suppress(PARSE_ERRORS):
        lint_source(source, "fuzzed.py")
    result = fix_bytes(source, "fuzzed.py", unsafe=unsafe)
    if result.before != source:
        raise PromiseBroken("fix_bytes reports other bytes than it was given")
    if result.after == source:
        return
    if result.error is not None:
        raise PromiseBroken(f"a fix that failed ({result.error}) still changed the bytes")
    _parses(result.after)
    lint_source(result.after, "fuzzed.py")
    again = fix_bytes(result.after, "fuzzed.py", unsafe=unsafe)
    if again.after != result.after:
        raise PromiseBroken("fixing the fixed output changed it again")


def _parses(source: bytes) -> None:
    try:
        cst.parse_module(source)
        ast.parse(source)
    except PARSE_ERRORS as error:
        raise PromiseBroken(f"the fixed output does not parse: {error}") from error


def generated_programs() -> st.SearchStrategy[bytes]:
    """Arbitrary Python, from the grammar and from libcst's node types, behind a torch import."""
    programs = st.one_of(hypothesmith.from_grammar(), hypothesmith.from_node())
    return programs.map(lambda program: (HEADER + program).encode("utf-8", "surrogatepass"))


_LAYERS = sorted(CATALOG)
_ARGUMENT_NAMES = sorted({param.name for kind in CATALOG.values() for param in kind.params})


_NAMES = ("x", "n", "self.width", "config['dim']", "cfg.hidden", "None", "True", "...")

SPECIAL_FLOATS = ("1e400", "-1e400", "1e-400", "1e300", "1e19", "float('nan')", "float('inf')", "float('-inf')")
"""Scales and rates no layer can use: infinite, NaN, past int64 once multiplied, rounded to zero."""


_CALLEES = st.sampled_from(["int", "len", "max", "math.prod", "nn.Linear", "range"])


def _compound(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.tuples(inner, st.sampled_from(["+", "-", "*", "//", "/", "%", "**", "<<", ">>", "|", "&", "@"]), inner).map(
            lambda parts: f"({parts[0]} {parts[1]} {parts[2]})"
        ),
        inner.map(lambda value: f"-{value}"),
        st.lists(inner, max_size=3).map(lambda values: f"({', '.join(values)},)"),
        st.lists(inner, max_size=3).map(lambda values: f"[{', '.join(values)}]"),
        st.tuples(_CALLEES, st.lists(inner, max_size=2)).map(lambda parts: f"{parts[0]}({', '.join(parts[1])})"),
        st.tuples(inner, inner).map(lambda parts: f"{parts[0]}[{parts[1]}]"),
        st.tuples(inner, inner, inner).map(lambda parts: f"({parts[0]} if {parts[1]} else {parts[2]})"),
        inner.map(lambda value: f"(lambda: {value})"),
        inner.map(lambda value: f"*{value}"),
    )


EXPRESSIONS = st.recursive(
    st.one_of(
        st.sampled_from(SPECIAL_INTS).map(str),
        st.integers(-4, 300).map(str),
        st.floats(allow_nan=False, allow_infinity=False).map(repr),
        st.sampled_from(SPECIAL_FLOATS),
        st.sampled_from(_NAMES),
        st.text(max_size=4).map(repr),
    ),
    _compound,
    max_leaves=8,
)
"""Argument expressions a hand-written model might hold, and many it would not; cheaper than the grammar."""


@st.composite
def _argument(draw: st.DrawFn) -> tuple[str | None, str]:
    """A keyword or ``None``, and most often a plausible size, so that shapes get propagated."""
    plausible = st.sampled_from([1, 2, 3, 4, 8, 16, 28, 64, 120, 256]).map(str)
    return draw(st.none() | st.sampled_from(_ARGUMENT_NAMES)), draw(plausible | plausible | EXPRESSIONS)


@st.composite
def generated_models(draw: st.DrawFn) -> bytes:
    """An ``nn.Sequential`` of catalogued layers whose arguments are anything the grammar allows."""
    layers = []
    for _ in range(draw(st.integers(1, 5))):
        arguments = sorted(draw(st.lists(_argument(), max_size=4)), key=lambda pair: pair[0] is not None)
        written = ", ".join(value if name is None else f"{name}={value}" for name, value in arguments)
        layers.append(f"    nn.{draw(st.sampled_from(_LAYERS))}({written}),\n")
    dims = st.sampled_from((1, 3, 8, 28, 32)) | st.sampled_from(SPECIAL_INTS)
    shape = ", ".join(map(str, draw(st.lists(dims, min_size=1, max_size=4))))
    header = HEADER + "import math\n"
    return f"{header}model = nn.Sequential(  # shapelint: input=(B, {shape})\n{''.join(layers)})\n".encode()


def _delete_token(source: bytes, draw: st.DrawFn) -> bytes:
    tokens = list(_TOKEN.finditer(source))
    if not tokens:
        return source
    token = draw(st.sampled_from(tokens))
    return source[: token.start()] + source[token.end() :]


def _replace_int(source: bytes, draw: st.DrawFn) -> bytes:
    ints = list(_INT.finditer(source))
    if not ints:
        return source
    found = draw(st.sampled_from(ints))
    value = draw(st.one_of(st.sampled_from(SPECIAL_INTS), st.integers()))
    return source[: found.start()] + str(value).encode() + source[found.end() :]


class _SwapArguments(cst.CSTTransformer):
    """Swaps the values of two arguments of the ``index``-th call that has at least two."""

    def __init__(self, index: int, first: int, second: int) -> None:
        super().__init__()
        self.index, self.first, self.second = index, first, second
        self.seen = 0

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.Call:
        if len(updated_node.args) < 2:
            return updated_node
        self.seen += 1
        if self.seen - 1 != self.index:
            return updated_node
        args = list(updated_node.args)
        i, j = self.first % len(args), self.second % len(args)
        args[i], args[j] = args[i].with_changes(value=args[j].value), args[j].with_changes(value=args[i].value)
        return updated_node.with_changes(args=args)


def _swap_arguments(source: bytes, draw: st.DrawFn) -> bytes:
    try:
        module = cst.parse_module(source)
    except PARSE_ERRORS:
        return source
    swap = _SwapArguments(draw(st.integers(0, 40)), draw(st.integers(0, 5)), draw(st.integers(0, 5)))
    return module.visit(swap).bytes


def _truncate(source: bytes, draw: st.DrawFn) -> bytes:
    return source[: draw(st.integers(0, len(source)))]


def _insert_bytes(source: bytes, draw: st.DrawFn) -> bytes:
    at = draw(st.integers(0, len(source)))
    special = st.sampled_from([b"\x00", b"\xff", b"\r", b"\t", b"(", b"\\"])
    noise = draw(st.one_of(st.binary(min_size=1, max_size=6), special))
    return source[:at] + noise + source[at:]


EDITS = {
    "delete-token": _delete_token,
    "replace-int": _replace_int,
    "swap-arguments": _swap_arguments,
    "truncate": _truncate,
    "insert-bytes": _insert_bytes,
}


@st.composite
def mutated_models(draw: st.DrawFn, edits: tuple[str, ...] = tuple(EDITS)) -> bytes:
    """A corpus or held-out model after one to four random edits."""
    source = draw(st.sampled_from(MODELS))
    for _ in range(draw(st.integers(1, 4))):
        source = EDITS[draw(st.sampled_from(edits))](source, draw)
    return source
