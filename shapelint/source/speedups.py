"""What a lint run may skip to go faster: libcst's per-node validation, and cyclic garbage collection per file.

The command line and the benchmarks use these; the library functions leave
libcst and the collector as they found them.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


def trust_parser() -> None:
    """Stop libcst from checking each node it builds, for the rest of this process.

    libcst validates every node on construction (``CSTNode.__post_init__``),
    which guards trees built by hand; the parser only builds valid ones, and
    the checks cost about a seventh of the parse.  Only a lint may do this: a
    fix builds nodes of its own.  It is done once per run (or per worker
    process), not per file: changing a class's attribute invalidates the method
    caches of all of libcst's node classes.
    """
    from libcst import CSTNode

    CSTNode.__post_init__ = object.__init__  # type: ignore[method-assign]


@contextmanager
def trusted_parser() -> Iterator[None]:
    """:func:`trust_parser` for the length of a run, then libcst as it was."""
    from libcst import CSTNode

    validate = CSTNode.__post_init__
    trust_parser()
    try:
        yield
    finally:
        CSTNode.__post_init__ = validate  # type: ignore[method-assign]


_SETTLING = [False]
"""Whether a :func:`paused_collector` that settles is open: only then may a parsed tree be frozen at once."""


def freeze_parsed() -> None:
    """Freeze what was made since the last file settled, when that is only a parse: inside a settling
    :func:`paused_collector`, before the analysis starts.

    A parsed tree is kept for the files that import it, and has no cycles; left to the collection after the file,
    its hundreds of thousands of nodes were traversed once each (two fifths of those collections' time).
    """
    if _SETTLING[0]:
        gc.freeze()


@contextmanager
def paused_collector(settle: bool = True) -> Iterator[None]:
    """Pause the cyclic garbage collector for one file; without ``settle`` (a long-lived server, whose garbage must
    stay collectable), only pause it.

    A libcst tree is hundreds of thousands of objects without cycles, which
    reference counting frees; collections that traverse it while it is alive
    cost a fifth of a model-dense lint and a third of a 50,000-line file's.
    The few cycles the analysis makes are collected after the file, and what
    survives it (the trees kept for the files that import this one, the caches)
    is frozen out of later collections: traversing the kept trees again after
    every file cost a tenth of a whole-project run.
    """
    enabled = gc.isenabled()
    gc.disable()
    outer, _SETTLING[0] = _SETTLING[0], enabled and settle
    try:
        yield
    finally:
        _SETTLING[0] = outer
        if enabled and settle:
            gc.collect()
            gc.freeze()
        if enabled:
            gc.enable()
