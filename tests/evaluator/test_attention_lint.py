"""MultiheadAttention and Transformer layers in user modules, each model also run under torch.

The linter sees only the query (or ``src``/``tgt``) of a call, and both of nn.Transformer's ``src`` and ``tgt``:
a wrong ``embed_dim``/``d_model`` and a wrong head after the attention are found, while the attention weights'
source length and calls with keyword arguments stay unknown, so nothing that depends on them is reported.
"""

from __future__ import annotations

import textwrap

import pytest
import torch

from shapelint.frontends.summary import summarize
from shapelint.lint import lint_source
from tests.corpus_files import CORPUS, load_check

HEADER = "import torch\nimport torch.nn as nn\n\n"


def _run(source: str) -> BaseException | None:
    """What torch raises when the module's ``model`` runs on a (2, 10, 16) input."""
    namespace: dict[str, object] = {}
    exec(compile(source, "<model>", "exec"), namespace)
    model = namespace["model"]
    model.eval()  # type: ignore[attr-defined]
    try:
        with torch.no_grad():
            model(torch.randn(2, 10, 16))  # type: ignore[operator]
    except (TypeError, RuntimeError, ValueError, AssertionError, IndexError) as error:
        return error
    return None


def _lint(layer: str, take: str, head: int) -> tuple[list[tuple[int, str]], BaseException | None]:
    source = HEADER + textwrap.dedent(
        f"""
        class Model(nn.Module):  # shapelint: input=(B, 10, 16)
            def __init__(self):
                super().__init__()
                self.block = {layer}
                self.fc = nn.Linear({head}, 4)

            def forward(self, x):
                {take}


        model = Model()
        """
    )
    return [(d.line, d.code) for d in lint_source(source)], _run(source)


MHA = "nn.MultiheadAttention({}, 4, batch_first=True)"
ENCODER = "nn.TransformerEncoderLayer({}, 4, dim_feedforward=32, batch_first=True)"
DECODER = "nn.TransformerDecoderLayer({}, 4, dim_feedforward=32, batch_first=True)"
STACK = "nn.TransformerEncoder(nn.TransformerEncoderLayer({}, 4, dim_feedforward=32, batch_first=True), 2)"
SEQ2SEQ = "nn.Transformer({}, 4, 1, 1, dim_feedforward=32, batch_first=True)"
TAKES = {
    MHA: [
        "out, _ = self.block(x, x, x); return self.fc(out.mean(dim=1))",
        "return self.fc(self.block(x, x, x)[0])",
        "out, weights = self.block(x, x, x); return self.fc(out[:, 0])",
    ],
    ENCODER: [
        "return self.fc(self.block(x).mean(dim=1))",
        "y = self.block(x); return self.fc(y[:, 0])",
        "return self.fc(self.block(x, None, None, False)[:, 0])",
    ],
    DECODER: ["return self.fc(self.block(x, x)[:, -1])", "return self.fc(self.block(x, x, None, None)[:, -1])"],
    STACK: ["return self.fc(self.block(x).mean(dim=1))", "return self.fc(self.block(x, None)[:, 0])"],
    SEQ2SEQ: [
        "return self.fc(self.block(x, x[:, :3]).mean(dim=1))",
        "return self.fc(self.block(x[:, 1:], x, tgt_mask=None, src_is_causal=False)[:, 0])",
    ],
}
CASES = [(layer, take) for layer, takes in TAKES.items() for take in takes]


@pytest.mark.parametrize(("layer", "take"), CASES)
@pytest.mark.parametrize("head", [16, 32])
def test_the_head_after_attention_is_checked(layer: str, take: str, head: int) -> None:
    findings, error = _lint(layer.format(16), take, head)
    assert (error is None) == (head == 16)
    assert findings == ([] if error is None else [(9, "SHP001")])


@pytest.mark.parametrize(("layer", "take"), CASES)
def test_a_wrong_model_size_is_found_at_the_layer(layer: str, take: str) -> None:
    findings, error = _lint(layer.format(32), take, 16)
    assert error is not None
    assert findings == [(8, "SHP001")]


@pytest.mark.parametrize(
    ("take", "fits"),
    [
        ("_, weights = self.block(x, x, x); return self.fc(weights)", 10),
        ("out, _ = self.block(x, x, x, None, False); return self.fc(out)", 16),
    ],
)
@pytest.mark.parametrize("head", [10, 16])
def test_what_the_linter_cannot_size_stays_silent(take: str, fits: int, head: int) -> None:
    """The weights' source length, and a call the evaluator does not follow (a flag by position), are unknown."""
    findings, error = _lint(MHA.format(16), take, head)
    assert findings == []
    assert (error is None) == (head == fits)


