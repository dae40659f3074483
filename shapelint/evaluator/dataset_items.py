"""Drawing samples from a dataset: ``img, label = train_set[0]``, ``self.base[idx]`` in a dataset that wraps another
(pairs for a Siamese net, a subset of the classes), a loop over a loader.  One sample comes back from an index,
without the batch dimension a ``DataLoader`` adds; a transform that raises on the samples is a finding once one is
drawn.

A dataset of the project's own runs its ``__getitem__`` on the index, as Python does; one a ``Subset`` or
``random_split`` took gets an index into it that is an int and nothing more (the subset maps it); torchvision's
datasets and ``TensorDataset`` give their sample for an index that is an int.
"""

from __future__ import annotations

from shapelint.dims import UNKNOWN, is_int
from shapelint.evaluator import classes, data_pipeline
from shapelint.evaluator.functions import call_function
from shapelint.evaluator.machine import Machine
from shapelint.evaluator.transform_refusals import Refusal
from shapelint.evaluator.values import SAMPLE_INDEX, Function, Instance, SampleIndex, Tensor

_DATA = "torch.utils.data."


def is_dataset(value: object) -> bool:
    """Whether indexing ``value`` gives one of its samples: a dataset shapelint knows, or an object of a map-style
    dataset class of the project's own (a ``Dataset`` subclass, or any class with ``__len__``), not a torch layer."""
    if isinstance(value, (data_pipeline.DatasetValue, data_pipeline.TensorRows, data_pipeline.Samples)):
        return True
    if not isinstance(value, Instance) or classes.is_torch_module(value.cls):
        return False
    sized = isinstance(classes.class_attribute(value.cls, "__len__"), Function)
    return sized or classes.has_base(value.cls, lambda qualname: qualname.startswith(_DATA))


def item(m: Machine, dataset: object, index: object) -> object:
    """``dataset[index]`` for a value :func:`is_dataset` accepts."""
    if isinstance(dataset, (data_pipeline.DatasetValue, data_pipeline.TensorRows)):
        draw(m, dataset)
        return data_pipeline.sample(dataset, index)
    if isinstance(dataset, data_pipeline.Samples):
        if not (is_int(index) or isinstance(index, SampleIndex)):
            return UNKNOWN
        dataset, index = dataset.dataset, SAMPLE_INDEX
    assert isinstance(dataset, Instance)
    getitem = classes.class_attribute(dataset.cls, "__getitem__")
    return call_function(m, getitem, [dataset, index], {}) if isinstance(getitem, Function) else UNKNOWN


def draw(m: Machine, source: object) -> None:
    """Samples drawn from ``source`` (a dataset indexed, a loader looped over or listed): a transform on the way
    that raises on them is a finding."""
    refused = data_pipeline.refused(source)
    if refused is not None:
        refusal, origin = refused
        refuse(m, refusal, Tensor(refusal.shape, origin))


def refuse(m: Machine, refusal: Refusal, sample: Tensor) -> None:
    """torch raises at the transform on ``sample``: the finding is there, whatever the model."""
    m.propagator.reject(refusal.label, refusal.node, refusal.error, sample)
