"""Input shapes from the data pipeline: torchvision datasets, their transforms, ``DataLoader`` and its loop.

``for images, labels in DataLoader(datasets.MNIST(..., transform=ToTensor()), batch_size=64): model(images)``
makes that call an example call with input ``(B, 1, 28, 28)``: the batch of tensors the loader yields.  A
sample's shape is known only where every transform's effect is (an unknown transform, or none that makes a
tensor, leaves it unknown), and a dataset's images only where they all have one size.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, replace

import libcst as cst

from shapelint.catalog import ShapeError
from shapelint.dims import UNKNOWN, Dim, Shape, Symbol, is_int
from shapelint.evaluator.transform_refusals import PerChannel, Refusal, per_channel
from shapelint.evaluator.values import Array, DictValue, Instance, ListValue, Origin, SampleIndex, Tensor

BATCH = Symbol("B")

_DATASETS = "torchvision.datasets."
_TRANSFORMS = ("torchvision.transforms.v2.", "torchvision.transforms.")
"""torchvision's transforms, version 2 first (whose ``Normalize`` does not write in place)."""
LOADER = frozenset({"torch.utils.data.DataLoader", "torch.utils.data.dataloader.DataLoader"})
TENSOR_DATASET = frozenset({"torch.utils.data.TensorDataset", "torch.utils.data.dataset.TensorDataset"})
SUBSET = frozenset({"torch.utils.data.Subset", "torch.utils.data.dataset.Subset"})
SPLIT = frozenset({"torch.utils.data.random_split", "torch.utils.data.dataset.random_split"})
TAKES_DATASET = LOADER | SUBSET | SPLIT
"""Calls whose first argument (or ``dataset=``) is a dataset."""
PROGRESS = frozenset({"tqdm.tqdm", "tqdm.auto.tqdm", "tqdm.notebook.tqdm", "tqdm.std.tqdm"})
"""Progress bars that yield what they wrap."""


@dataclass(frozen=True, slots=True)
class Images:
    """What a dataset's samples are at one step of the transforms: channels, height, width, and whether they are
    tensors yet (PIL images until ``ToTensor``)."""

    channels: Dim
    height: Dim
    width: Dim
    tensor: bool = False
    refusal: Refusal | None = None
    """A transform on the way that raises on such a sample: drawing one fails there."""


IMAGE_DATASETS: dict[str, Images] = {
    "MNIST": Images(1, 28, 28),
    "FashionMNIST": Images(1, 28, 28),
    "KMNIST": Images(1, 28, 28),
    "EMNIST": Images(1, 28, 28),
    "QMNIST": Images(1, 28, 28),
    "CIFAR10": Images(3, 32, 32),
    "CIFAR100": Images(3, 32, 32),
    "SVHN": Images(3, 32, 32),
    "STL10": Images(3, 96, 96),
    "CelebA": Images(3, 218, 178),
    "USPS": Images(1, 16, 16),
    "SEMEION": Images(1, 16, 16),
    "Omniglot": Images(1, 105, 105),
    "FER2013": Images(1, 48, 48),
    "PCAM": Images(3, 96, 96),
    "EuroSAT": Images(3, 64, 64),
    "ImageFolder": Images(3, UNKNOWN, UNKNOWN),
    "ImageNet": Images(3, UNKNOWN, UNKNOWN),
    **dict.fromkeys(
        ["Flowers102", "Food101", "GTSRB", "StanfordCars", "DTD", "FGVCAircraft", "OxfordIIITPet", "SUN397",
         "Country211", "LFWPeople"],
        Images(3, UNKNOWN, UNKNOWN),
    ),
}  # fmt: skip
"""torchvision's image datasets and the PIL images they give (torchvision's documentation and source: the
``L``-mode images of USPS, SEMEION, Omniglot and FER2013; the default loader, and the others' ``convert("RGB")``,
make every image RGB, of any size, so only transforms that fix the size make it known)."""
CLASS_LABELS = frozenset(IMAGE_DATASETS) - {"CelebA", "FER2013", "OxfordIIITPet"} | {"FakeData"}
"""Datasets whose target is one class index per sample (CelebA's is a vector of attributes by default, FER2013's
test split has none, OxfordIIITPet's depends on ``target_types``)."""

Transform = Callable[[Images], Images | None]


@dataclass(frozen=True, slots=True)
class PilImage:
    """An image opened with PIL (``Image.open(path)``): of unknown size and mode until converted or resized."""

    images: Images