@pytest.mark.parametrize(
    "take",
    [
        "out, _ = self.block(x, x, x, need_weights=False); return self.fc(out)",
        "out, _ = self.block(x, x, x, key_padding_mask=None); return self.fc(out)",
        "out, _ = self.block(x, x, x, None); return self.fc(out)",
    ],
)
@pytest.mark.parametrize("head", [10, 16])
def test_need_weights_and_none_arguments_keep_the_output_checked(take: str, head: int) -> None:
    """``need_weights`` changes only the weights, and a ``None`` is what the argument defaults to."""
    findings, error = _lint(MHA.format(16), take, head)
    assert (error is None) == (head == 16)
    assert findings == ([] if error is None else [(9, "SHP001")])


@pytest.mark.parametrize(
    "name",
    ["vit_attention_block", "transformer_text_classifier", "transformer_decoder_head", "transformer_encoder_stack"],
)
def test_the_summary_counts_parameters_as_torch_does(name: str) -> None:
    """test_summary compares leaf modules' outputs, so these corpus models declare symbolic inputs it skips."""
    path = CORPUS / "module" / f"{name}_correct.py"
    summary = summarize(path.read_text(encoding="utf-8"))
    model = load_check(path).__globals__[summary.model]()
    assert summary.total_params == sum(p.numel() for p in model.parameters())


@pytest.mark.parametrize("count", ["int(torch.ones(()).item()) + 1", "0"])
@pytest.mark.parametrize("head", [16, 32])
def test_a_stack_of_unknown_or_no_layers_stays_silent(count: str, head: int) -> None:
    """``num_layers`` decides how often the layer runs: unknown, nothing is known after it; 0 fails in torch."""
    layer = f"nn.TransformerEncoder(nn.TransformerEncoderLayer(16, 4, 32, batch_first=True), {count})"
    findings, error = _lint(layer, "return self.fc(self.block(x)[:, 0])", head)
    assert (error is None) == (head == 16 and count != "0")
    assert findings == ([(8, "SHP006")] if count == "0" else [])


@pytest.mark.parametrize("count", ["10**12", "4097"])
def test_more_layers_than_any_model_stacks_are_unknown(count: str) -> None:
    """Found by the fuzzer: ``num_layers=10**12`` once listed a trillion copies and exhausted memory.  torch would
    spend as long deep-copying, so it is not run; the linter is silent, and the summary counts no parameters."""
    stack = STACK.format(16).replace("), 2)", f"), {count})")
    source = HEADER + f"model = nn.Sequential({stack}, nn.Linear(32, 4))  # shapelint: input=(B, 10, 16)\n"
    assert lint_source(source) == []
    assert summarize(source).total_params is None


@pytest.mark.parametrize("head", [10, 16])
def test_a_target_by_keyword_stays_silent(head: int) -> None:
    """The evaluator follows no call with ``tgt=``: nn.Transformer's output is ``tgt``'s, so it is unknown."""
    findings, error = _lint(SEQ2SEQ.format(16), "return self.fc(self.block(x, tgt=x)[:, 0])", head)
    assert findings == []
    assert (error is None) == (head == 16)


@pytest.mark.parametrize("head", [10, 16])
def test_a_custom_encoder_leaves_the_output_unknown(head: int) -> None:
    encoder = "nn.TransformerEncoder(nn.TransformerEncoderLayer(16, 4, 32, batch_first=True), 1)"
    layer = f"nn.Transformer(16, 4, 1, 1, 32, custom_encoder={encoder}, batch_first=True)"
    findings, error = _lint(layer, "return self.fc(self.block(x, x)[:, 0])", head)
    assert findings == []
    assert (error is None) == (head == 16)


@pytest.mark.parametrize(
    ("target", "refused"),
    [("(5, 3, 16)", True), ("(2, 5, 16)", True), ("(5, 16)", True), ("(5, 2, 16)", False)],
)
def test_a_target_of_another_batch_or_batching_is_found_at_the_call(target: str, refused: bool) -> None:
    """A source of batch 2 (not batch-first): torch's own batch check, or the decoder's attention on the memory."""
    source = HEADER + textwrap.dedent(
        f"""
        model = nn.Transformer(16, 4, 1, 1, dim_feedforward=32).eval()
        with torch.no_grad():
            out = model(torch.randn(7, 2, 16), torch.randn{target})
        """
    )
    try:
        exec(compile(source, "<model>", "exec", dont_inherit=True), {})
        error = None
    except (RuntimeError, AssertionError) as raised:
        error = raised
    assert (error is not None) == refused
    assert [(d.line, d.code) for d in lint_source(source)] == ([(7, "SHP006")] if refused else [])
