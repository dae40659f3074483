"""A project's own datasets: a ``DataLoader`` over an object whose class defines ``__getitem__`` batches what that
method returns for one index, as torch's default collate does.

``__getitem__`` runs once, as code that may not run (it is called for every index, or for none), on an index
that is an int and nothing more; ``return self.images[index], self.labels[index]`` gives a row of each.  A loader
given a sampler is left alone: a ``BatchSampler`` hands ``__getitem__`` a list of indices.
"""

from __future__ import annotations

from shapelint.dims import is_int
from shapelint.evaluator import classes, data_pipeline
from shapelint.evaluator.control import Raise
from shapelint.evaluator.functions import call_function
from shapelint.evaluator.machine import Machine
from shapelint.evaluator.values import SAMPLE_INDEX, Function, Instance, Origin


def with_samples(m: Machine, args: list[object], kwargs: dict[str, object]) -> tuple[list[object], dict[str, object]]:
    """The arguments of a call that takes a dataset (a ``DataLoader``, ``random_split``) with a dataset of the
    project's own replaced by the batch it makes."""
    given = args[0] if args else kwargs.get("dataset")
    sampled = len(args) > 3 or "sampler" in kwargs or "batch_sampler" in kwargs
    samples = _samples(m, given) if isinstance(given, Instance) and not sampled else None
    if samples is None:
        return args, kwargs
    if args:
        return [samples, *args[1:]], kwargs
    return args, {**kwargs, "dataset": samples}


def _samples(m: Machine, dataset: Instance) -> data_pipeline.Samples | None:
    getitem = classes.class_attribute(dataset.cls, "__getitem__")
    if not isinstance(getitem, Function):
        return None
    try:
        with m.binder.uncertainty():
            sample = call_function(m, getitem, [dataset, SAMPLE_INDEX], {})
    except Raise:
        return None
    origin = Origin(f"{dataset.cls.node.name.value}.__getitem__", getitem.node, dataset=True)
    collated = data_pipeline.collate(sample, origin)
    return data_pipeline.Samples(collated, dataset, origin, _length(m, dataset), sample)


def _length(m: Machine, dataset: Instance) -> int | None:
    """What the dataset's ``__len__`` returns, where it is a known int: the loader's number of samples."""
    method = classes.class_attribute(dataset.cls, "__len__")
    if not isinstance(method, Function):
        return None
    try:
        with m.binder.uncertainty():
            length = call_function(m, method, [dataset], {})
    except Raise:
        return None
    return length if is_int(length) and length >= 0 else None