IMAGE_OPEN = frozenset({"PIL.Image.open"})
IMAGE_NEW = "PIL.Image.new"
IMAGE_FROM_ARRAY = "PIL.Image.fromarray"
_MODES = {"RGB": 3, "L": 1, "RGBA": 4, "1": 1, "CMYK": 4, "YCbCr": 3, "LAB": 3, "HSV": 3}
"""PIL's image modes and their channels."""


@dataclass(frozen=True, slots=True)
class TransformValue:
    """A torchvision transform, or ``None`` for one whose effect on the shape is not known."""

    apply: Transform | None
    on_tensors: bool = False
    """Whether it also takes a float tensor of ``(..., C, H, W)`` (``Normalize`` does, ``ToTensor`` refuses one)."""


@dataclass(frozen=True, slots=True)
class DatasetValue:
    sample: Images | None
    origin: Origin
    class_labels: bool
    length: int | None = None
    """How many samples it has, where torchvision's documentation fixes it (MNIST's training set: 60,000)."""


@dataclass(frozen=True, slots=True)
class TensorRows:
    """``TensorDataset(x, y)``: each sample is one row of every tensor (their shapes without the first
    dimension)."""

    rows: tuple[Shape, ...]
    origin: Origin
    length: int | None = None


@dataclass(frozen=True, slots=True)
class Samples:
    """A dataset of the project's own (a ``Dataset`` subclass) a ``DataLoader``, ``Subset`` or ``random_split`` took:
    the batch its ``__getitem__`` makes, collated, and the dataset itself, whose ``__getitem__`` an index runs."""

    batch: object
    dataset: Instance
    origin: Origin
    length: int | None = None
    """What its ``__len__`` returns, where that is a known int (``return 100``, ``len(self.images)``)."""
    sample: object = UNKNOWN
    """What its ``__getitem__`` returns for one index, before collation."""


Dataset = DatasetValue | TensorRows | Samples
_DATASET_KINDS = (DatasetValue, TensorRows, Samples)


@dataclass(frozen=True, slots=True)
class LoaderValue:
    dataset: Dataset
    batch: Symbol = BATCH
    """The batch dimension of what it yields, with the sizes its batches can have where they are known."""
    last: int | None = None
    """The size of the last batch where it is smaller than the others and certain (MNIST's 60,000 samples in
    batches of 64 end with one of 32): a loop over every batch runs once more on it."""
    count: int | None = None
    """How many batches it yields (``len(loader)``), where the dataset's length is known."""
    collated: object = None
    """What the project's ``collate_fn`` made of a list of samples, where it has one
    (:mod:`~shapelint.evaluator.collation`)."""


@dataclass(frozen=True, slots=True)
class SampleList:
    """The list of a batch's samples that a loader hands its ``collate_fn``: ``size`` items, each ``sample``."""

    sample: object
    size: Dim
    origin: Origin


@dataclass(frozen=True, slots=True)
class Collated:
    """A ``collate_fn=`` the loader is built with, as what it returned (or unknown)."""

    batch: object


@dataclass(frozen=True, slots=True)
class Generated:
    """A generator of the project given a loader, which yields ``batch`` on every step
    (:mod:`~shapelint.evaluator.generators`)."""

    batch: object


Batches = LoaderValue | Generated
BATCHES = (LoaderValue, Generated)
"""What yields the same batch on every step, whatever the step."""


@dataclass(frozen=True, slots=True)
class EnumeratedLoader:
    """``enumerate(loader)``: pairs of a batch index and a batch."""

    loader: Batches


@dataclass(frozen=True, slots=True)
class LoaderIterator:
    """``iter(loader)``, whose ``next()`` is a batch."""

    loader: Batches


