"""A long fuzz run of the two promises: programs run, crashes (must be 0) and hangs.

Run from the repository root: ``python bench/fuzz.py [--budget SECONDS]
[--programs N] [--hang SECONDS]``.  Hypothesis generates programs
(hypothesmith, torch layers with generated arguments, edited corpus models) in
this process; a worker process checks each with ``tests.reliability.fuzzing.verify``,
so a native crash or a hang is counted and the worker replaced instead of
ending the run.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import time
import traceback
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.reliability.fuzzing import generated_models, generated_programs, mutated_models

KINDS = {"programs": generated_programs(), "models": generated_models(), "mutants": mutated_models()}


def _serve(channel: Connection) -> None:
    """Check each source received; answer ``None`` or the traceback."""
    from tests.reliability.fuzzing import verify

    while True:
        source, unsafe = channel.recv()
        try:
            verify(source, unsafe)
            channel.send(None)
        except Exception:
            channel.send(traceback.format_exc())


class Worker:
    """One checking process, replaced after it dies or hangs."""

    def __init__(self) -> None:
        self.channel, theirs = multiprocessing.Pipe()
        self.process = multiprocessing.Process(target=_serve, args=(theirs,), daemon=True)
        self.process.start()

    def check(self, source: bytes, unsafe: bool, timeout: float) -> tuple[str, str | None]:
        """``("ok", None)``, ``("crash", why)`` or ``("hang", None)``."""
        self.channel.send((source, unsafe))
        if not self.channel.poll(timeout):
            return "hang", None
        try:
            answer = self.channel.recv()
        except EOFError:
            return "crash", f"worker died with exit code {self.process.exitcode}"
        return ("ok", None) if answer is None else ("crash", answer)

    def stop(self) -> None:
        self.process.kill()
        self.process.join()


@dataclass
class Tally:
    """What the run saw, per kind of input."""

    run: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    crashes: list[tuple[bytes, str]] = field(default_factory=list)
    hangs: list[bytes] = field(default_factory=list)
    slowest: float = 0.0


class _OutOfTime(Exception):
    pass


def fuzz(kind: str, programs: int, deadline: float, hang: float, tally: Tally) -> None:
    """Check up to ``programs`` inputs of one kind, stopping at ``deadline``."""
    worker = Worker()

    @settings(
        max_examples=programs, deadline=None, database=None, phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(KINDS[kind], st.booleans())
    def one(source: bytes, unsafe: bool) -> None:
        nonlocal worker
        if time.monotonic() > deadline:
            raise _OutOfTime
        start = time.monotonic()
        outcome, why = worker.check(source, unsafe, hang)
        tally.slowest = max(tally.slowest, time.monotonic() - start)
        tally.run[kind] += 1
        if outcome == "hang":
            tally.hangs.append(source)
        elif outcome == "crash":
            tally.crashes.append((source, why or ""))
        if outcome == "hang" or not worker.process.is_alive():
            worker.stop()
            worker = Worker()

    try:
        one()
    except _OutOfTime:
        pass
    finally:
        worker.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget", type=float, default=300, help="seconds in all, shared by the kinds")
    parser.add_argument("--programs", type=int, default=100_000, help="most inputs per kind")
    parser.add_argument("--hang", type=float, default=30, help="seconds after which one input counts as a hang")
    args = parser.parse_args()
    tally = Tally()
    start = time.monotonic()
    for index, kind in enumerate(KINDS):
        share = (args.budget - (time.monotonic() - start)) / (len(KINDS) - index)
        fuzz(kind, args.programs, time.monotonic() + share, args.hang, tally)
    elapsed = time.monotonic() - start
    for kind, count in tally.run.items():
        print(f"{kind:9} programs run={count}")
    print(f"total     programs run={sum(tally.run.values())} crashes={len(tally.crashes)} hangs={len(tally.hangs)} "
          f"slowest={tally.slowest:.2f}s elapsed={elapsed:.0f}s")
    for source, why in tally.crashes[:5]:
        print(f"--- crash on {source[:2000]!r}\n{why}")
    for source in tally.hangs[:5]:
        print(f"--- hang on {source[:2000]!r}")
    return int(bool(tally.crashes or tally.hangs))


if __name__ == "__main__":
    sys.exit(main())
