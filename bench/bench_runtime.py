"""Side-by-side timings of shapelint.runtime against torch (a script, not a test).

Run: python bench/bench_runtime.py [--threads N] [--repeats R]

1. Building a VGG-16 for (3, 224, 224): runtime shape propagation versus torch
   Lazy modules plus the dry-run forward they need to learn their sizes.
2. LeNet-5 forward at batch 64 on the same weights, with numpy's BLAS and
   torch limited to the same number of threads.

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


def bench_forward(repeats: int, calls: int) -> None:
    import numpy as np
    import torch

    model, reference = lenet5_pair()
    x = np.random.default_rng(0).standard_normal((64, 1, 28, 28)).astype(np.float32)
    tensor = torch.from_numpy(x)
    np.testing.assert_allclose(model(x), reference(tensor).detach().numpy(), rtol=1e-4, atol=1e-4)

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
    print("LeNet-5 forward, batch 64, float32 (speed-up vs torch; below 1 means slower):")
    for label, seconds in results.items():
        print(_row(label, seconds, baseline))
    print(f"  runtime / torch time ratio: {results['runtime forward'] / baseline:.2f}")


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


if __name__ == "__main__":
    main()
