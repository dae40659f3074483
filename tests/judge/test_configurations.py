"""A finding inside a class names the configuration that exposed it, once per place."""

from __future__ import annotations

from pathlib import Path

from shapelint.lint import lint_source

CORPUS = Path(__file__).parent.parent / "corpus" / "module"


def test_the_configuration_that_exposes_a_finding_is_named() -> None:
    path = CORPUS / "factory_configurations_bug.py"
    (finding,) = lint_source(path.read_bytes(), str(path))
    assert finding.message.endswith("; with Net(Wide, [16, 32]) from net_wide() at line 39")


def test_a_model_built_without_arguments_adds_nothing() -> None:
    source = """
import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 4)

    def forward(self, x):
        return self.fc(x)

Net()(torch.randn(2, 5))
"""
    (finding,) = lint_source(source)
    assert finding.message.endswith("expected 5")


def test_a_long_construction_is_shortened() -> None:
    widths = ", ".join(["16"] * 30)
    source = f"""
import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self, widths):
        super().__init__()
        self.fc = nn.Linear(widths[0], 4)

    def forward(self, x):
        return self.fc(x)

Net([{widths}])(torch.randn(2, 5))
"""
    (finding,) = lint_source(source)
    assert "; with Net([16, 16," in finding.message and finding.message.endswith("...) at line 13")


def test_a_finding_no_expression_fixes_in_every_configuration_names_two_that_disagree() -> None:
    path = CORPUS / "factory_configurations_literal_bug.py"
    (finding,) = lint_source(path.read_bytes(), str(path))
    assert finding.fix is None
    assert finding.message.endswith(
        "; no fix: no single expression gives 16 with Net(Block, [16, 16]) from net_small() at line 36"
        " and 64 with Net(Wide, [16, 32]) from net_wide() at line 40"
    )


def test_runs_of_one_model_on_two_inputs_that_need_two_sizes_get_no_fix() -> None:
    path = CORPUS / "two_input_sizes_bug.py"
    (finding,) = lint_source(path.read_bytes(), str(path))
    assert finding.fix is None
    assert finding.message.endswith("; no fix: one run needs 128 and another 512, and no single expression gives both")


def test_the_fix_inside_a_class_holds_in_both_configurations() -> None:
    path = CORPUS / "factory_configurations_bug.py"
    (finding,) = lint_source(path.read_bytes(), str(path))
    assert finding.fix is not None and finding.fix.safe
    assert finding.fix.replacement == "widths[-1] * block.expansion"
