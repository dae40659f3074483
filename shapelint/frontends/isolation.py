"""A large file is analysed in a child process under a memory bound: libcst's parser needs about a thousand bytes
of memory per source byte, and one file's failure, even a native abort, must be that file's error alone."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

ISOLATED_BYTES = 500_000
"""Files larger than this are analysed in a child process; smaller ones cost too little to be worth one."""
MEMORY_LIMIT_VARIABLE = "SHAPELINT_MEMORY_LIMIT"
"""The environment variable that sets the child's memory bound, in bytes (default: as below)."""

Result = TypeVar("Result")


def memory_limit(size: int) -> int:
    """The bound on the address space of a file of ``size`` bytes: four thousand bytes per source byte (its parse
    takes about 1,400 of resident memory in a literal-heavy file, and the address space is larger than that), at
    least 4 GB, at most three quarters of the machine's memory; or the environment's."""
    given = os.environ.get(MEMORY_LIMIT_VARIABLE, "")
    if given.isdigit():
        return int(given)
    physical = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") if hasattr(os, "sysconf") else 1 << 34
    return int(min(physical * 3 // 4, max(4 << 30, size * 4000)))


def _child(work: Callable[[], Result], limit: int, connection: Connection) -> None:
    # a native parser that runs out of memory prints its own complaint before aborting; the report says it instead
    with contextlib.suppress(OSError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
    if sys.platform != "win32":
        import resource

        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        connection.send(work())
    except MemoryError:
        connection.send(MemoryError())


def isolated(work: Callable[[], Result], size: int) -> Result | str:
    """``work()`` run in a child process bounded in memory; what went wrong, in words, if it gave no result."""
    import multiprocessing

    receiver, sender = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.Process(target=_child, args=(work, memory_limit(size), sender))
    child.start()
    sender.close()
    try:
        result = receiver.recv()
    except EOFError:
        result = None
    child.join()
    if isinstance(result, MemoryError) or (result is None and child.exitcode in _OUT_OF_MEMORY):
        bound = f"{memory_limit(size) / 1e9:.1f} GB"
        return f"not analysed: it needs more than {bound} of memory ({MEMORY_LIMIT_VARIABLE}; exit {child.exitcode})"
    return result if result is not None else f"not analysed: the analysis process died (exit {child.exitcode})"


_OUT_OF_MEMORY = (-signal.SIGABRT, -signal.SIGKILL, -signal.SIGSEGV)
"""How a process ends that ran out of memory: a native allocator aborts, the kernel kills, a guard page faults."""