def build(qualname: str, args: list[object], kwargs: dict[str, object], node: cst.Call) -> object:
    """A dataset, transform or loader built by this call, or ``None`` when the call is none of them."""
    if qualname.startswith(_DATASETS):
        return _dataset(qualname.removeprefix(_DATASETS), args, kwargs, node)
    for prefix in _TRANSFORMS:
        if qualname.startswith(prefix):
            name, v2 = qualname.removeprefix(prefix), prefix == _TRANSFORMS[0]
            return TransformValue(_transform(name, args, kwargs, node, v2), _takes_tensors(name, args, kwargs))
    if qualname in IMAGE_OPEN:
        return PilImage(Images(UNKNOWN, UNKNOWN, UNKNOWN))
    if qualname == IMAGE_NEW:
        return _new_image(args, kwargs)
    if qualname == IMAGE_FROM_ARRAY:
        return _image_of(args[0]) if len(args) == 1 and not kwargs else UNKNOWN
    if qualname in TENSOR_DATASET:
        return _tensor_rows(args, node) if not kwargs else UNKNOWN
    if qualname in SUBSET or qualname in SPLIT:
        lengths = args[1] if len(args) > 1 else kwargs.get("lengths", kwargs.get("indices"))
        return _part(qualname, args[0] if args else kwargs.get("dataset"), lengths)
    if qualname in PROGRESS:
        wrapped = args[0] if args else kwargs.get("iterable")
        return wrapped if isinstance(wrapped, (*BATCHES, EnumeratedLoader)) else UNKNOWN
    if qualname in LOADER:
        return _loader(args, kwargs)
    return None


def _loader(args: list[object], kwargs: dict[str, object]) -> object:
    source = args[0] if args else kwargs.get("dataset")
    batch_size = kwargs.get("batch_size", args[1] if len(args) > 1 else 1)
    batched = is_int(batch_size) or isinstance(batch_size, Symbol)
    collate = kwargs.get("collate_fn")
    if isinstance(collate, Collated):  # the project's own ``collate_fn``, already run on a list of samples
        loader = _loader(args, {**kwargs, "collate_fn": None}) if collate.batch is not UNKNOWN else UNKNOWN
        return replace(loader, collated=collate.batch) if isinstance(loader, LoaderValue) else UNKNOWN
    plain = batched and collate is None and len(args) <= 4
    if not (isinstance(source, _DATASET_KINDS) and plain):
        return UNKNOWN
    sampled = len(args) > 3 or kwargs.get("sampler") is not None
    if not is_int(batch_size) or batch_size <= 0 or kwargs.get("batch_sampler") is not None:
        return LoaderValue(source)
    length = None if sampled else source.length
    drop_last = kwargs.get("drop_last", False)
    sizes = _batch_sizes(batch_size, length, drop_last)
    last = length % batch_size if length is not None and sizes is not None and len(sizes) == 2 else None
    count = None
    if length is not None and isinstance(drop_last, bool):
        count = length // batch_size if drop_last else -(-length // batch_size)
    return LoaderValue(source, Symbol(BATCH.name, sizes), last, count)


_MAX_LISTED = 4096
"""The largest batch whose smaller sizes are listed one by one (a loader over a dataset of unknown length)."""


@functools.lru_cache(maxsize=64)
def _up_to(batch_size: int) -> frozenset[int]:
    """Every size from 1 to ``batch_size``, one set per batch size: a loader built on every step of a long loop
    shares it instead of holding thousands of its own."""
    return frozenset(range(1, batch_size + 1))


def _batch_sizes(batch_size: int, length: int | None, drop_last: object) -> frozenset[int] | None:
    """The sizes of the batches a loader yields: ``batch_size``, and the rest of the samples in the last one; any
    size up to ``batch_size`` where the dataset's length is not known (or a sampler draws the samples)."""
    if drop_last is True:
        return frozenset({batch_size})
    if drop_last is not False:
        return None
    if length is None:
        return _up_to(batch_size) if batch_size <= _MAX_LISTED else None
    if length < batch_size:
        return frozenset({length}) if length else None
    return frozenset({batch_size, length % batch_size} - {0})


def builtin(name: str, args: list[object]) -> object:
    """``enumerate(loader[, start])``, ``iter(loader)``, ``next(iter(loader))`` and ``next(enumerate(loader))``;
    ``None`` for other calls."""
    first = args[0] if args else None
    if name == "enumerate" and isinstance(first, LoaderIterator):
        first = first.loader  # ``enumerate(iter(loader))``: the same batches
    if name == "enumerate" and isinstance(first, BATCHES) and len(args) <= 2:
        return EnumeratedLoader(first)
    if name == "iter" and isinstance(first, BATCHES) and len(args) == 1:
        return LoaderIterator(first)
    if name == "next" and isinstance(first, LoaderIterator) and len(args) == 1:
        return element(first.loader)
    if name == "next" and isinstance(first, EnumeratedLoader) and len(args) == 1:
        return element(first)  # ``i, batch = next(enumerate(loader))``
    if name == "len" and isinstance(first, LoaderValue) and len(args) == 1:
        return UNKNOWN if first.count is None else first.count
    if name == "len" and isinstance(first, SampleList) and len(args) == 1:
        return first.size
    if name in ("list", "tuple", "sorted", "reversed") and isinstance(first, SampleList) and len(args) == 1:
        return first  # the same samples, perhaps in another order
    return None


