"""Side-by-side timings of shapelint.runtime against torch (a script, not a test).

Run: python bench/bench_runtime.py [--threads N] [--repeats R]

1. Building a VGG-16 for (3, 224, 224): runtime shape propagation versus torch
   Lazy modules plus the dry-run forward they need to learn their sizes.
2. LeNet-5 forward at batch 64 on the same weights, with numpy's BLAS and
   torch limited to the same number of threads.
3. Building a ResNet-50 graph for (3, 224, 224) and converting it with
   ``to_torch()``, versus torch Lazy modules plus their dry run.
4. Forward of ResNet-18 at batch 8 and of a transformer encoder block (batch 8,
   128 tokens, width 256, 8 heads) against their ``to_torch()`` twins, which
   hold the same weights.

Each figure is the median of interleaved repetitions.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import shapelint.runtime as rt
    from torch import nn


def _limit_threads(threads: int) -> None:
    """Must run before numpy and torch are imported: BLAS reads these once."""
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = str(threads)


def _seconds(action: Callable[[], object], calls: int = 1) -> float:
    start = time.perf_counter()
    for _ in range(calls):
        action()
    return (time.perf_counter() - start) / calls


def _interleaved(contenders: dict[str, Callable[[], float]], repeats: int) -> dict[str, float]:
    """Median seconds per contender, alternating them so drift hits all alike."""
    samples: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(repeats):
        for name, measure in contenders.items():
            samples[name].append(measure())
    return {name: statistics.median(values) for name, values in samples.items()}


VGG16 = (64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512, "M")


def runtime_vgg16() -> rt.Sequential:
    import shapelint.runtime as rt

    layers: list = []
    for item in VGG16:
        layers += [rt.MaxPool2d(2)] if item == "M" else [rt.Conv2d(item, 3, padding=1), rt.ReLU()]
    head = [rt.AdaptiveAvgPool2d(7), rt.Flatten(), rt.Linear(4096), rt.ReLU(), rt.Dropout()]
    head += [rt.Linear(4096), rt.ReLU(), rt.Dropout(), rt.Linear(1000)]
    return rt.Sequential(*layers, *head, input_shape=(3, 224, 224))


def torch_lazy_vgg16() -> nn.Sequential:
    import torch
    from torch import nn

    layers: list = []
    for item in VGG16:
        layers += [nn.MaxPool2d(2)] if item == "M" else [nn.LazyConv2d(item, 3, padding=1), nn.ReLU()]
    head = [nn.AdaptiveAvgPool2d(7), nn.Flatten(), nn.LazyLinear(4096), nn.ReLU(), nn.Dropout()]
    head += [nn.LazyLinear(4096), nn.ReLU(), nn.Dropout(), nn.LazyLinear(1000)]
    model = nn.Sequential(*layers, *head)
    with torch.no_grad():
        model(torch.zeros(1, 3, 224, 224))
    return model


def lenet5_pair() -> tuple[rt.Sequential, nn.Sequential]:
    import shapelint.runtime as rt
    from torch import nn

    model = rt.Sequential(
        rt.Conv2d(6, 5, padding=2), rt.ReLU(), rt.MaxPool2d(2),
        rt.Conv2d(16, 5), rt.ReLU(), rt.MaxPool2d(2),
        rt.Flatten(), rt.Linear(120), rt.ReLU(), rt.Linear(84), rt.ReLU(), rt.Linear(10),
        input_shape=(1, 28, 28),
    )
    reference = nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10),
    ).eval()
    model.load_state_dict({key: value.numpy() for key, value in reference.state_dict().items()})
    return model, reference


def runtime_resnet(blocks: tuple[int, ...], bottleneck: bool, batch_norm: type | None = None) -> rt.Model:
    """ResNet-18 (``(2, 2, 2, 2)``, basic blocks) or ResNet-50 (``(3, 4, 6, 3)``, bottlenecks) for 224x224."""
    import shapelint.runtime as rt

    def conv_bn(x: rt.SymbolicTensor, width: int, kernel: int, stride: int = 1) -> rt.SymbolicTensor:
        return rt.BatchNorm2d()(rt.Conv2d(width, kernel, stride=stride, padding=kernel // 2, bias=False)(x))

    def block(x: rt.SymbolicTensor, width: int, stride: int) -> rt.SymbolicTensor:
        if bottleneck:
            y = rt.ReLU()(conv_bn(rt.ReLU()(conv_bn(x, width, 1)), width, 3, stride))
            y, out = conv_bn(y, 4 * width, 1), 4 * width
        else:
            y, out = conv_bn(rt.ReLU()(conv_bn(x, width, 3, stride)), width, 3), width
        if stride != 1 or x.shape[1] != out:
            x = conv_bn(x, out, 1, stride)
        return rt.ReLU()(x + y)

    x = rt.Input((3, 224, 224))
    y = rt.MaxPool2d(3, stride=2, padding=1)(rt.ReLU()(conv_bn(x, 64, 7, 2)))
    for stage, (count, width) in enumerate(zip(blocks, (64, 128, 256, 512))):
        for index in range(count):
            y = block(y, width, 2 if stage and not index else 1)
    return rt.Model(x, rt.Linear(1000)(rt.Flatten()(rt.AdaptiveAvgPool2d(1)(y))), rng=0)


def torch_lazy_resnet50() -> nn.Module:
    import torch
    from torch import nn

    def conv_bn(width: int, kernel: int, stride: int = 1) -> nn.Sequential:
        conv = nn.LazyConv2d(width, kernel, stride=stride, padding=kernel // 2, bias=False)
        return nn.Sequential(conv, nn.LazyBatchNorm2d())

    class Bottleneck(nn.Module):
        def __init__(self, width: int, stride: int, project: bool) -> None:
            super().__init__()
            self.body = nn.Sequential(
                conv_bn(width, 1), nn.ReLU(), conv_bn(width, 3, stride), nn.ReLU(), conv_bn(4 * width, 1)
            )
            self.shortcut = conv_bn(4 * width, 1, stride) if project else nn.Identity()

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return torch.relu(self.shortcut(x) + self.body(x))

    layers: list[nn.Module] = [conv_bn(64, 7, 2), nn.ReLU(), nn.MaxPool2d(3, stride=2, padding=1)]
    for stage, (count, width) in enumerate(zip((3, 4, 6, 3), (64, 128, 256, 512))):
        layers += [Bottleneck(width, 2 if stage and not index else 1, not index) for index in range(count)]
    model = nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.LazyLinear(1000)).eval()
    with torch.no_grad():
        model(torch.zeros(1, 3, 224, 224))
    return model


def runtime_encoder_block(tokens: int = 128, width: int = 256, heads: int = 8) -> rt.Model:
    """Post-norm self-attention and a GELU feed-forward, from Linear, matmul, softmax and LayerNorm nodes."""
    import math

    import shapelint.runtime as rt

    head = width // heads
    x = rt.Input((tokens, width))
    q, k, v = (rt.Permute(0, 2, 1, 3)(rt.Reshape(tokens, heads, head)(rt.Linear(width)(x))) for _ in range(3))
    context = rt.Softmax(dim=-1)((q @ rt.Transpose(2, 3)(k)) * (1 / math.sqrt(head))) @ v
    h = rt.LayerNorm()(x + rt.Linear(width)(rt.Reshape(tokens, width)(rt.Permute(0, 2, 1, 3)(context))))
    return rt.Model(x, rt.LayerNorm()(h + rt.Linear(width)(rt.GELU()(rt.Linear(4 * width)(h)))), rng=0)


def _row(label: str, seconds: float, baseline: float) -> str:
    return f"  {label:<58} {seconds * 1e3:10.3f} ms   {baseline / seconds:9.1f}x"


def bench_build(repeats: int) -> None:
    import numpy as np

    def build_and_materialise() -> object:
        model = runtime_vgg16()
        return model.state_dict()

    results = _interleaved(
        {
            "torch Lazy modules + dry-run forward": lambda: _seconds(torch_lazy_vgg16),
            "runtime Sequential(input_shape=...)": lambda: _seconds(runtime_vgg16),
            "runtime build + materialise all weights (state_dict())": lambda: _seconds(build_and_materialise),
        },
        repeats,
    )
    baseline = results["torch Lazy modules + dry-run forward"]
    print("VGG-16 at (3, 224, 224), time to a model that knows every size (speed-up vs torch Lazy):")
    for label, seconds in results.items():
        print(_row(label, seconds, baseline))
    params = runtime_vgg16().num_parameters()
    print(f"  ({params:,} parameters; numpy {np.__version__})")


def _forward_race(label: str, model: rt.Module, reference: nn.Module, x: np.ndarray, repeats: int, calls: int) -> None:
    """Median forward times of ``model`` and ``reference`` on ``x``, outputs checked equal first."""
    import numpy as np
    import torch

    tensor = torch.from_numpy(x)
    with torch.no_grad():
        np.testing.assert_allclose(model(x), reference(tensor).numpy(), rtol=1e-3, atol=1e-3)

    def torch_forward() -> object:
        with torch.no_grad():
            return reference(tensor)

    results = _interleaved(
        {
            "torch CPU forward": lambda: _seconds(torch_forward, calls),
            "runtime forward": lambda: _seconds(lambda: model(x), calls),
        },
        repeats,
    )
    baseline = results["torch CPU forward"]
    print(f"{label} (speed-up vs torch; below 1 means slower):")
    for name, seconds in results.items():
        print(_row(name, seconds, baseline))
    print(f"  runtime / torch time ratio: {results['runtime forward'] / baseline:.2f}")


def bench_forward(repeats: int, calls: int) -> None:
    import numpy as np

    model, reference = lenet5_pair()
    x = np.random.default_rng(0).standard_normal((64, 1, 28, 28)).astype(np.float32)
    _forward_race("LeNet-5 forward, batch 64, float32", model, reference, x, repeats, calls)


def bench_graph_build(repeats: int) -> None:
    def build_and_convert() -> object:
        return runtime_resnet((3, 4, 6, 3), bottleneck=True).to_torch()

    results = _interleaved(
        {
            "torch Lazy modules + dry-run forward": lambda: _seconds(torch_lazy_resnet50),
            "runtime Model + to_torch() (all weights drawn and loaded)": lambda: _seconds(build_and_convert),
            "runtime Model alone": lambda: _seconds(lambda: runtime_resnet((3, 4, 6, 3), bottleneck=True)),
        },
        repeats,
    )
    baseline = results["torch Lazy modules + dry-run forward"]
    print("ResNet-50 at (3, 224, 224), time to a torch model that knows every size (speed-up vs torch Lazy):")
    for label, seconds in results.items():
        print(_row(label, seconds, baseline))
    print(f"  ({runtime_resnet((3, 4, 6, 3), bottleneck=True).num_parameters():,} parameters)")


def bench_graph_forward(repeats: int, calls: int) -> None:
    """The torch side is each model's ``to_torch()``: the same graph and weights, as plain torch code."""
    import numpy as np

    rng = np.random.default_rng(0)
    for label, model in (
        ("ResNet-18 forward, batch 8, (3, 224, 224)", runtime_resnet((2, 2, 2, 2), bottleneck=False)),
        ("Transformer encoder block forward, batch 8, (128, 256)", runtime_encoder_block()),
    ):
        x = rng.standard_normal((8, *model.input_shape)).astype(np.float32)
        _forward_race(label, model, model.to_torch(), x, repeats, calls)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--calls", type=int, default=50, help="forward calls per repetition")
    options = parser.parse_args()
    _limit_threads(options.threads)
    import torch

    torch.set_num_threads(options.threads)
    machine = platform.processor() or platform.machine()
    print(f"{machine}, {os.cpu_count()} CPUs, {options.threads} threads, torch {torch.__version__}")
    bench_build(options.repeats)
    bench_forward(options.repeats, options.calls)
    bench_graph_build(options.repeats)
    bench_graph_forward(options.repeats, max(1, options.calls // 25))


if __name__ == "__main__":
    main()
