"""How the linter passes a recurrent layer's ``(output, state)`` on, each model also run under torch.

A catalogued layer fed the whole tuple is an error torch reports but the
linter cannot size, so it must stay silent; every way of taking the output or
the state apart keeps exact shapes.
"""

from __future__ import annotations

import textwrap

import pytest
import torch

from shapelint.lint import lint_source

HEADER = "import torch\nimport torch.nn as nn\n\n"


def _run(source: str) -> BaseException | None:
    """What torch raises when the module's ``model`` runs on a (2, 25, 12) input."""
    namespace: dict[str, object] = {}
    exec(compile(source, "<model>", "exec"), namespace)
    model = namespace["model"]
    try:
        with torch.no_grad():
            model(torch.randn(2, 25, 12))  # type: ignore[operator]
    except (TypeError, RuntimeError, ValueError) as error:
        return error
    return None


def _lint(body: str) -> tuple[list[tuple[int, str]], BaseException | None]:
    source = HEADER + textwrap.dedent(body)
    return [(d.line, d.code) for d in lint_source(source)], _run(source)


def test_a_layer_fed_the_tuple_is_reported_as_torch_refuses_it() -> None:
    findings, error = _lint(
        """
        model = nn.Sequential(  # shapelint: input=(B, 25, 12)
            nn.LSTM(12, 32, batch_first=True),
            nn.Linear(7, 4),
        )
        """
    )
    assert findings == [(7, "SHP006")]  # the Linear, on line 7 after the three-line header
    assert isinstance(error, TypeError)


@pytest.mark.parametrize(
    "take",
    [
        "out, (h, c) = self.rnn(x); return self.fc(out[:, -1])",
        "out, _ = self.rnn(x); return self.fc(out[:, -1])",
        "return self.fc(self.rnn(x)[0][:, -1])",
        "_, (h, _) = self.rnn(x); return self.fc(torch.cat((h[-2], h[-1]), dim=1))",
        "output, hidden = self.rnn(x); h, c = hidden; return self.fc(h.transpose(0, 1).reshape(x.size(0), -1))",
    ],
)
@pytest.mark.parametrize("head", [64, 32])
def test_every_way_of_unpacking_keeps_the_sizes(take: str, head: int) -> None:
    findings, error = _lint(
        f"""
        class Model(nn.Module):  # shapelint: input=(B, 25, 12)
            def __init__(self):
                super().__init__()
                self.rnn = nn.LSTM(12, 32, batch_first=True, bidirectional=True)
                self.fc = nn.Linear({head}, 4)

            def forward(self, x):
                {take}


        model = Model()
        """
    )
    assert findings == ([] if error is None else [(9, "SHP001")])
    assert (error is None) == (head == 64)