def element(value: object) -> object:
    """What a ``for`` loop over ``value`` binds on each step, when every step binds the same shapes."""
    if isinstance(value, EnumeratedLoader):
        batch = element(value.loader)
        return UNKNOWN if batch is UNKNOWN else (UNKNOWN, batch)
    if isinstance(value, LoaderIterator):
        return element(value.loader)
    if isinstance(value, Generated):
        return value.batch
    if isinstance(value, SampleList):
        return value.sample
    if not isinstance(value, LoaderValue):
        return UNKNOWN
    batch = _batch(value)
    return batch if value.batch is BATCH else rebatched(batch, value.batch)


def _batch(loader: LoaderValue) -> object:
    """What the loader yields, its batch dimension the plain batch symbol."""
    dataset = loader.dataset
    if loader.collated is not None:
        return loader.collated
    if isinstance(dataset, Samples):
        return dataset.batch
    if isinstance(dataset, TensorRows):
        origin = dataset.origin
        return tuple(Tensor(Shape((BATCH, *row.dims), dtype=row.dtype), origin) for row in dataset.rows)
    sample, origin = dataset.sample, dataset.origin
    if sample is None or not sample.tensor:
        return UNKNOWN
    images = Tensor(Shape((BATCH, sample.channels, sample.height, sample.width), dtype="float"), origin)
    return images, Tensor(Shape((BATCH,), dtype="int"), origin) if dataset.class_labels else UNKNOWN


def refused(value: object) -> tuple[Refusal, Origin] | None:
    """The transform that raises on every sample drawn from ``value`` (a dataset of torchvision's, a loader over
    one, its ``enumerate`` or ``iter``), with the dataset the samples come from."""
    if isinstance(value, (EnumeratedLoader, LoaderIterator)):
        value = value.loader
    if isinstance(value, LoaderValue):
        value = value.dataset
    if not isinstance(value, DatasetValue) or value.sample is None or value.sample.refusal is None:
        return None
    return value.sample.refusal, value.origin


def without_length(dataset: object) -> object:
    """A dataset whose samples the code changed (``train.data = train.data[:6400]``): its documented length no
    longer holds."""
    if isinstance(dataset, _DATASET_KINDS):
        return replace(dataset, length=None)
    return dataset


def concrete_batches(value: object) -> tuple[object, object] | None:
    """What a step of a loop over every batch binds on a full batch and on the last one, where that one is smaller
    than the others; ``None`` where there is no such batch, or it is not known."""
    loader = value.loader if isinstance(value, EnumeratedLoader) else value
    if not isinstance(loader, LoaderValue) or loader.last is None or loader.batch.sizes is None:
        return None
    origin, batch = loader.dataset.origin, _batch(loader)
    full = rebatched(batch, max(loader.batch.sizes), replace(origin, label=f"a full batch of {origin.label}"))
    last = rebatched(batch, loader.last, replace(origin, label=f"the last batch of {origin.label}"))
    if isinstance(value, EnumeratedLoader):
        index = UNKNOWN if loader.count is None else loader.count - 1  # the last batch's index: a guard may skip it
        return (UNKNOWN, full), (index, last)
    return full, last


def rebatched(batch: object, size: Dim, origin: Origin | None = None) -> object:
    """``batch`` with the collated batch dimension of each tensor in it made ``size`` (and their origin
    ``origin``, where given)."""
    if isinstance(batch, Tensor):
        dims = batch.shape.dims
        if batch.shape.open or not dims or dims[0] != BATCH:
            return batch
        return Tensor(replace(batch.shape, dims=(size, *dims[1:])), origin or batch.origin)
    if isinstance(batch, tuple):
        return tuple(rebatched(item, size, origin) for item in batch)
    if isinstance(batch, ListValue) and batch.items is not None:
        return ListValue([rebatched(item, size, origin) for item in batch.items])
    if isinstance(batch, DictValue) and batch.items is not None and not batch.modules:
        return DictValue({key: rebatched(item, size, origin) for key, item in batch.items.items()})
    return batch


