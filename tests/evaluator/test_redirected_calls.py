"""Calls that do not go to the class's ``forward`` as written: a forward hook that may replace the output, a
pre-hook that may replace the input, a ``__call__`` of the module's own, a ``forward`` set on the instance, and a
child replaced through ``_modules[...]``.  Each program runs under torch; judged as if the call went to
``forward`` as written, each gave a false finding.  A hook that returns nothing changes nothing, so a bug after it
is still found."""

from __future__ import annotations

import pytest

from shapelint.lint import lint_source

torch = pytest.importorskip("torch", reason="the programs run under torch, which this run has not installed")

PROGRAMS = {
    "forward_hook_output": """
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 32, 3, padding=1)
        self.conv.register_forward_hook(lambda mod, inp, out: out.mean(dim=(2, 3)))
        self.fc = nn.Linear(32, 10)

    def forward(self, x):
        return self.fc(self.conv(x))


if __name__ == "__main__":
    print(Net()(torch.randn(2, 3, 12, 12)).shape)  # torch.Size([2, 10])
""",
    "forward_pre_hook_input": """
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.bn = nn.BatchNorm1d(20)
        self.bn.register_forward_pre_hook(lambda mod, args: (args[0].transpose(1, 2),))

    def forward(self, x):
        return self.bn(x)


if __name__ == "__main__":
    print(Net()(torch.randn(4, 7, 20)).shape)  # torch.Size([4, 20, 7])
""",
    "call_override": """
import torch
import torch.nn as nn


class TimeDistributed(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3)

    def __call__(self, x):                  # (B, T, C, H, W) -> frames
        B, T = x.shape[:2]
        y = super().__call__(x.flatten(0, 1))
        return y.unflatten(0, (B, T))

    def forward(self, x):
        return self.conv(x)


if __name__ == "__main__":
    print(TimeDistributed()(torch.randn(2, 6, 3, 16, 16)).shape)  # torch.Size([2, 6, 8, 14, 14])
""",
    "modules_dict_assign": """
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 2)
        self._modules["fc"] = nn.Linear(12, 2)   # replaces the registered submodule

    def forward(self, x):
        return self.fc(x)


if __name__ == "__main__":
    print(Net()(torch.randn(3, 12)).shape)  # torch.Size([3, 2])
""",
    "instance_forward_swap": """
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.patch = nn.Conv2d(3, 32, 4, 4)
        self.head = nn.Linear(32, 10)

    def forward_tokens(self, t):          # (B, N, 32)
        return self.head(t.mean(1))

    def forward(self, x):
        return self.forward_tokens(self.patch(x).flatten(2).transpose(1, 2))


if __name__ == "__main__":
    m = Net()
    m.forward = m.forward_tokens
    print(m(torch.randn(2, 9, 32)).shape)  # torch.Size([2, 10])
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_redirected_calls_give_no_finding(name: str) -> None:
    source = PROGRAMS[name]
    exec(compile(source, name, "exec"), {"__name__": "__main__"})  # torch runs it
    assert lint_source(source) == []


_RECORDING_HOOK = """
import torch
import torch.nn as nn

features = []


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3, padding=1)
        self.conv.register_forward_hook(self.keep)
        self.fc = nn.Linear(8 * 16 * 16, 10)

    def keep(self, module, inputs, output):
        features.append(output)

    def forward(self, x):
        return self.fc(self.conv(x).flatten(1))


if __name__ == "__main__":
    Net()(torch.randn(2, 3, 16, 16))
"""


def test_a_hook_that_returns_nothing_leaves_the_model_checked() -> None:
    exec(compile(_RECORDING_HOOK, "hook", "exec"), {"__name__": "__main__"})
    assert lint_source(_RECORDING_HOOK) == []
    buggy = _RECORDING_HOOK.replace("nn.Linear(8 * 16 * 16, 10)", "nn.Linear(8 * 14 * 14, 10)")
    with pytest.raises(RuntimeError):
        exec(compile(buggy, "hook", "exec"), {"__name__": "__main__"})
    assert [d.code for d in lint_source(buggy)] == ["SHP001"]
