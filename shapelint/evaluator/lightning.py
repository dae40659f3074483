"""PyTorch Lightning's loops: ``Trainer().fit(model, loader)`` feeds the loader's batches to the model's
``training_step``, as a ``for x, y in loader: model(x)`` loop would.

Lightning projects never call their model on a batch themselves: the ``LightningModule``'s steps are called by the
trainer, on the loaders given to ``fit``/``validate``/``test``/``predict``, or those the module or a
``LightningDataModule`` returns from its ``train_dataloader()`` (after its ``setup(stage=...)``).  Lightning itself
is never read: only the steps and loaders the project defines run.
"""

from __future__ import annotations

from dataclasses import dataclass

from shapelint.dims import UNKNOWN
from shapelint.evaluator import classes, data_pipeline, operators
from shapelint.evaluator.functions import call_hook
from shapelint.evaluator.machine import Machine
from shapelint.evaluator.values import Function, Instance, ListValue

_PACKAGES = ("pytorch_lightning", "lightning", "lightning.pytorch")
TRAINERS = frozenset(
    f"{package}.{path}" for package in _PACKAGES for path in ("Trainer", "trainer.Trainer", "trainer.trainer.Trainer")
)


@dataclass(frozen=True, slots=True)
class Trainer:
    """A Lightning ``Trainer``, whose loops are all it is followed for."""


@dataclass(frozen=True, slots=True)
class _Loop:
    """One of the trainer's loops: where its loaders are passed (the position after the model, the keywords), the
    hook that returns them otherwise, the stage its ``setup`` is told, and the step it calls on each batch."""

    position: int
    keywords: tuple[str, ...]
    hook: str
    stage: str
    step: str


LOOPS: dict[str, tuple[_Loop, ...]] = {
    "fit": (  # the sanity check runs two validation batches before training starts
        _Loop(2, ("val_dataloaders", "val_dataloader"), "val_dataloader", "fit", "validation_step"),
        _Loop(1, ("train_dataloaders", "train_dataloader"), "train_dataloader", "fit", "training_step"),
    ),
    "validate": (_Loop(1, ("dataloaders", "val_dataloaders"), "val_dataloader", "validate", "validation_step"),),
    "test": (_Loop(1, ("dataloaders", "test_dataloaders"), "test_dataloader", "test", "test_step"),),
    "predict": (_Loop(1, ("dataloaders",), "predict_dataloader", "predict", "predict_step"),),
}
"""The trainer methods followed, and the loops each runs."""


def run(m: Machine, method: str, args: list[object], kwargs: dict[str, object]) -> object:
    """``trainer.fit(model, ...)`` and its kin: each loop's step runs on a batch of each loader it is given.  A model
    not given (``trainer.test()`` after ``fit``: the one fitted) is not followed."""
    model = args[0] if args else kwargs.get("model")
    if method not in LOOPS or not isinstance(model, Instance):
        operators.forget_mutable(args, kwargs)
        return UNKNOWN
    given = args[1] if len(args) > 1 else None
    datamodule = kwargs.get("datamodule", given if isinstance(given, Instance) else None)
    training = m.propagator.training
    for loop in LOOPS[method]:
        loaders = _given(loop, args, kwargs)
        if loaders is None:
            loaders = _from_hooks(m, loop, datamodule if isinstance(datamodule, Instance) else None, model)
        m.propagator.training = training and loop.step == "training_step"  # the trainer sets the model's mode
        for loader in loaders:
            _step(m, model, loop.step, loader)
    m.propagator.training = False
    return UNKNOWN


def _given(loop: _Loop, args: list[object], kwargs: dict[str, object]) -> list[object] | None:
    """The loaders passed for this loop, by keyword or by position (a data module in their place is not one);
    ``None`` where none are."""
    found = next((kwargs[key] for key in loop.keywords if key in kwargs), None)
    if found is None and len(args) > loop.position and not isinstance(args[loop.position], Instance):
        found = args[loop.position]
    if found is None:
        return None
    items = operators.iterate(found) if isinstance(found, (tuple, ListValue)) else None
    return items if items is not None else [found]


def _from_hooks(m: Machine, loop: _Loop, datamodule: Instance | None, model: Instance) -> list[object]:
    """The loader the data module returns for this loop, or else the model's own hook; each is ``setup`` first."""
    for owner in (datamodule, model):
        hook = _method(owner, loop.hook) if owner is not None else None
        if owner is None or hook is None:
            continue
        setup = _method(owner, "setup")
        if setup is not None:
            call_hook(m, setup, [owner], {"stage": loop.stage})
        return [call_hook(m, hook, [owner], {})]
    return []


def _step(m: Machine, model: Instance, name: str, loader: object) -> None:
    """The model's step on a batch of ``loader`` (its index unknown), and on its last batch where that is smaller."""
    step = _method(model, name)
    if step is None:
        return
    batch = data_pipeline.element(loader)
    if batch is UNKNOWN:
        return
    call_hook(m, step, [model, batch, UNKNOWN], {})
    batches = data_pipeline.concrete_batches(loader)
    if batches is not None:
        call_hook(m, step, [model, batches[1], UNKNOWN], {})


def _method(owner: Instance, name: str) -> Function | None:
    found = classes.class_attribute(owner.cls, name)
    return found if isinstance(found, Function) else None