def sample(dataset: DatasetValue | TensorRows, index: object) -> object:
    """``dataset[index]`` for an int index: one sample, without a batch dimension (a torchvision dataset's image,
    a PIL image until ``ToTensor``, and its target, a ``TensorDataset``'s row of each tensor)."""
    if not (is_int(index) or isinstance(index, SampleIndex)):
        return UNKNOWN
    if isinstance(dataset, TensorRows):
        return tuple(Tensor(row, dataset.origin) for row in dataset.rows)
    images = dataset.sample
    if images is None:
        return UNKNOWN
    if not images.tensor:
        return PilImage(images), UNKNOWN
    image = Tensor(Shape((images.channels, images.height, images.width), dtype="float"), dataset.origin)
    return image, UNKNOWN


def raw_sample(dataset: object) -> object:
    """One sample of ``dataset`` as its ``__getitem__`` gives it, before any collation; unknown for other values."""
    if isinstance(dataset, Samples):
        return dataset.sample
    return sample(dataset, 0) if isinstance(dataset, (DatasetValue, TensorRows)) else UNKNOWN


def _part(qualname: str, dataset: object, lengths: object) -> object:
    """``Subset(dataset, indices)`` has the dataset's samples; ``random_split(dataset, [800, 200])`` gives as many
    parts as lengths, each with them."""
    if not isinstance(dataset, _DATASET_KINDS):
        return UNKNOWN
    part = replace(dataset, length=None)
    if qualname in SUBSET:
        return part
    items = lengths.items if isinstance(lengths, ListValue) else lengths
    return tuple(part for _ in items) if isinstance(items, (list, tuple)) else UNKNOWN


def _new_image(args: list[object], kwargs: dict[str, object]) -> object:
    """``Image.new("RGB", (width, height))``: an image of that mode and size (a placeholder or a test image)."""
    mode = args[0] if args else kwargs.get("mode")
    size = args[1] if len(args) > 1 else kwargs.get("size")
    if not isinstance(mode, str) or mode not in _MODES or not isinstance(size, (tuple, list)) or len(size) != 2:
        return UNKNOWN
    width, height = size
    if not (is_int(width) and is_int(height) and width >= 0 and height >= 0):
        return UNKNOWN
    return PilImage(Images(_MODES[mode], height, width))


def _image_of(array: object) -> object:
    """``Image.fromarray(a)``: an ``(H, W)`` array is a one-channel image, ``(H, W, 3)`` or ``(H, W, 4)`` an RGB or
    RGBA one (of uint8; other kinds of element, or other shapes, are not followed)."""
    if not isinstance(array, Array) or array.shape.open or array.shape.dtype == "float":
        return UNKNOWN
    dims = array.shape.dims
    if len(dims) == 2 and all(is_int(side) for side in dims):
        return PilImage(Images(1, dims[0], dims[1]))
    if len(dims) == 3 and dims[2] in (3, 4) and all(is_int(side) for side in dims):
        return PilImage(Images(dims[2], dims[0], dims[1]))
    return UNKNOWN


def image_method(image: PilImage, name: str, args: list[object]) -> object:
    """``image.convert("RGB")`` fixes the channels, ``image.resize((width, height))`` the size."""
    if name == "convert" and len(args) == 1 and isinstance(args[0], str) and args[0] in _MODES:
        return PilImage(replace(image.images, channels=_MODES[args[0]]))
    size = args[0] if args else None
    if name == "resize" and isinstance(size, tuple) and len(size) == 2 and all(is_int(side) for side in size):
        return PilImage(replace(image.images, height=size[1], width=size[0]))
    if name == "copy" and not args:
        return image
    return UNKNOWN


Refuse = Callable[[Refusal, Tensor], None]
"""Reports a transform's refusal of a sample, described as the tensor it would have been."""


def transformed(transform: TransformValue, args: list[object], node: cst.Call, refuse: Refuse) -> object:
    """A transform called on an image: another image, or a ``(C, H, W)`` tensor once ``ToTensor`` ran.  A sample
    the transform raises on is refused, and the code goes on as if the transform had fit it (as it will once its
    arguments are fixed), so that what comes after is checked too."""
    image = args[0] if len(args) == 1 else None
    if isinstance(image, Tensor):
        return _on_tensor(transform, image, node, refuse)
    if not isinstance(image, PilImage) or transform.apply is None:
        return UNKNOWN
    result = transform.apply(image.images)
    if result is None:
        return UNKNOWN
    if result.refusal is not None:
        refuse(result.refusal, Tensor(result.refusal.shape))
        result = replace(result, refusal=None)
    if not result.tensor:
        return PilImage(result)
    dims = (result.channels, result.height, result.width)
    return Tensor(Shape(dims, dtype="float"), Origin("the transform", node))


