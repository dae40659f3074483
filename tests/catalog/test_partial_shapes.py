"""Rules on partly known shapes and hyperparameters: exact where knowable, silent otherwise, never a guess."""

from __future__ import annotations

import pytest

from shapelint.catalog import CATALOG, Problem, ShapeError, propagate
from shapelint.dims import UNKNOWN, Shape, Symbol

B, H = Symbol("B"), Symbol("H")


def infer(name: str, shape: Shape, *args: object, **kwargs: object) -> Shape:
    kind = CATALOG[name]
    return kind.infer(kind.bind(args, kwargs), shape)


def problem(name: str, shape: Shape, *args: object, **kwargs: object) -> ShapeError:
    with pytest.raises(ShapeError) as caught:
        infer(name, shape, *args, **kwargs)
    return caught.value


@pytest.mark.parametrize("name", sorted(CATALOG))
def test_unknown_hyperparameters_on_an_unknown_input_never_raise(name: str) -> None:
    kind = CATALOG[name]
    args = {param.name: UNKNOWN for param in kind.params}
    kind.infer(args, Shape.anything())


@pytest.mark.parametrize("name", sorted(CATALOG))
@pytest.mark.parametrize("dims", [(2, 3, 4, 5), (B, 3, H, 8), (B, UNKNOWN, UNKNOWN)])
def test_unknown_hyperparameters_raise_only_for_a_certain_rank(name: str, dims: tuple[object, ...]) -> None:
    kind = CATALOG[name]
    try:
        kind.infer({param.name: UNKNOWN for param in kind.params}, Shape(dims))
    except ShapeError as error:
        assert error.problem is Problem.RANK


def test_conv_keeps_symbols_and_unknowns() -> None:
    assert infer("Conv2d", Shape((B, 3, UNKNOWN, 32)), 3, 16, 3) == Shape((B, 16, UNKNOWN, 30), dtype="float")
    assert infer("Conv2d", Shape((B, 3, H, 32)), 3, 16, 3, padding="same").dims == (B, 16, UNKNOWN, 32)
    assert infer("Conv2d", Shape((B, 3, 8, 8)), 3, 16, UNKNOWN).dims == (B, 16, UNKNOWN, UNKNOWN)


def test_conv_on_an_open_shape_reads_channels_from_the_end() -> None:
    out = infer("Conv2d", Shape((16, UNKNOWN, UNKNOWN), open=True), 16, 8, 3)
    assert out == Shape((8, UNKNOWN, UNKNOWN), open=True, dtype="float")
    error = problem("Conv2d", Shape((16, UNKNOWN, UNKNOWN), open=True), 3, 8, 3)
    assert (error.problem, error.argument, error.expected, error.found) == (Problem.SIZE, "in_channels", 16, 3)
    assert infer("Conv2d", Shape.anything(), 3, 8, 3) == Shape((8, UNKNOWN, UNKNOWN), open=True, dtype="float")


def test_conv_collapse_and_hyperparameters() -> None:
    assert problem("Conv2d", Shape((B, 1, 3, 3)), 1, 8, 5).problem is Problem.COLLAPSE
    assert problem("Conv2d", Shape((B, 4, 8, 8)), 4, 6, 3, groups=4).problem is Problem.HYPERPARAMETER
    assert problem("ConvTranspose1d", Shape((B, 2, 5)), 2, 2, 3, output_padding=1).problem is Problem.HYPERPARAMETER


def test_norms_on_partial_shapes() -> None:
    assert problem("BatchNorm2d", Shape((7, UNKNOWN, UNKNOWN), open=True), 8).expected == 7
    infer("BatchNorm1d", Shape((5, 7), open=True), 3)
    infer("InstanceNorm1d", Shape((B, 4, 9)), 3)
    assert problem("InstanceNorm1d", Shape((B, 4, 9)), 3, affine=True).expected == 4
    infer("LayerNorm", Shape((B, UNKNOWN, 8)), (4, 8))
    assert problem("LayerNorm", Shape((B, 6, 7)), [6, 8]).expected == [6, 7]
    assert problem("LayerNorm", Shape((B, 7)), 8).expected == 7
    infer("GroupNorm", Shape((B, 6, H)), 3, 9, affine=False)
    assert problem("GroupNorm", Shape((B, 6, H)), 4, 8, affine=False).problem is Problem.OTHER


def test_pooling_and_resampling_with_symbols() -> None:
    assert infer("MaxPool2d", Shape((B, 3, H, 9)), 2).dims == (B, 3, UNKNOWN, 4)
    assert infer("AdaptiveAvgPool2d", Shape((B, 3, H, 9)), (None, 2)).dims == (B, 3, H, 2)
    assert infer("Upsample", Shape.anything(), scale_factor=2) == Shape.anything()
    assert infer("PixelShuffle", Shape((B, 12, H, 4)), 2).dims == (B, 3, UNKNOWN, 8)
    assert infer("ZeroPad2d", Shape((UNKNOWN, 5), open=True), (1, 1, 2, 0)).dims == (UNKNOWN, 7)


def test_activations_embeddings_and_lazy_layers() -> None:
    assert infer("GLU", Shape((UNKNOWN, 6), open=True)) == Shape((UNKNOWN, 3), open=True)
    infer("Softmax", Shape.anything(), 5)
    assert infer("Embedding", Shape((B, 7), dtype="int"), 10, 4) == Shape((B, 7, 4), dtype="float")
    assert problem("Embedding", Shape((B, 7), dtype="float"), 10, 4).problem is Problem.DTYPE
    assert infer("LazyConv2d", Shape((B, UNKNOWN, 8, 8)), 4, 3).dims == (B, 4, 6, 6)
    assert infer("LazyLinear", Shape.anything(), 5) == Shape((5,), open=True, dtype="float")


def test_propagate_chains_layers() -> None:
    layers = [(CATALOG["Conv2d"], CATALOG["Conv2d"].bind((1, 6, 5))), (CATALOG["Flatten"], CATALOG["Flatten"].bind())]
    assert propagate(layers, Shape((B, 1, 28, 28))).dims == (B, 6 * 24 * 24)
