"""shapelint: static shape checking and fixing for PyTorch models.

Importing this package is cheap and never imports numpy or torch.
"""

from __future__ import annotations

__version__ = "0.1.0"