def _on_tensor(transform: TransformValue, tensor: Tensor, node: cst.Call, refuse: Refuse) -> object:
    """A transform called on a tensor (``Normalize(mean, std)(x)`` after ``ToTensor``) acts on its last three
    dimensions; one that refuses tensors, or a tensor of fewer dimensions, gives unknown."""
    shape = tensor.shape
    if not transform.on_tensors or transform.apply is None or shape.open or len(shape.dims) < 3:
        return UNKNOWN
    *leading, channels, height, width = shape.dims
    result = transform.apply(Images(channels, height, width, tensor=True))
    if result is None:
        return UNKNOWN
    if result.refusal is not None:
        refuse(result.refusal, tensor)
    dims = (*leading, result.channels, result.height, result.width)
    return Tensor(Shape(dims, dtype=shape.dtype), Origin("the transform", node))


def collate(sample: object, origin: Origin) -> object:
    """What torch's default collate makes of a batch of ``sample``: a tensor gains the batch dimension in front, an
    int or a float becomes a 1-D tensor, a tuple or list is collated item by item and a dict key by key
    (``{"image": img, "label": y}`` gives a dict of batches)."""
    if isinstance(sample, Tensor):
        shape = sample.shape
        return UNKNOWN if shape.open else Tensor(Shape((BATCH, *shape.dims), dtype=shape.dtype), origin)
    if is_int(sample) or isinstance(sample, SampleIndex):
        return Tensor(Shape((BATCH,), dtype="int"), origin)
    if isinstance(sample, Array):
        return _collated_array(sample, origin)
    if isinstance(sample, float):
        return Tensor(Shape((BATCH,), dtype="float"), origin)
    if isinstance(sample, tuple):
        return tuple(collate(item, origin) for item in sample)
    if isinstance(sample, ListValue) and sample.items is not None:
        return ListValue([collate(item, origin) for item in sample.items])
    if isinstance(sample, DictValue) and sample.items is not None and not sample.modules:
        return DictValue({key: collate(item, origin) for key, item in sample.items.items()})
    return UNKNOWN


def _collated_array(sample: Array, origin: Origin) -> object:
    """A numpy array (or scalar) of numbers becomes a tensor with the batch in front; one whose elements may be
    strings or objects, which the collate refuses, is unknown."""
    kind = sample.shape.dtype or ("int" if sample.real else None)  # uint8 and bool arrays: our integer kind
    if sample.shape.open or kind is None:
        return UNKNOWN
    return Tensor(Shape((BATCH, *sample.shape.dims), dtype=kind), origin)


def _tensor_rows(args: list[object], node: cst.Call) -> object:
    """``TensorDataset(x, y)`` of tensors of known shapes, whose first dimensions are all the same size."""
    tensors = [arg for arg in args if isinstance(arg, Tensor) and not arg.shape.open and arg.shape.dims]
    if not args or len(tensors) != len(args) or len({tensor.shape.dims[0] for tensor in tensors}) != 1:
        return UNKNOWN
    rows = tuple(Shape(tensor.shape.dims[1:], dtype=tensor.shape.dtype) for tensor in tensors)
    length = tensors[0].shape.dims[0]
    return TensorRows(rows, Origin("TensorDataset", node, dataset=True), length if is_int(length) else None)


_TRANSFORM_POSITION = {
    "MNIST": 2, "FashionMNIST": 2, "KMNIST": 2, "CIFAR10": 2, "CIFAR100": 2, "SVHN": 2, "STL10": 3, "CelebA": 3,
    "ImageFolder": 1, "FakeData": 3, "USPS": 2, "SEMEION": 1, "Omniglot": 2, "FER2013": 2, "PCAM": 2, "EuroSAT": 1,
    "Flowers102": 2, "Food101": 2, "GTSRB": 2, "StanfordCars": 2, "DTD": 3, "FGVCAircraft": 3, "OxfordIIITPet": 4,
    "SUN397": 1, "Country211": 2, "LFWPeople": 3,
}  # fmt: skip
"""Where each dataset's constructor takes ``transform`` positionally (``ImageFolder(root, tf)``); the others take
it by keyword only."""
_LOADER_POSITION = {
    "ImageFolder": 3, "Omniglot": 5, "EuroSAT": 4, "Flowers102": 5, "Food101": 5, "StanfordCars": 5, "DTD": 6,
    "FGVCAircraft": 6, "SUN397": 4, "Country211": 5, "LFWPeople": 6, "ImageNet": None,
}  # fmt: skip
"""The datasets that open their files with a ``loader`` that can be given, and where it goes positionally."""


