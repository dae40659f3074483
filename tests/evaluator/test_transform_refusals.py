"""Normalize's means and standard deviations against the images they are given, as torchvision applies them.

torchvision's ``F.normalize`` subtracts ``mean.view(-1, 1, 1)`` from the image in place and divides by ``std``
the same way; the test replays those two lines in torch (torchvision is not a test dependency), so torch decides
which counts a ``(..., C, H, W)`` image takes.
"""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shapelint.evaluator.transform_refusals import PerChannel
from shapelint.lint import lint_source
from tests.budget import examples


def _torch_normalized(shape: tuple[int, ...], means: int, stds: int, in_place: bool) -> tuple[int, ...] | None:
    """The shape torchvision's normalize gives, or ``None`` where it raises: the first version subtracts in place,
    the second (``transforms.v2``) unless asked to."""
    torch = pytest.importorskip("torch", reason="torch decides which images Normalize takes")
    image = torch.rand(shape)
    mean = torch.as_tensor((0.5,) * means).view(-1, 1, 1)
    std = torch.as_tensor((0.25,) * stds).view(-1, 1, 1)
    try:
        centred = image.clone().sub_(mean) if in_place else image.sub(mean)
        return tuple(centred.div_(std).shape)
    except RuntimeError:
        return None


@pytest.mark.sampled
@settings(max_examples=examples(300))
@given(
    channels=st.integers(1, 5),
    means=st.integers(1, 5),
    stds=st.integers(1, 5),
    leading=st.lists(st.integers(1, 3), max_size=1),
    in_place=st.booleans(),
)
def test_the_rule_gives_the_channels_torch_gives_or_refuses_as_torch_does(
    channels: int, means: int, stds: int, leading: list[int], in_place: bool
) -> None:
    shape = (*leading, channels, 4, 3)
    result, refusal = PerChannel({"mean": means, "std": stds}).normalized(channels, in_place)
    torch_shape = _torch_normalized(shape, means, stds, in_place)
    assert (refusal is not None) == (torch_shape is None)
    if torch_shape is not None:
        assert result == torch_shape[-3]


def _codes(source: str) -> list[tuple[int, str]]:
    return [(d.line, d.code) for d in lint_source(textwrap.dedent(source), "train.py")]


_MODEL = """\
import torch.nn as nn
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

net = nn.Sequential(nn.Conv2d(1, 4, 3), nn.Flatten(), nn.Linear(4 * 26 * 26, 10))
"""


def test_rgb_means_on_mnist_are_refused_when_a_loop_draws_a_batch() -> None:
    source = _MODEL + textwrap.dedent(
        """\
        tf = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5))])
        loader = DataLoader(datasets.MNIST("data", transform=tf), batch_size=32)
        for images, labels in loader:
            net(images)
        """
    )
    assert _codes(source) == [(6, "SHP006")]


def test_one_mean_for_every_channel_and_grayscale_made_rgb_are_taken() -> None:
    """CIFAR's three channels take a single mean; MNIST made three-channel by Grayscale(3) takes three."""
    model = "net = nn.Sequential(nn.Conv2d(3, 4, 3), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(4, 10))\n"
    source = _MODEL.replace(_MODEL.splitlines()[-1] + "\n", model) + textwrap.dedent(
        """\
        a = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.5,), (0.5,))])
        b = transforms.Compose([transforms.Grayscale(3), transforms.ToTensor(), transforms.Normalize([0.4, 0.4, 0.4], [0.2, 0.2, 0.2])])
        for images, labels in DataLoader(datasets.CIFAR10("data", transform=a), batch_size=32):
            net(images)
        for images, labels in DataLoader(datasets.MNIST("data", transform=b), batch_size=32):
            net(images)
        """
    )
    assert _codes(source) == []


def test_a_dataset_nobody_draws_from_is_not_a_finding() -> None:
    """Building the dataset raises nothing: torch fails only at the first sample."""
    source = _MODEL + textwrap.dedent(
        """\
        tf = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5))])
        train_set = datasets.MNIST("data", transform=tf)
        """
    )
    assert _codes(source) == []


def test_indexing_the_dataset_draws_a_sample() -> None:
    source = _MODEL + textwrap.dedent(
        """\
        tf = transforms.Compose([transforms.Grayscale(), transforms.ToTensor(), transforms.Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225])])
        train_set = datasets.CIFAR10("data", transform=tf)
        image, label = train_set[0]
        """
    )
    assert _codes(source) == [(6, "SHP006")]


def test_normalize_called_on_a_batch_of_one_channel_images() -> None:
    source = textwrap.dedent(
        """\
        import torch
        from torchvision import transforms

        x = torch.rand(8, 1, 28, 28)
        x = transforms.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5))(x)
        """
    )
    assert _codes(source) == [(5, "SHP006")]


def test_means_of_unknown_count_are_not_checked() -> None:
    source = _MODEL + textwrap.dedent(
        """\
        import json
        stats = json.load(open("stats.json"))
        tf = transforms.Compose([transforms.ToTensor(), transforms.Normalize(stats["mean"], stats["std"])])
        for images, labels in DataLoader(datasets.MNIST("data", transform=tf), batch_size=32):
            net(images)
        """
    )
    assert _codes(source) == []


def test_normalize_before_to_tensor_is_given_a_pil_image() -> None:
    """torchvision's Normalize raises ``img should be Tensor Image`` on the PIL image a dataset gives."""
    source = _MODEL + textwrap.dedent(
        """\
        tf = transforms.Compose([transforms.Normalize((0.5,), (0.5,)), transforms.ToTensor()])
        for images, labels in DataLoader(datasets.MNIST("data", transform=tf), batch_size=32):
            net(images)
        """
    )
    assert _codes(source) == [(6, "SHP006")]


def test_an_image_folder_with_a_loader_of_its_own_gives_unknown_samples() -> None:
    """``ImageFolder(root, loader=...)`` opens its files as that function does (one channel, or tensors): neither
    the channels nor a PIL image can be assumed."""
    source = _MODEL + textwrap.dedent(
        """\
        from PIL import Image
        def gray(path):
            return Image.open(path).convert("L")
        tf = transforms.Compose([transforms.Resize((28, 28)), transforms.ToTensor(), transforms.Normalize((0.5,), (0.5,))])
        for images, labels in DataLoader(datasets.ImageFolder("data", transform=tf, loader=gray), batch_size=32):
            net(images)
        """
    )
    assert _codes(source) == []



def test_a_loader_given_positionally_also_makes_the_samples_unknown() -> None:
    """``EuroSAT(root, tf, None, False, gray)``: the fifth argument is the loader."""
    source = _MODEL + textwrap.dedent(
        """\
        from PIL import Image
        def gray(path):
            return Image.open(path).convert("L")
        tf = transforms.Compose([transforms.Resize((28, 28)), transforms.ToTensor()])
        for images, labels in DataLoader(datasets.EuroSAT("data", tf, None, False, gray), batch_size=32):
            net(images)
        """
    )
    assert _codes(source) == []
