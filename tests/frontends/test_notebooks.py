"""Jupyter notebooks through the real command line: findings in cells, magics skipped, fixes that keep every other
byte and leave a notebook ``nbformat`` accepts.  Every notebook called buggy or correct runs under torch."""

from __future__ import annotations

import json
import re
import shutil
import warnings
from pathlib import Path

import pytest

from tests.corpus_files import TORCH_ERRORS
from tests.frontends.helpers import shapelint, validate_sarif

NOTEBOOKS = sorted((Path(__file__).parent.parent / "notebooks").glob("*.ipynb"))
_EXPECT = re.compile(r"#\s*expect:\s*(SHP\d{3})")
_POSITION = re.compile(r":cell (\d+):(\d+):\d+: (SHP\d{3}) ")


def _cells(path: Path) -> list[tuple[int, str, str]]:
    """Each cell's number (all cells counted), type and source, read with nbformat as Jupyter reads them."""
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    return [(number, cell.cell_type, cell.source) for number, cell in enumerate(notebook.cells, start=1)]


def _expected(path: Path) -> set[tuple[int, int, str]]:
    return {
        (number, line, match.group(1))
        for number, kind, source in _cells(path)
        if kind == "code"
        for line, text in enumerate(source.splitlines(), start=1)
        for match in [_EXPECT.search(text)]
        if match
    }


def _runnable(path: Path) -> str:
    """The code cells as a plain script, the way IPython would run them without its magics and shell lines."""
    script = []
    for _, kind, source in _cells(path):
        if kind != "code" or (source.startswith("%%") and not source.startswith("%%time")):
            continue
        script += [line for line in source.splitlines() if not re.match(r"\s*[%!]|\S+\?$|\w+ = !", line)]
    return "\n".join(script)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_notebook_verdict_matches_torch(path: Path) -> None:
    pytest.importorskip("torch", reason="the notebooks' models run under torch, which torch-free CI runs lack")
    import torch

    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")
        if path.stem.endswith("_bug"):
            with pytest.raises(TORCH_ERRORS):
                exec(_runnable(path), {"__name__": "notebook"})
        else:
            exec(_runnable(path), {"__name__": "notebook"})


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_findings_are_placed_in_their_cells(path: Path) -> None:
    result = shapelint("--jobs", "1", str(path))
    found = {(int(cell), int(line), code) for cell, line, code in _POSITION.findall(result.stdout)}
    assert found == _expected(path), result.stdout
    assert result.returncode == int(bool(found)), result.stderr


@pytest.mark.parametrize("path", [path for path in NOTEBOOKS if path.stem.endswith("_bug")], ids=lambda path: path.name)
def test_fix_changes_only_the_wrong_line_and_gives_the_correct_notebook(tmp_path: Path, path: Path) -> None:
    import nbformat

    copy = tmp_path / path.name
    shutil.copy(path, copy)
    result = shapelint("--fix", str(copy))
    assert result.returncode == 0, result.stdout + result.stderr
    before, after = path.read_text(encoding="utf-8").splitlines(), copy.read_text(encoding="utf-8").splitlines()
    changed = [index for index, (old, new) in enumerate(zip(before, after)) if old != new]
    assert len(before) == len(after) and len(changed) == len(_expected(path)), changed
    nbformat.validate(nbformat.read(copy, as_version=nbformat.NO_CONVERT))
    correct = path.with_name(path.name.replace("_bug", "_correct"))
    without_marks = re.sub(r"  # expect: SHP\d{3}", "", copy.read_text(encoding="utf-8"))
    assert without_marks == correct.read_text(encoding="utf-8")


def test_fix_keeps_bytes_outside_the_changed_line(tmp_path: Path) -> None:
    """Outputs, metadata, key order, non-ASCII text and the file's own indentation stay as they were."""
    path = next(path for path in NOTEBOOKS if path.name == "colab_cifar_bug.ipynb")
    copy = tmp_path / path.name
    shutil.copy(path, copy)
    shapelint("--fix", str(copy))
    before, after = path.read_bytes(), copy.read_bytes()
    assert len(before) == len(after) and sum(a != b for a, b in zip(before, after)) == 2  # "16" becomes "32"
    assert "données 3×32×32" in after.decode("utf-8")


