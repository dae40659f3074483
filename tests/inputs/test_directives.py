"""Input-shape directives: only real comments count, and a malformed one says what is wrong."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from shapelint.dims import Shape, Symbol
from shapelint.inputs.directives import find_directives
from shapelint.lint import lint_source
from tests.corpus_files import corpus_files

SOURCE = '''\
import torch.nn as nn

HELP = """
# shapelint: input=(B, 1, 2, 3)
"""
model = nn.Sequential(nn.Linear(4, 5))  # shapelint: input=(B, 4)
text = "# shapelint: input=(B, 9)"
'''


def test_only_comments_are_directives() -> None:
    found = find_directives(SOURCE)
    assert list(found) == [6]
    assert found[6].shape == Shape((Symbol("B"), 4))
    assert found[6].column == SOURCE.splitlines()[5].index("#") + 1


def test_no_candidate_means_no_tokenizing() -> None:
    assert find_directives("x = 1  # shapelint: ignore\n") == {}


def test_malformed_directive_is_kept_with_its_reason() -> None:
    found = find_directives("m = 1  # shapelint: input=(B, 3, 32 32)\r\nn = 2\r\n")
    assert found[1].shape is None
    assert found[1].error is not None and "`32 32` is not an int or a name" in found[1].error


def test_several_inputs_are_read_in_order() -> None:
    found = find_directives("m = 1  # shapelint: input=(B, 3, 32, 32), (B, 10)\n")
    assert found[1].shapes == (Shape((Symbol("B"), 3, 32, 32)), Shape((Symbol("B"), 10)))
    assert found[1].shape == Shape((Symbol("B"), 3, 32, 32))
    broken = find_directives("m = 1  # shapelint: input=(B, 3), ()\n")
    assert broken[1].shapes == () and broken[1].error is not None and "the shape is empty" in broken[1].error


def test_a_forward_of_two_inputs_is_checked_on_the_declared_pair() -> None:
    path = Path(__file__).parent.parent / "corpus" / "module" / "two_input_fusion_bug.py"
    model_only = path.read_text(encoding="utf-8").split("def check")[0]
    (finding,) = lint_source(model_only)
    assert "torch.cat at line 16 gives (B, 686)" in finding.message


def test_dtype_is_read() -> None:
    found = find_directives("m = 1  # shapelint: input=(B, 7) dtype=long\n")
    assert found[1].shape == Shape((Symbol("B"), 7), dtype="int")


TRICKY = '''\
@decorator(  # shapelint: input=(B, 1)
    "# shapelint: input=(B, 2)",
)
class Net(nn.Module):  # shapelint: input=(B, 3)
    """Docs.

    # shapelint: input=(B, 4)
    """

    # shapelint: input=(B, 5)
    def forward(self, x=\'\'\'
# shapelint: input=(B, 6)
\'\'\'):  # shapelint: input=(B, 7)
        try:
            y = x  # shapelint: input=(B, 8)
        # shapelint: input=(B, 9)
        except (ValueError,
                "# shapelint: input=(B, 10)"):  # shapelint: input=(B, 11)
            pass
        else:
            pass
        match x:
            case "# shapelint: input=(B, 12)":  # shapelint: input=(B, 13)
                z = f"""{x}
# shapelint: input=(B, 14)"""
        return (x +  # shapelint: input=(B, 15)
                1)
# shapelint: input=(B, 16)
x = 1  # note # shapelint: input=(B, 17)
y = 1 + \\
    2  # shapelint: input=(B, 18)
