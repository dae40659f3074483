"""Both of the package's modules define ``Net``; ``__init__`` star-imports ``a`` then ``b``."""

from .a import *  # noqa: F401,F403
from .b import *  # noqa: F401,F403
