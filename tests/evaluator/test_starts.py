"""Which files are worth evaluating on their own: those that name a layer, a container, a tensor made in the file,
a ``forward``, a data set, a loss (checked at its call) or a summary.  The others cannot hold a finding of their own."""

from __future__ import annotations

import ast

import pytest

from shapelint.evaluator import may_find
from shapelint.lint import lint_source

NOTHING_TO_START_FROM = [
    "import torch\nimport os\n\ndef save(model, path):\n    torch.save(model.state_dict(), os.path.join(path, 'm.pt'))\n",
    "import torch\nfrom models import Net\n\nnet = Net()\nfor x, y in loader:\n    loss = criterion(net(x), y)\n",
    "import torch\n\nclass Meter:\n    def update(self, value):\n        self.total = value\n",
    "import torch\nfrom torch.autograd import Variable\nfrom torch.utils.data import DataLoader\n\n"
    "class Wrapper(torch.nn.Module):\n    pass\n\nloader = DataLoader(items, batch_size=4)\nx = Variable(next(iter(loader)))\n",
]
STARTS = [
    "import torch.nn as nn\nlayer = nn.Linear(4, 2)\n",
    "from torch.nn import Conv2d as C\n",
    "import torch\nx = torch.randn(2, 3)\n",
    "def forward(self, x):\n    return x\n",
    "from torchvision import datasets\ndata = datasets.MNIST('.', download=True)\n",
    "from torchinfo import summary\nsummary(model, (1, 3, 32, 32))\n",
    "import numpy as np, torch\nx = torch.from_numpy(np.zeros((2, 3)))\n",
    "from einops import rearrange\n",
    "import torch.nn.functional as F\nloss = F.nll_loss(model(data), target)\n",
    "import torch.nn as nn\ncriterion = nn.CrossEntropyLoss()\n",
    "from torchvision import datasets\ndata = datasets.FakeData(size=64, image_size=(1, 32, 32))\n",
]


@pytest.mark.parametrize("source", NOTHING_TO_START_FROM)
def test_files_that_name_nothing_to_start_from_are_not_evaluated(source: str) -> None:
    assert not may_find(ast.parse(source))
    assert lint_source(source) == []


@pytest.mark.parametrize("source", STARTS)
def test_a_layer_a_container_a_tensor_a_forward_a_data_set_or_a_summary_starts_one(source: str) -> None:
    assert may_find(ast.parse(source))


def test_a_file_not_evaluated_still_has_its_parse_errors_reported() -> None:
    with pytest.raises(SyntaxError):
        lint_source("import torch\ndef broken(:\n")