def _fake_images(args: list[object], kwargs: dict[str, object]) -> Images | None:
    """``FakeData(size, image_size=(3, 224, 224), ...)``: random images of that size, made PIL images first."""
    size = args[1] if len(args) > 1 else kwargs.get("image_size", (3, 224, 224))
    if not isinstance(size, tuple) or len(size) != 3 or not all(is_int(side) and side > 0 for side in size):
        return None
    channels, height, width = size
    return Images(channels, height, width) if channels in (1, 3, 4) else None


def _dataset(name: str, args: list[object], kwargs: dict[str, object], node: cst.Call) -> object:
    images = _fake_images(args, kwargs) if name == "FakeData" else IMAGE_DATASETS.get(name)
    if images is None or _own_loader(name, args, kwargs):
        return UNKNOWN
    position = _TRANSFORM_POSITION.get(name)
    transform = args[position] if position is not None and len(args) > position else kwargs.get("transform")
    if transform is None:
        sample: Images | None = images
    elif isinstance(transform, TransformValue) and transform.apply is not None:
        sample = transform.apply(images)
    else:
        sample = None
    origin = Origin(f"datasets.{name}", node, dataset=True)
    return DatasetValue(sample, origin, name in CLASS_LABELS, _length(name, args, kwargs))


def _own_loader(name: str, args: list[object], kwargs: dict[str, object]) -> bool:
    """``ImageFolder(root, loader=load_gray)``: its samples are whatever that function opens, not RGB images."""
    if name not in _LOADER_POSITION:
        return False
    position = _LOADER_POSITION[name]
    return kwargs.get("loader") is not None or (position is not None and len(args) > position)


_SPLITS: dict[str, dict[bool | str, int]] = {
    "MNIST": {True: 60000, False: 10000}, "FashionMNIST": {True: 60000, False: 10000},
    "KMNIST": {True: 60000, False: 10000}, "CIFAR10": {True: 50000, False: 10000},
    "CIFAR100": {True: 50000, False: 10000}, "SVHN": {"train": 73257, "test": 26032, "extra": 531131},
    "STL10": {"train": 5000, "test": 8000, "unlabeled": 100000, "train+unlabeled": 105000},
    "CelebA": {"train": 162770, "valid": 19867, "test": 19962, "all": 202599},
}  # fmt: skip
"""The number of samples of each split, as torchvision's documentation gives them (by ``train=`` or ``split=``,
the argument after ``root``)."""


def _length(name: str, args: list[object], kwargs: dict[str, object]) -> int | None:
    if name == "FakeData":
        size = args[0] if args else kwargs.get("size", 1000)
        return size if is_int(size) and size >= 0 else None
    splits = _SPLITS.get(name)
    if splits is None or (name == "STL10" and (len(args) > 2 or kwargs.get("folds") is not None)):
        return None
    default: object = True if True in splits else "train"
    split = args[1] if len(args) > 1 else kwargs.get("train" if True in splits else "split", default)
    return splits.get(split) if isinstance(split, (bool, str)) else None


def _transform(
    name: str, args: list[object], kwargs: dict[str, object], node: cst.Call, v2: bool = False
) -> Transform | None:
    size = args[0] if args else kwargs.get("size")
    if name == "Normalize":
        in_place = not v2 or kwargs.get("inplace", args[2] if len(args) > 2 else False)
        return _normalize(per_channel(args, kwargs), node, in_place) if isinstance(in_place, bool) else None
    if name == "Compose":
        return _compose(_steps(args, kwargs))
    if name in ("ToTensor", "PILToTensor"):
        return lambda images: replace(images, tensor=True)
    if name == "Grayscale":
        channels = args[0] if args else kwargs.get("num_output_channels", 1)
        if channels not in (1, 3):
            return None
        count = 1 if channels == 1 else 3
        return lambda images: replace(images, channels=count)
    if name in ("Resize", "CenterCrop", "RandomCrop", "RandomResizedCrop") and not _padded(name, args, kwargs):
        return _sized(size, keeps_aspect=name == "Resize")
    if name in _SHAPE_PRESERVING:
        return lambda images: images
    return None


