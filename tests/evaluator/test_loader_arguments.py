"""A loader built with ``**kwargs`` feeds the model when the batch size in the dict is known, and only then."""

from __future__ import annotations

from pathlib import Path

import pytest

from shapelint.lint import lint_source

CORPUS = Path(__file__).parent.parent / "corpus" / "module"


def test_an_update_that_may_not_run_keeps_the_other_keys() -> None:
    path = CORPUS / "loader_kwargs_update_bug.py"
    messages = [d.message for d in lint_source(path.read_bytes(), str(path))]
    assert any("datasets.MNIST at line" in message for message in messages)


def test_an_unknown_batch_size_is_not_taken_for_a_batched_loader() -> None:
    source = """
import json
import torch.nn as nn
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

kwargs = {"batch_size": json.loads("null")}
loader = DataLoader(datasets.MNIST(".", transform=transforms.ToTensor()), **kwargs)
head = nn.Linear(1, 10)
for images, labels in loader:
    head(images.permute(1, 2, 0))
"""
    # batch_size=None makes the loader yield single (1, 28, 28) images, which this permute fits; taking the loader
    # for a batched one gave a false SHP005.
    assert lint_source(source) == []


def test_a_dataset_given_its_transform_by_position_feeds_the_model() -> None:
    """``ImageFolder(root, tf)``: the transform is the second argument, as torchvision's signature has it."""
    path = CORPUS / "imagefolder_positional_transform_bug.py"
    messages = [d.message for d in lint_source(path.read_bytes(), str(path))]
    assert any("input (B, 3, 224, 224) from datasets.ImageFolder at line 21" in message for message in messages)


def test_a_placeholder_image_goes_through_the_preprocessing() -> None:
    """``Image.new("RGB", (500, 375))``: three channels, then the transforms' 64x64 (PIL's documented modes)."""
    path = CORPUS / "pil_placeholder_image_bug.py"
    messages = [d.message for d in lint_source(path.read_bytes(), str(path))]
    assert any("unsqueeze at line 23 turns (3, 64, 64) into (1, 3, 64, 64)" in message for message in messages)


FAKE_DATA = """
import torch
import torch.nn as nn
import torchvision.transforms as transforms
from torchvision.datasets import FakeData

model = nn.Sequential(nn.Conv2d({channels}, 8, 3), nn.Flatten(), nn.Linear(8 * 26 * 26, 10))
data = FakeData(size=8, image_size=(1, 28, 28), transform=transforms.ToTensor())
for x, y in torch.utils.data.DataLoader(data, batch_size=4):
    model(x)
"""


def test_fake_data_gives_images_of_its_image_size() -> None:
    """torchvision's ``FakeData`` makes each image with ``ToPILImage()(torch.randn(*image_size))``: one channel
    stays one channel (mode L), and ``ToTensor`` gives ``(1, 28, 28)``."""
    (finding,) = lint_source(FAKE_DATA.format(channels=3))
    assert "datasets.FakeData at line 8 gives (B, 1, 28, 28)" in finding.message
    assert lint_source(FAKE_DATA.format(channels=1)) == []


def test_fake_data_models_fail_under_torch_exactly_when_reported() -> None:
    """The two models above on the batches FakeData's loader yields (torchvision itself is not a test dependency)."""
    torch = pytest.importorskip("torch", reason="the models run under torch, which this run has not installed")
    for channels, fails in ((3, True), (1, False)):
        line = next(line for line in FAKE_DATA.format(channels=channels).splitlines() if line.startswith("model ="))
        namespace: dict[str, object] = {"nn": torch.nn}
        exec(compile(line, "fake_data", "exec", dont_inherit=True), namespace)
        model = namespace["model"]
        assert isinstance(model, torch.nn.Module)
        try:
            model(torch.zeros(4, 1, 28, 28))
            failed = False
        except RuntimeError:
            failed = True
        assert failed == fails


def test_transforms_applied_to_tensors_keep_feeding_the_model() -> None:
    """``Normalize(mean, std)(a)`` and ``CenterCrop(32)(a)`` on a tensor, as pix2pix's dataset writes them: the
    batch is still known, and the message names the dataset as the input's source."""
    path = CORPUS / "dataset_transforms_on_tensors_bug.py"
    messages = [d.message for d in lint_source(path.read_bytes(), str(path))]
    assert any("input (B, 3, 32, 32) from Pairs.__getitem__ at line 26" in message for message in messages)


@pytest.mark.parametrize("transform", ["ToTensor()", "PILToTensor()", "RandAugment()", "Lambda(lambda t: t)"])
def test_a_transform_that_refuses_tensors_gives_nothing_known(transform: str) -> None:
    """torchvision's ``ToTensor`` raises on a tensor, ``RandAugment`` wants uint8 ones, a ``Lambda`` may do
    anything: what follows them is unknown, so the wrong Linear after them is not reported."""
    source = f"""
import torch
import torch.nn as nn
from torchvision import transforms

x = transforms.{transform}(torch.rand(3, 8, 8))
nn.Linear(5, 2)(x.flatten())
"""
    assert lint_source(source) == []


@pytest.mark.parametrize("size", ["[28, 28]", "(28, 28)"])
@pytest.mark.parametrize("loop", ["loader", "iter(loader)", "enumerate(iter(loader))"])
def test_a_resize_list_and_a_loader_wrapped_in_iter_feed_the_model(size: str, loop: str) -> None:
    """``Resize([28, 28])`` is the pair ``(28, 28)``; ``enumerate(iter(loader))`` gives the loader's batches (the
    DaNN and Modern-CV questions hunt_e found).  ``Linear(28 * 28)`` on three channels fails for any batch."""
    take = "_, (data, target)" if loop.startswith("enumerate") else "data, target"
    source = f"""
import torch.nn as nn
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

tf = transforms.Compose([transforms.Resize({size}), transforms.ToTensor()])
loader = DataLoader(datasets.ImageFolder("x", transform=tf), batch_size=64)
layer = nn.Linear(28 * 28, 10)
for {take} in {loop}:
    layer(data.flatten(1))
"""
    assert [d.code for d in lint_source(source)] == ["SHP001"]
