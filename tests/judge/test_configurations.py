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
