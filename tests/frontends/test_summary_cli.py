"""``shapelint summary`` through its real command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "shapelint", "summary", *args], cwd=ROOT, capture_output=True, text=True)


def test_json_summary_of_a_named_module() -> None:
    result = _run("tests/corpus/module/tutorial_cnn_correct.py:Net", "--format", "json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["input_shape"] == ["B", 3, 32, 32]
    assert payload["layers"][-1] == {
        "name": "fc3", "type": "Linear", "output_shape": ["B", 10], "params": 850, "mult_adds": 850, "wrong": False
    }
    assert payload["findings"] == []
    assert payload["total_params"] == 62006


def test_summary_never_imports_torch(tmp_path: Path) -> None:
    probe = "import sys; from shapelint.frontends.cli import main; main(['summary', 'examples/lenet_fixed.py']); "
    probe += "assert 'torch' not in sys.modules and 'numpy' not in sys.modules"
    subprocess.run([sys.executable, "-c", probe], cwd=ROOT, check=True, capture_output=True)


def test_bad_targets_are_usage_errors(tmp_path: Path) -> None:
    broken = tmp_path / "broken.py"
    broken.write_text("def (:\n")
    for target in ("missing.py", "examples/lenet_fixed.py:nope", str(broken)):
        result = _run(target)
        assert result.returncode == 2 and result.stderr.startswith("shapelint summary: error:"), result.stderr


def test_a_wrong_layer_is_marked_its_finding_follows_and_the_status_is_1() -> None:
    result = _run("examples/lenet_buggy.py")
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split()[1] for line in lines if line.startswith("!! ")] == ["7"]
    assert lines[-1].startswith("examples/lenet_buggy.py:14:15: SHP001 Linear(in_features=400) receives 256")


def test_an_input_given_on_the_command_line_wins() -> None:
    result = _run("examples/lenet_fixed.py", "--input", "(B, 1, 32, 32)")
    assert result.returncode == 1 and "lenet: input (B, 1, 32, 32)" in result.stdout
    assert result.stdout.splitlines()[-1] == "Linear: Linear(in_features=256) receives an input of shape (B, 400); expected 400"
    assert _run("examples/lenet_fixed.py", "--input", "(B, 1, 28, 28)").returncode == 0
    bad = _run("examples/lenet_fixed.py", "--input", "(B, 1, 28 28)")
    assert bad.returncode == 2 and "--input" in bad.stderr


TWO_MODELS = """\
import torch
import torch.nn as nn

encoder = nn.Sequential(nn.Linear(8, 4))  # shapelint: input=(B, 8)
decoder = nn.Sequential(nn.Linear(4, 8))  # shapelint: input=(B, 4)
decoder(encoder(torch.randn(2, 8)))
"""


def test_a_file_with_several_models_lists_them(tmp_path: Path) -> None:
    pytest.importorskip("torch", reason="the model runs under torch, which this run has not installed")
    exec(compile(TWO_MODELS, "<two>", "exec"), {})  # torch runs them
    path = tmp_path / "two.py"
    path.write_text(TWO_MODELS)
    several = _run(str(path))
    assert several.returncode == 2 and "(models: encoder, decoder)" in several.stderr
    unknown = _run(f"{path}:critic")
    assert unknown.returncode == 2 and "no Sequential or nn.Module named `critic`" in unknown.stderr
    assert "(models: encoder, decoder)" in unknown.stderr
    assert _run(f"{path}:decoder").returncode == 0


BOTH_BRANCHES = """\
import os

import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self, flag=os.environ.get("SHAPELINT_FLAG")):
        super().__init__()
        self.flag = flag
        self.fc = nn.Linear(4, 3)

    def forward(self, x):
        if self.flag:
            x = self.fc(x)
        else:
            x = self.fc(x) * 2
        return x


Net()(torch.randn(2, 4))
"""


def test_a_layer_run_in_both_branches_of_an_unknown_condition_is_one_row(tmp_path: Path) -> None:
    pytest.importorskip("torch", reason="the model runs under torch, which this run has not installed")
    exec(compile(BOTH_BRANCHES, "<both>", "exec"), {})  # torch runs it
    path = tmp_path / "both.py"
    path.write_text(BOTH_BRANCHES)
    result = _run(str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert [layer["name"] for layer in json.loads(result.stdout)["layers"]] == ["fc"]


def test_a_notebook_is_summarized_with_its_findings_in_cells() -> None:
    result = _run("tests/notebooks/lenet_mnist_bug.ipynb")
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("Net: input (64, 1, 28, 28)\n")
    assert "!! fc1 (Linear)" in result.stdout
    assert "tests/notebooks/lenet_mnist_bug.ipynb:cell 4:6:30: SHP001 " in result.stdout


MULTI_INPUT = """\
import torch
import torch.nn as nn


class Fusion(nn.Module):
    def __init__(self):
        super().__init__()
        self.image = nn.Linear(32, 8)
        self.text = nn.Linear(10, 8)
        self.head = nn.Linear(16, 2)

    def forward(self, image, text):
        return self.head(torch.cat([self.image(image), self.text(text)], 1))
"""


def test_a_model_of_several_inputs_takes_one_shape_each(tmp_path: Path) -> None:
    """Each input given is traced; one left out leaves what depends on it unknown."""
    (tmp_path / "fusion.py").write_text(MULTI_INPUT)
    both = json.loads(_run(str(tmp_path / "fusion.py"), "--input", "(B, 32), (B, 10)", "--format", "json").stdout)
    assert both["input_shapes"] == [["B", 32], ["B", 10]]
    assert [(layer["name"], layer["output_shape"]) for layer in both["layers"]] == [
        ("image", ["B", 8]), ("text", ["B", 8]), ("head", ["B", 2])
    ]
    assert (both["mult_adds"], both["input_bytes"]) == (264 + 88 + 34, (32 + 10) * 4)
    one = json.loads(_run(str(tmp_path / "fusion.py"), "--input", "(B, 32)", "--format", "json").stdout)
    assert one["input_shapes"] == [["B", 32], ["..."]]
    assert one["mult_adds"] is None and one["input_bytes"] is None


def test_the_several_inputs_model_runs_as_summarized_under_torchinfo() -> None:
    pytest.importorskip("torch", reason="torchinfo runs the model under torch, which torch-free CI runs lack")
    import torch
    import torchinfo

    namespace: dict[str, object] = {}
    exec(MULTI_INPUT, namespace)
    model = namespace["Fusion"]()  # type: ignore[operator]
    statistics = torchinfo.summary(model, input_data=[torch.zeros(1, 32), torch.zeros(1, 10)], verbose=0)
    assert (statistics.total_mult_adds, statistics.total_params) == (264 + 88 + 34, 386)


def test_a_file_that_may_freeze_parameters_leaves_trainable_unknown(tmp_path: Path) -> None:
    frozen = MULTI_INPUT + "\n\nfor p in Fusion().image.parameters():\n    p.requires_grad = False\n"
    (tmp_path / "frozen.py").write_text(frozen)
    result = _run(f"{tmp_path / 'frozen.py'}:Fusion", "--input", "(B, 32), (B, 10)")
    assert "Trainable params: ?\nNon-trainable params: ?\n" in result.stdout
    assert "Total params: 386\n" in result.stdout