_SHAPE_PRESERVING = frozenset(
    {
        "RandomHorizontalFlip", "RandomVerticalFlip", "ColorJitter", "RandomRotation",
        "RandomAffine", "GaussianBlur", "RandomErasing", "RandomInvert", "RandomAutocontrast", "AutoAugment",
        "RandAugment", "TrivialAugmentWide", "ConvertImageDtype", "RandomEqualize", "RandomPosterize",
        "RandomSolarize", "RandomAdjustSharpness", "RandomGrayscale",
    }
)  # fmt: skip
"""Transforms whose output has their input's shape (RandomRotation and RandomAffine keep the canvas size)."""


_ON_TENSORS = (_SHAPE_PRESERVING | {"Normalize", "Resize", "CenterCrop", "RandomCrop", "RandomResizedCrop"}) - {
    "AutoAugment", "RandAugment", "TrivialAugmentWide", "RandomEqualize", "RandomPosterize", "ConvertImageDtype"
}
"""Transforms that take a float tensor image and keep its dtype (those left out want uint8, or change the dtype)."""


_PIL = "Normalize is given a PIL image, and takes only a tensor: ToTensor must come before it"


def _normalize(values: PerChannel, node: cst.Call, in_place: bool) -> Transform:
    """``Normalize(mean, std)`` on a tensor image: the channels its values broadcast to, or a refusal where they do
    not fit; a PIL image (``Normalize`` before ``ToTensor``) is refused too.  ``in_place``: the means are subtracted
    in place (torchvision's first version always does), so they cannot add channels."""

    def apply(images: Images) -> Images | None:
        if images.refusal is not None:
            return images
        channels, reason = values.normalized(images.channels, in_place) if images.tensor else (UNKNOWN, _PIL)
        if reason is None:
            return replace(images, channels=channels)
        shape = Shape((images.channels, images.height, images.width), dtype="float")
        return replace(images, refusal=Refusal("Normalize", node, ShapeError(reason), shape))

    return apply


def _takes_tensors(name: str, args: list[object], kwargs: dict[str, object]) -> bool:
    if name != "Compose":
        return name in _ON_TENSORS
    items = _steps(args, kwargs)
    return items is not None and all(isinstance(step, TransformValue) and step.on_tensors for step in items)


def _padded(name: str, args: list[object], kwargs: dict[str, object]) -> bool:
    """``RandomCrop(32, padding=4)`` crops a padded image: still 32, but only where the padding is known."""
    if name != "RandomCrop":
        return False
    padding = args[1] if len(args) > 1 else kwargs.get("padding")
    pad_if_needed = kwargs.get("pad_if_needed", False)
    return not (padding is None or isinstance(padding, int)) or pad_if_needed is not False


def _sized(size: object, keeps_aspect: bool) -> Transform | None:
    """``Resize`` with an int scales the shorter side to it; crops and a pair give exactly that size (written as a
    tuple or a list: ``Resize([28, 28])``)."""
    if isinstance(size, ListValue):
        size = size.items
    if isinstance(size, (tuple, list)) and len(size) == 1:
        size = size[0]
    if isinstance(size, (tuple, list)) and len(size) == 2:
        height, width = size
        if not (isinstance(height, int) and isinstance(width, int)):
            return None
        return lambda images: replace(images, height=height, width=width)
    if not isinstance(size, int) or isinstance(size, bool):
        return None
    if keeps_aspect:
        return lambda images: _shorter_side(images, size)
    return lambda images: replace(images, height=size, width=size)


def _shorter_side(images: Images, size: int) -> Images:
    """torchvision's ``Resize(int)``: the shorter side becomes ``size``, the longer ``int(size * long / short)``."""
    height, width = images.height, images.width
    if not (isinstance(height, int) and isinstance(width, int)):
        return replace(images, height=UNKNOWN, width=UNKNOWN)
    if height <= width:
        return replace(images, height=size, width=int(size * width / height))
    return replace(images, height=int(size * height / width), width=size)


def _steps(args: list[object], kwargs: dict[str, object]) -> list[object] | tuple[object, ...] | None:
    """The transforms a ``Compose`` is given, when the list is known."""
    steps = args[0] if args else kwargs.get("transforms")
    items = steps.items if isinstance(steps, ListValue) else steps
    return items if isinstance(items, (list, tuple)) else None


def _compose(items: list[object] | tuple[object, ...] | None) -> Transform | None:
    if items is None:
        return None
    applies = [step.apply for step in items if isinstance(step, TransformValue)]
    if len(applies) != len(items) or any(apply is None for apply in applies):
        return None

    def composed(images: Images) -> Images | None:
        current: Images | None = images
        for apply in applies:
            if current is None or apply is None:
                return None
            current = apply(current)
        return current

    return composed