def test_diff_shows_each_changed_cell(tmp_path: Path) -> None:
    path = next(path for path in NOTEBOOKS if path.name == "lenet_mnist_bug.ipynb")
    result = shapelint("--diff", str(path))
    assert result.returncode == 1
    assert f"--- a/{path.as_posix().lstrip('/')}:cell 4\n" in result.stdout
    assert "-        self.fc1 = nn.Linear(16 * 5 * 5, 120)  # expect: SHP001\n" in result.stdout
    assert "+        self.fc1 = nn.Linear(16 * 4 * 4, 120)  # expect: SHP001\n" in result.stdout


def test_json_github_and_sarif_name_the_cell() -> None:
    path = str(next(path for path in NOTEBOOKS if path.name == "lenet_mnist_bug.ipynb"))
    diagnostic = json.loads(shapelint("--format", "json", path).stdout)["diagnostics"][0]
    assert (diagnostic["cell"], diagnostic["line"], diagnostic["column"]) == (4, 6, 30)
    assert "flatten at cell 4, line 13 turns" in diagnostic["message"]
    github = shapelint("--format", "github", path).stdout
    assert github.startswith(f"::error title=shapelint (SHP001),file={path}::cell 4:6:30: SHP001 ")
    result = validate_sarif(shapelint("--format", "sarif", path).stdout)["runs"][0]["results"][0]  # type: ignore[index]
    assert result["properties"] == {"cell": 4, "line": 6, "column": 30}


