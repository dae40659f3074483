"""The code table: every diagnostic shapelint can emit, its message, and a valid and an invalid example.

Codes are looked up by name (``CODES["linear-in-features"]``), never by
position.  Each row's ``message`` is the template its findings are written
with; the invalid example carries the source ``shapelint --fix`` makes of
it (``fixed``, for the fixable codes).  The test suite runs every example
under torch, lints and fixes it, and the README's code table and examples
are generated from these rows.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Code:
    """One row of the table."""

    code: str
    name: str
    summary: str
    fixable: bool
    message: str
    """The template of its messages; :func:`shapelint.judge.messages.render` fills it."""
    invalid: str
    valid: str
    fix: tuple[str, str] | None = None
    """What ``shapelint --fix`` changes in the invalid example: the text written, and its replacement."""


SIZE_MESSAGE = "{layer}({argument}={found}) receives {expected} {unit}{context}; expected {expected}"
"""A wrong input-size argument: the layer, the argument, what was written, what arrives and where it comes from."""
PROBLEM_MESSAGE = "{detail}{context}"
"""Any other rejection: the shape rule's own words, then where the rejected shape comes from."""


_TABLE = (
    Code(
        "SHP001",
        "linear-in-features",
        "`in_features` of Linear/Bilinear, `input_size` of RNN/LSTM/GRU and their cells, `embed_dim` of"
        " MultiheadAttention or `d_model` of a Transformer layer or nn.Transformer disagrees with the incoming"
        " feature size",
        True,
        message=SIZE_MESSAGE,
        invalid="""\
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(B, 784)
    nn.Linear(784, 128),
    nn.ReLU(),
    nn.Linear(256, 10),
)
""",
        valid="""\
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(B, 784)
    nn.Linear(784, 128),
    nn.ReLU(),
    nn.Linear(128, 10),
)
""",
        fix=("nn.Linear(256, 10)", "nn.Linear(128, 10)"),
    ),
    Code(
        "SHP002",
        "conv-in-channels",
        "`in_channels` of a Conv/ConvTranspose disagrees with the incoming channels",
        True,
        message=SIZE_MESSAGE,
        invalid="""\
import torch.nn as nn

features = nn.Sequential(  # shapelint: input=(B, 3, 32, 32)
    nn.Conv2d(3, 32, kernel_size=3, padding=1),
    nn.ReLU(),
    nn.Conv2d(64, 64, kernel_size=3, padding=1),
)
""",
        valid="""\
import torch.nn as nn

features = nn.Sequential(  # shapelint: input=(B, 3, 32, 32)
    nn.Conv2d(3, 32, kernel_size=3, padding=1),
    nn.ReLU(),
    nn.Conv2d(32, 64, kernel_size=3, padding=1),
)
""",
        fix=("nn.Conv2d(64, 64, kernel_size=3, padding=1)", "nn.Conv2d(32, 64, kernel_size=3, padding=1)"),
    ),
    Code(
        "SHP003",
        "norm-num-features",
        "a normalization size disagrees: BatchNorm/InstanceNorm `num_features`, "
        "GroupNorm `num_channels`, LayerNorm `normalized_shape`",
        True,
        message=SIZE_MESSAGE,
        invalid="""\
import torch.nn as nn

block = nn.Sequential(  # shapelint: input=(B, 3, 16, 16)
    nn.Conv2d(3, 64, kernel_size=3),
    nn.BatchNorm2d(32),
    nn.ReLU(),
)
""",
        valid="""\
import torch.nn as nn

block = nn.Sequential(  # shapelint: input=(B, 3, 16, 16)
    nn.Conv2d(3, 64, kernel_size=3),
    nn.BatchNorm2d(64),
    nn.ReLU(),
)
""",
        fix=("nn.BatchNorm2d(32)", "nn.BatchNorm2d(64)"),
    ),
    Code(
        "SHP004",
        "size-collapses",
        "a spatial or sequence size collapses to 0 or less (kernel larger than the padded input, too many poolings), "
        "or a norm is left one value to normalise (BatchNorm in training mode on a batch of one)",
        False,
        message=PROBLEM_MESSAGE,
        invalid="""\
import torch.nn as nn

features = nn.Sequential(  # shapelint: input=(B, 1, 8, 8)
    nn.Conv2d(1, 8, kernel_size=5),
    nn.MaxPool2d(2),
    nn.Conv2d(8, 16, kernel_size=5),
)
""",
        valid="""\
import torch.nn as nn

features = nn.Sequential(  # shapelint: input=(B, 1, 8, 8)
    nn.Conv2d(1, 8, kernel_size=5, padding=2),
    nn.MaxPool2d(2),
    nn.Conv2d(8, 16, kernel_size=3),
)
""",
    ),
    Code(
        "SHP005",
        "wrong-rank",
        "the rank is wrong for the layer (Conv2d after Flatten, BatchNorm1d on a 4-D tensor)",
        False,
        message=PROBLEM_MESSAGE,
        invalid="""\
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(B, 3, 8, 8)
    nn.Flatten(),
    nn.Conv2d(3, 8, kernel_size=3),
)
""",
        valid="""\
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(B, 3, 8, 8)
    nn.Conv2d(3, 8, kernel_size=3),
    nn.Flatten(),
)
""",
    ),
    Code(
        "SHP006",
        "incompatible",
        "another incompatibility (Unflatten sizes, Embedding fed floats, invalid hyperparameters, broadcasting,"
        " a loss's output and target that torch rejects: BCELoss on (B, 1) against (B,), cross_entropy's batch sizes,"
        " a layer handed an LSTM's (output, state) tuple in a Sequential, a `shapelint.runtime` layer called"
        " torch-style with its input size first: `rt.Conv2d(1, 6, 5)`, whose runtime spelling is `rt.Conv2d(6, 5)`)",
        False,
        message=PROBLEM_MESSAGE,
        invalid="""\
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(B, 96)
    nn.Linear(96, 64),
    nn.Unflatten(1, (4, 4, 5)),
)
""",
        valid="""\
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(B, 96)
    nn.Linear(96, 64),
    nn.Unflatten(1, (4, 4, 4)),
)
""",
    ),
    Code(
        "SHP100",
        "bad-directive",
        "a `# shapelint:` directive cannot be parsed: bad syntax, or an unknown keyword (`inptu=`, `ignroe`)",
        False,
        message="cannot parse directive `{text}`: {reason}",
        invalid="""\
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(B, 3, 32 32)
    nn.Linear(32, 10),
)
""",
        valid="""\
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(B, 3, 32, 32)
    nn.Linear(32, 10),
)
""",
    ),
    Code(
        "SHP101",
        "inputs-disagree",
        "an example call or summary passes a shape that disagrees with the declared input",
        False,
        message="this call passes an input of shape {example}, but {origin} says {declared}",
        invalid="""\
import torch
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(B, 3, 32, 32)
    nn.Conv2d(3, 8, kernel_size=3),
    nn.AdaptiveAvgPool2d(1),
)
model(torch.randn(2, 3, 28, 28))
""",
        valid="""\
import torch
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(B, 3, 32, 32)
    nn.Conv2d(3, 8, kernel_size=3),
    nn.AdaptiveAvgPool2d(1),
)
model(torch.randn(2, 3, 32, 32))
""",
    ),
)

CODES: dict[str, Code] = {row.name: row for row in _TABLE}
BY_CODE: dict[str, Code] = {row.code: row for row in _TABLE}
