"""Idioms of training scripts and model files that used to leave a value unknown, each compared with what torch
gives: ``x.data``, a max pool that returns its indices, loader options chosen by a condition
(``kwargs = {"num_workers": 1, "pin_memory": True} if use_cuda else {}``), and ``self.model = self.model.cuda()``
under a condition that is not decided."""

from __future__ import annotations

import textwrap

import libcst as cst
import torch

from shapelint.dims import UNKNOWN, Symbol
from shapelint.evaluator import evaluate
from shapelint.evaluator.values import Instance, Tensor


def _names(source: str) -> dict[str, object]:
    return evaluate(cst.parse_module(textwrap.dedent(source))).names


def _torch(source: str) -> dict[str, object]:
    namespace: dict[str, object] = {}
    exec(textwrap.dedent(source), namespace)
    return namespace


def _same_shapes(source: str, *names: str) -> None:
    ours, theirs = _names(source), _torch(source)
    for name in names:
        value, real = ours[name], theirs[name]
        assert isinstance(value, Tensor) and isinstance(real, torch.Tensor), name
        assert len(value.shape.dims) == real.dim() and not value.shape.open, name
        for dim, size in zip(value.shape.dims, real.shape):
            assert dim == size or (isinstance(dim, Symbol) and dim.sizes == {size}), name


def test_the_data_attribute_is_the_tensor() -> None:
    _same_shapes("import torch\nx = torch.rand(2, 3, 8)\nr = x.data\ns = x.data.view(2, -1)\n", "r", "s")


def test_a_max_pool_with_indices_gives_both() -> None:
    source = """\
        import torch
        import torch.nn as nn
        pool = nn.MaxPool2d(2, return_indices=True)
        values, indices = pool(torch.rand(2, 16, 9, 9))
        """
    _same_shapes(source, "values", "indices")
    assert _names(source)["indices"].shape.dtype == "int"  # type: ignore[attr-defined]


def test_loader_options_chosen_by_a_condition_keep_the_loader() -> None:
    source = """\
        import os
        import torch
        from torch.utils.data import DataLoader, TensorDataset
        use_cuda = os.environ.get("SHAPELINT_NEVER_SET") == "cuda"
        kwargs = {"num_workers": 1, "pin_memory": True} if use_cuda else {}
        loader = DataLoader(TensorDataset(torch.rand(100, 7)), batch_size=10, shuffle=True, **kwargs)
        (batch,) = next(iter(loader))
        """
    _same_shapes(source, "batch")


def test_options_that_may_change_the_batches_leave_them_unknown() -> None:
    """``drop_last`` given on one side only: the last batch may or may not come."""
    source = """\
        import os
        import torch
        from torch.utils.data import DataLoader, TensorDataset
        kwargs = {"drop_last": True} if os.environ.get("SHAPELINT_NEVER_SET") == "1" else {}
        loader = DataLoader(TensorDataset(torch.rand(95, 7)), batch_size=10, **kwargs)
        """
    loader = _names(source)["loader"]
    assert loader.batch.sizes is None  # type: ignore[attr-defined]


def test_a_model_moved_to_the_gpu_under_a_condition_is_the_same_model() -> None:
    source = """\
        import os
        import torch
        import torch.nn as nn
        class Trainer:
            def __init__(self, cuda):
                self.model = nn.Sequential(nn.Linear(64, 10))
                if cuda:
                    self.model = self.model.cuda()
        trainer = Trainer(os.environ.get("SHAPELINT_NEVER_SET") == "cuda")
        out = trainer.model(torch.rand(2, 64))
        """
    _same_shapes(source, "out")
    assert isinstance(_names(source)["trainer"], Instance)


def test_absl_flags_are_their_defaults_where_defined_for_certain() -> None:
    """``FLAGS.z_dim`` is the default ``flags.DEFINE_integer`` gave (a run without arguments); one defined on a path
    that may not run, or never defined, is unknown."""
    source = """\
        import os
        from absl import flags
        FLAGS = flags.FLAGS
        flags.DEFINE_integer("z_dim", 128, "latent size")
        flags.DEFINE_float(name="lr", default=2e-4, help="learning rate")
        if os.environ.get("SHAPELINT_NEVER_SET"):
            flags.DEFINE_integer("width", 64, "width")
        sizes = (FLAGS.z_dim, FLAGS.lr, FLAGS.width, FLAGS.depth)
        """
    assert _names(source)["sizes"] == (128, 2e-4, UNKNOWN, UNKNOWN)