def test_magics_and_shell_lines_are_not_python(tmp_path: Path) -> None:
    """``%%bash`` cells are left out, ``!``, ``%`` and ``?`` lines read as ``pass``; nothing is reported about them."""
    path = tmp_path / "magics.ipynb"
    source = ["%load_ext autoreload\n", "!ls\n", "import torch\n", "out = !pwd\n", "torch.zeros?\n", "if True:\n", "    %time x = 1\n"]
    cells = [
        {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": source},
        {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": ["%%bash\n", "for f in *; do :; done"]},
    ]
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    result = shapelint(str(path))
    assert (result.returncode, result.stdout) == (0, "")


def test_a_percent_inside_brackets_is_modulo_not_a_magic(tmp_path: Path) -> None:
    """IPython reads ``%`` as a magic only where a statement starts: a format string's ``%`` continuing a call's
    arguments stays Python (it was read as a magic, and the call's closing bracket became a syntax error)."""
    path = tmp_path / "format.ipynb"
    source = [
        "import torch\n",
        "%matplotlib inline\n",
        "for epoch in range(2):\n",
        "    print('Epoch: %03d | Cost: %.4f'\n",
        "          %(epoch + 1,\n",
        "            0.5))\n",
        '    text = """\n',
        '%s""" % "#"\n',
        "    %time x = 1\n",
    ]
    cell = {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": source}
    path.write_text(json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    result = shapelint(str(path))
    assert (result.returncode, result.stdout) == (0, "")


def test_a_syntax_error_is_placed_in_its_cell(tmp_path: Path) -> None:
    path = tmp_path / "broken.ipynb"
    cells = [{"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": source}
             for source in (["import torch\n"], ["x = 1\n", "model = \n"])]
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    result = shapelint(str(path))
    assert result.returncode == 1
    assert result.stdout.startswith(f"{path}:cell 2:2: error: syntax error")


def test_a_body_left_empty_is_placed_in_its_own_cell(tmp_path: Path) -> None:
    """A ``def`` whose body is only a comment fails where IPython runs it, in its own cell: read as one program the
    cells failed at the next cell's first line, with the line counted through the whole notebook."""
    path = tmp_path / "exercise.ipynb"
    sources = (["import torch\n"], ["def forward(x):\n", "    # your code here\n"], ["y = torch.zeros(2)\n"])
    cells = [{"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": source}
             for source in sources]
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    result = shapelint(str(path))
    assert result.returncode == 1
    assert result.stdout.startswith(f"{path}:cell 2:2: error: syntax error: expected an indented block")


def test_a_continued_shell_command_is_not_python(tmp_path: Path) -> None:
    """``!python train.py \\`` with indented continuation lines is one shell command (it gave a false syntax error:
    each continuation line became an indented ``pass``)."""
    path = tmp_path / "shell.ipynb"
    source = ["import torch\n", "x = torch.zeros(2, 3)\n", "!echo hello \\\n", "    world \\\n", "    again\n",
              "if True:\n", "    !echo a \\\n", "        b\n", "print(x.shape)\n"]
    cell = {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": source}
    path.write_text(json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    result = shapelint(str(path))
    assert (result.returncode, result.stdout) == (0, "")


def test_automagic_lines_are_not_python(tmp_path: Path) -> None:
    """IPython runs ``pip install timm``, ``mkdir output`` and ``ls data/`` as magics without their ``%``: they made
    the whole notebook a syntax error, so its models went unchecked (Packt's books' notebooks).  The model after
    them is still checked; a Python line that starts with such a name (``time = 3``, ``run(x)``) stays Python."""
    path = tmp_path / "automagic.ipynb"
    sources = (
        ["pip install timm\n", "mkdir output\n", "ls data/\n", "import torch\n", "import torch.nn as nn\n"],
        ["time = 3\n", "run = print\n", "run(time)\n", "fc = nn.Linear(10, 5)\n", "fc(torch.randn(2, 12))\n"],
    )
    cells = [{"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": source}
             for source in sources]
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    result = shapelint(str(path))
    assert result.returncode == 1
    assert result.stdout.startswith(f"{path}:cell 2:4:16: SHP001 ")
    pytest.importorskip("torch", reason="the notebook's model runs under torch, which torch-free CI runs lack")
    python = "".join(sources[0][3:] + sources[1]).replace("run = print", "run = str")
    with pytest.raises(RuntimeError):
        exec(compile(python, "<notebook>", "exec", dont_inherit=True), {})


@pytest.mark.parametrize(
    ("content", "reason"),
    [('{"torch": ', "not a notebook: invalid JSON"), ('{"torch": []}', "not a notebook: no list of cells")],
)
def test_a_file_that_is_no_notebook_is_an_error(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "model.ipynb"
    path.write_text(content)
    result = shapelint(str(tmp_path))
    assert result.returncode == 1
    assert result.stdout.startswith(f"{path}: error: {reason}")


def test_other_languages_and_checkpoints_are_skipped(tmp_path: Path) -> None:
    buggy = next(path for path in NOTEBOOKS if path.name == "lenet_mnist_bug.ipynb")
    document = json.loads(buggy.read_text(encoding="utf-8"))
    document["metadata"]["language_info"]["name"] = "R"
    (tmp_path / "r.ipynb").write_text(json.dumps(document))
    (tmp_path / ".ipynb_checkpoints").mkdir()
    shutil.copy(buggy, tmp_path / ".ipynb_checkpoints" / "lenet-checkpoint.ipynb")
    result = shapelint(str(tmp_path))
    assert (result.returncode, result.stdout) == (0, "")


INDENTED = [" import torch\n", " from torch import nn\n", " model = nn.Sequential(nn.Linear(10, 5), nn.Linear(4, 2))\n", " model(torch.randn(3, 10))"]


def test_an_indented_cell_is_read_as_ipython_dedents_it(tmp_path: Path) -> None:
    """IPython strips a cell's leading indentation; the finding's column and the fix keep the cell's own."""
    path = tmp_path / "indented.ipynb"
    cells = [
        {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": INDENTED},
        {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": ["torch.*Tensor?"]},
    ]
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1))
    found = shapelint(str(path))
    assert found.stdout.startswith(f"{path}:cell 1:3:52: SHP001 [*] Linear(in_features=4) receives 5 features"), found.stdout
    assert shapelint("--fix", str(path)).returncode == 0
    fixed = json.loads(path.read_text())["cells"][0]["source"]
    assert fixed == [*INDENTED[:2], INDENTED[2].replace("Linear(4, 2)", "Linear(5, 2)"), INDENTED[3]]


def test_the_indented_cell_fails_under_torch_as_ipython_runs_it() -> None:
    pytest.importorskip("torch", reason="the cell's model runs under torch, which torch-free CI runs lack")
    import textwrap

    with pytest.raises(RuntimeError):
        exec(textwrap.dedent("".join(INDENTED)), {})


def test_standard_input_is_a_notebook_when_named_so() -> None:
    """Editors pipe a notebook's text with ``--stdin-filename``; ``--fix`` gives the fixed notebook back."""
    import subprocess
    import sys

    path = next(path for path in NOTEBOOKS if path.name == "lenet_mnist_bug.ipynb")
    command = [sys.executable, "-m", "shapelint", "--fix", "-", "--stdin-filename", "nb.ipynb"]
    fixed = subprocess.run(command, input=path.read_bytes(), capture_output=True, check=False).stdout
    assert fixed.decode("utf-8") == path.read_text(encoding="utf-8").replace("16 * 5 * 5, 120", "16 * 4 * 4, 120")
