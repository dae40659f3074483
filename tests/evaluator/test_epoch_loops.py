"""A long counted loop around another loop (training epochs) runs as a loop of unknown length: still checked, and
what it counts is unknown afterwards, never the count of a cut-short run."""

from __future__ import annotations

from shapelint.lint import lint_source

_SCRIPT = """
import torch
import torch.nn as nn

model = nn.Sequential(nn.Conv2d(1, 8, 3), nn.Flatten(), nn.Linear(8 * 28 * 28, 10))
batches = [torch.randn(4, 1, 28, 28)]
steps = 0
for epoch in range(200):
    for images in batches:
        model(images)
        steps += 1
nn.Linear(200, 2)(torch.zeros(1, steps))
"""


def test_the_epochs_body_is_checked() -> None:
    (finding,) = lint_source(_SCRIPT)
    assert finding.code == "SHP001" and "receives 5408 features" in finding.message


def test_a_count_kept_across_epochs_is_unknown_after_the_loop() -> None:
    assert all(finding.line != 12 for finding in lint_source(_SCRIPT))
