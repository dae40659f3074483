"""Loss modules and functions called on a model's output and a target: what torch rejects is a finding at the call
(SHP006, naming the loss, both shapes and where each came from), what it takes stays silent, and the loss is a
tensor of the shape torch gives.  Every program runs under torch."""

from __future__ import annotations

import pytest

from shapelint.lint import lint_source

torch = pytest.importorskip("torch", reason="the programs are run under torch, which this run has not installed")

_HEADER = """\
import torch
import torch.nn as nn
import torch.nn.functional as F

"""


def _run(body: str) -> None:
    exec(compile(_HEADER + body, "<program>", "exec", dont_inherit=True), {})


def _findings(body: str) -> list[tuple[int, str]]:
    return [(d.line - _HEADER.count("\n"), d.code) for d in lint_source(_HEADER + body)]


BUGGY = {
    "bce_column_against_labels": """\
model = nn.Sequential(nn.Linear(20, 1), nn.Sigmoid())
loss = nn.BCELoss()(model(torch.randn(128, 20)), torch.randint(0, 2, (128,)).float())
""",
    "mse_reconstruction_of_another_size": """\
decoder = nn.Sequential(nn.ConvTranspose2d(8, 1, 4))
criterion = nn.MSELoss()
images = torch.randn(4, 1, 28, 28)
loss = criterion(decoder(torch.randn(4, 8, 22, 22)), images)
""",
    "cross_entropy_batch_absorbed_by_view": """\
conv = nn.Conv2d(1, 20, 5)
fc = nn.Linear(320, 10)
out = fc(conv(torch.randn(16, 1, 32, 32)).view(-1, 320))
loss = F.cross_entropy(out, torch.randint(0, 10, (16,)))
""",
    "nll_loss_batch_mismatch": """\
out = F.log_softmax(torch.randn(8, 10), dim=1)
loss = F.nll_loss(out, torch.randint(0, 10, (4,)))
""",
    "logits_column_against_labels": """\
head = nn.Linear(16, 1)
criterion = nn.BCEWithLogitsLoss().to("cpu")
loss = criterion(head(torch.randn(32, 16)), torch.rand(32))
""",
    "cross_entropy_one_hot_integers": """\
out = nn.Linear(16, 10)(torch.randn(8, 16))
loss = F.cross_entropy(out, F.one_hot(torch.randint(0, 10, (8,)), 10))
""",
    "cross_entropy_float_labels": """\
criterion = nn.CrossEntropyLoss()
out = nn.Linear(16, 10)(torch.randn(8, 16))
loss = criterion(out, torch.randint(0, 10, (8,)).float())
""",
    "segmentation_target_of_another_size": """\
logits = nn.Conv2d(3, 5, 3)(torch.randn(2, 3, 32, 32))
loss = nn.CrossEntropyLoss(ignore_index=255)(logits, torch.randint(0, 5, (2, 32, 32)))
""",
    "unreduced_loss_weighted_by_the_wrong_mask": """\
out, target = torch.randn(8, 3), torch.randn(8, 3)
loss = (F.l1_loss(out, target, reduction="none") * torch.ones(8, 4)).mean()
""",
}

CORRECT = {
    "cross_entropy_logits_and_labels": """\
criterion = nn.CrossEntropyLoss()
out = nn.Linear(16, 10)(torch.randn(8, 16))
loss = criterion(out, torch.randint(0, 10, (8,)))
loss.backward()
print(loss.item())
""",
    "logits_column_against_a_column": """\
loss = nn.BCEWithLogitsLoss()(nn.Linear(16, 1)(torch.randn(32, 16)), torch.rand(32, 1))
loss.backward()
""",
    "squeezed_output_against_float_labels": """\
model = nn.Sequential(nn.Linear(20, 1), nn.Sigmoid())
criterion = nn.BCELoss()
y = torch.randint(0, 2, (128,))
loss = criterion(model(torch.randn(128, 20)).squeeze(), y.float())
""",
    "mse_on_identical_shapes": """\
x = torch.randn(4, 1, 28, 28)
loss = F.mse_loss(nn.Conv2d(1, 1, 3, padding=1)(x), x, reduction="sum")
""",
    "mse_broadcasts_with_a_warning": """\
import warnings
warnings.simplefilter("ignore")
loss = nn.MSELoss()(torch.randn(8, 1), torch.randn(8))
""",
    "probabilities_as_target": """\
out = nn.Linear(16, 10)(torch.randn(8, 16))
loss = F.cross_entropy(out, F.softmax(torch.randn(8, 10), dim=1), label_smoothing=0.1)
""",
    "losses_on_unknown_shapes": """\
def step(model, batch, labels, criterion=nn.CrossEntropyLoss()):
    loss = criterion(model(batch), labels) + F.mse_loss(batch, batch)
    loss.backward()
    return loss.item()

step(nn.Linear(4, 3), torch.randn(5, 4), torch.randint(0, 3, (5,)))
""",
    "unreduced_loss_weighted_per_element": """\
out, target = torch.randn(8, 3), torch.randn(8, 3)
loss = (F.smooth_l1_loss(out, target, reduction="none") * torch.ones(8, 1)).sum(1).mean()
per_pixel = nn.CrossEntropyLoss(reduction="none")(torch.randn(2, 5, 4, 4), torch.randint(0, 5, (2, 4, 4)))
weighted = (per_pixel * torch.ones(2, 4, 4)).mean()
""",
}


@pytest.mark.parametrize("name", sorted(BUGGY))
def test_a_loss_torch_rejects_is_found_at_its_call(name: str) -> None:
    body = BUGGY[name]
    with pytest.raises((RuntimeError, ValueError)):
        _run(body)
    last = body.rstrip("\n").count("\n") + 1
    assert _findings(body) == [(last, "SHP006")]


@pytest.mark.parametrize("name", sorted(CORRECT))
def test_a_loss_torch_takes_stays_silent(name: str) -> None:
    _run(CORRECT[name])
    assert _findings(CORRECT[name]) == []


def test_the_message_names_the_loss_both_shapes_and_their_origins() -> None:
    (diagnostic,) = lint_source(_HEADER + BUGGY["bce_column_against_labels"])
    assert diagnostic.message == (
        "BCELoss rejects input (128, 1) with target (128,): the target must have the same size as the input"
        " (input from Linear at line 5 turns (128, 20) into (128, 1); target from torch.randint at line 6 gives (128,))"
    )
    assert diagnostic.fix is None


def test_a_batch_mismatch_is_worded_as_torch_words_it() -> None:
    (diagnostic,) = lint_source(_HEADER + BUGGY["cross_entropy_batch_absorbed_by_view"])
    assert "cross_entropy rejects input (784, 10) with target (16,)" in diagnostic.message
    assert "expected input batch_size (784) to match target batch_size (16)" in diagnostic.message


def test_a_loss_after_a_wrong_input_size_stays_silent() -> None:
    """Past a wrong input size the run goes on as if it had been right; the reconstruction of unflattened images
    it then gives, (B, 1, 28, 784), exists only under that assumption, and torch never reaches the loss."""
    body = """\
encoder, decoder = nn.Linear(784, 400), nn.Linear(400, 784)
images = torch.rand(8, 1, 28, 28)
reconstruction = torch.sigmoid(decoder(F.relu(encoder(images))))
loss = F.binary_cross_entropy(reconstruction, images.view(-1, 784), reduction="sum")
"""
    with pytest.raises(RuntimeError):
        _run(body)
    assert _findings(body) == [(1, "SHP001")]
