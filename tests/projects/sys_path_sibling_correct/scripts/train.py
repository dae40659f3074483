"""A research script that makes the library importable with ``sys.path.insert``."""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))

import torch  # noqa: E402
from convnets import Net  # noqa: E402

if __name__ == "__main__":
    Net()(torch.randn(2, 3, 32, 32))
