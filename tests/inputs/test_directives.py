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
