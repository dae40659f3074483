"""Ctrl-C and SIGTERM: no write starts once either arrives, the file in hand is finished and reported (a write in
progress is never half done and leaves no temporary file: ``shapelint.fix`` holds both signals while it writes),
worker processes end with their parent, and the CLI reports what was done and exits 130 or 143."""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Iterator
from types import FrameType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from multiprocessing.synchronize import Event

EXIT_STATUS = {signal.SIGINT: 130, signal.SIGTERM: 143}
"""128 plus the signal's number, as shells report a process a signal ended."""


class Interrupted(BaseException):
    """The run stopped at a signal; like ``KeyboardInterrupt``, no ``except Exception`` swallows it."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"interrupted by {signal.Signals(signum).name}")
        self.status = EXIT_STATUS.get(signal.Signals(signum), 128 + signum)


class StopRequest:
    """Set by a signal: the runner and its worker processes read it between files and before each write."""

    def __init__(self) -> None:
        self.signum = 0
        self._shared: Event | None = None

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        self.signum = self.signum or signum
        if self._shared is not None:
            self._shared.set()

    def is_set(self) -> bool:
        return self.signum != 0 or (self._shared is not None and self._shared.is_set())

    @property
    def event(self) -> Event:
        """The request as worker processes read it, made when the first pool starts: importing multiprocessing
        was a tenth of a run whose every result the cache holds."""
        if self._shared is None:
            from multiprocessing import Event

            self._shared = Event()
            if self.signum:
                self._shared.set()
        return self._shared

    def check(self) -> None:
        """Raise :class:`Interrupted` once a signal came."""
        if self.is_set():
            raise Interrupted(self.signum or signal.SIGINT)


@contextlib.contextmanager
def stoppable() -> Iterator[StopRequest]:
    """While the CLI runs: SIGINT and SIGTERM set the request instead of ending the process at any point."""
    request = StopRequest()
    previous = {number: signal.signal(number, request) for number in EXIT_STATUS}
    try:
        yield request
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def worker_start() -> None:
    """In a worker process: the signals are the parent's to handle (it tells the workers through the request), and
    the worker ends with its parent, even one killed outright (Linux: a SIGHUP when the parent dies, which a write
    holds until it is whole)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGHUP)  # PR_SET_PDEATHSIG
