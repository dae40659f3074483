"""PyTorch Lightning's ``LightningModule`` and ``LightningDataModule`` for the corpus's torch runs: Lightning is not a
test dependency, and a corpus model's ``check()`` needs only the base classes to run its steps on a batch under
torch (the base is an ``nn.Module`` whose ``log`` records nothing).  It is put in ``sys.modules`` only while a corpus
file is executed; shapelint never reads it."""

from __future__ import annotations

import types

from torch import nn


class LightningModule(nn.Module):
    def log(self, *args: object, **kwargs: object) -> None:
        """Lightning's metric logging, which does nothing to the shapes."""


class LightningDataModule:
    """Lightning's data module base, whose hooks the project defines."""


def module(name: str) -> types.ModuleType:
    """A module named ``name`` holding the stand-ins (``pytorch_lightning``, ``lightning.pytorch``)."""
    made = types.ModuleType(name)
    made.LightningModule = LightningModule  # type: ignore[attr-defined]
    made.LightningDataModule = LightningDataModule  # type: ignore[attr-defined]
    return made