'''


def _with_and_without_tree(source: str) -> None:
    assert find_directives(source, ast.parse(source)) == find_directives(source)


def test_statement_local_tokenizing_sees_what_the_whole_file_does() -> None:
    found = find_directives(TRICKY, ast.parse(TRICKY))
    assert [directive.shape.dims[1] for directive in found.values()] == [1, 3, 5, 7, 8, 9, 11, 13, 15, 16, 17, 18]
    _with_and_without_tree(TRICKY)
    _with_and_without_tree(TRICKY.replace("\n", "\r\n"))


@pytest.mark.parametrize("path", corpus_files()[::5], ids=lambda path: path.name)
def test_a_directive_on_any_line_is_found_alike(path: Path) -> None:
    """Directive text appended to each line of a corpus file, wherever the file still parses."""
    lines = path.read_text().splitlines(keepends=True)
    for index, line in enumerate(lines):
        edited = line.rstrip("\n") + "  # shapelint: input=(B, 3)\n"
        source = "".join([*lines[:index], edited, *lines[index + 1 :]])
        try:
            ast.parse(source)
        except SyntaxError:
            continue
        _with_and_without_tree(source)


MISSPELLED = """\
import torch
import torch.nn as nn

model = nn.Sequential(  # shapelint: inptu=(B, 32)
    nn.Linear(32, 10),  # shapelint: ignroe
)
other = nn.Linear(3, 4)  # shapelint: ignore


def check():
    model(torch.randn(2, 32))
    other(torch.randn(2, 3))
"""


def test_a_misspelled_directive_is_reported_with_the_keyword_it_likely_meant() -> None:
    pytest.importorskip("torch", reason="the model runs under torch, which this run has not installed")
    namespace: dict[str, object] = {}
    exec(compile(MISSPELLED, "<misspelled>", "exec"), namespace)
    namespace["check"]()  # type: ignore[operator]  # the model itself is correct under torch
    found = [(d.line, d.code, d.message.rpartition(": ")[2]) for d in lint_source(MISSPELLED)]
    assert found == [
        (4, "SHP100", "unknown directive `inptu`; did you mean `input`?"),
        (5, "SHP100", "unknown directive `ignroe`; did you mean `ignore`?"),
    ]


def test_an_unknown_keyword_far_from_any_lists_the_known_ones() -> None:
    found = find_directives("m = 1  # shapelint: shape=(B, 3)\n")
    assert found[1].error == "unknown directive `shape` (known: input, ignore)"


UNBATCHED = """\
import torch
import torch.nn as nn

cnn = nn.Sequential(  # shapelint: input=(3, 32, 32)
    nn.Conv2d(3, 8, 3, padding=1),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Flatten(),
    nn.Linear(8 * 16 * 16, 4),
)
mlp = nn.Sequential(nn.Linear(784, 10))  # shapelint: input=(784)


def check():
    cnn(torch.randn(2, 3, 32, 32))
    mlp(torch.randn(2, 784))
"""


def test_a_directive_without_its_batch_is_reported_and_nothing_is_fixed_from_it() -> None:
    """Read as written, ``(3, 32, 32)`` is one unbatched image, whose flattened features the Linear would be "fixed"
    to; the models are right for the batched input the author meant, as torch shows."""
    pytest.importorskip("torch", reason="the model runs under torch, which this run has not installed")
    from shapelint.fix import fix_source

    namespace: dict[str, object] = {}
    exec(compile(UNBATCHED, "<unbatched>", "exec"), namespace)
    namespace["check"]()  # type: ignore[operator]
    found = lint_source(UNBATCHED)
    assert [(d.line, d.code) for d in found] == [(4, "SHP100"), (11, "SHP100")]
    assert found[0].message.endswith("did you mean `# shapelint: input=(B, 3, 32, 32)`?")
    assert "Linear reads `(784)` as one sample without a batch" in found[1].message
    assert fix_source(UNBATCHED) == UNBATCHED


def test_a_directive_with_its_batch_is_used() -> None:
    pytest.importorskip("torch", reason="the model runs under torch, which this run has not installed")
    batched = UNBATCHED.replace("input=(3, 32, 32)", "input=(B, 3, 32, 32)").replace("input=(784)", "input=(2, 784)")
    assert lint_source(batched) == []
    buggy = batched.replace("8 * 16 * 16", "8 * 15 * 15")
    namespace: dict[str, object] = {}
    exec(compile(buggy, "<buggy>", "exec"), namespace)
    with pytest.raises(RuntimeError):
        namespace["check"]()  # type: ignore[operator]
    assert [d.code for d in lint_source(buggy)] == ["SHP001"]


UNBATCHED_CLASS = """\
import torch
import torch.nn as nn


class Net(nn.Module):  # shapelint: input=(3, 32, 32)
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8 * 30 * 30, 10)
        self.conv = nn.Conv2d(3, 8, 3)

    def forward(self, x):
        return self.fc(self.conv(x).flatten(1))


class Reshaped(nn.Module):  # shapelint: input=(3, 32, 32)
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3)

    def forward(self, x):
        x = x.unsqueeze(0)
        return self.conv(x)


def check():
    Net()(torch.randn(2, 3, 32, 32))
    Reshaped()(torch.randn(3, 32, 32))
"""


def test_a_class_directive_without_its_batch_is_reported_from_the_layer_forward_calls_first() -> None:
    """``Net`` registers its Linear first but applies its Conv2d to ``x`` first: that layer reads the directive.
    ``Reshaped`` changes ``x`` before any layer sees it, so nothing says how the directive is read, and it is used."""
    pytest.importorskip("torch", reason="the models run under torch, which this run has not installed")
    from shapelint.fix import fix_source

    namespace: dict[str, object] = {}
    exec(compile(UNBATCHED_CLASS, "<unbatched class>", "exec"), namespace)
    namespace["check"]()  # type: ignore[operator]
    found = lint_source(UNBATCHED_CLASS)
    assert [(d.line, d.code) for d in found] == [(5, "SHP100")]
    assert "Conv2d reads `(3, 32, 32)` as one sample without a batch" in found[0].message
    assert fix_source(UNBATCHED_CLASS) == UNBATCHED_CLASS
