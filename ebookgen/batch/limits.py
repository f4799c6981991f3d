"""A work's time limit, and the worker's ties to the driver: a batch that can always be stopped.

``Limited`` runs a work in a worker with an alarm set to the limit: the alarm stops the build between two
steps of Python and the work is recorded as failed. A build stuck inside native code never sees the alarm:
a watchdog thread then leaves a mark in the batch's scratch folder and kills its own worker, and the driver,
finding the mark, records the work as failed rather than build it again.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ebookgen.batch.plan import Planned
from ebookgen.batch.task import Outcome, build_work
from ebookgen.pdf.headstart import die_with_parent  # noqa: F401 (the batch workers die with their driver too)

GRACE = 5.0  # Seconds past the limit before the watchdog kills a worker the alarm could not stop.


class OverTime(BaseException):
    """The work's time limit passed (a BaseException: the build's own error handling must not swallow it)."""


@dataclass(frozen=True)
class Limited:
    """A work's build with the batch's time limit (0: none), run in a worker."""

    builder: Callable[[Planned], Outcome] = build_work
    seconds: float = 0.0
    scratch: str = ""  # The batch's scratch folder: the workers' temporary files and the watchdog's marks.

    def __call__(self, planned: Planned) -> Outcome:
        """Build the work; past the time limit, stop it and return a failed outcome."""
        if not self.seconds:
            return self.builder(planned)
        watchdog = threading.Timer(self.seconds + GRACE, self.kill_worker, (planned,))
        watchdog.daemon = True
        previous = signal.signal(signal.SIGALRM, ring)
        signal.setitimer(signal.ITIMER_REAL, self.seconds)
        watchdog.start()
        try:
            return self.builder(planned)
        except OverTime:
            return over_time(planned, self)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            watchdog.cancel()
            signal.signal(signal.SIGALRM, previous)

    def mark(self, planned: Planned) -> Path:
        """Return the file the watchdog leaves for a work it killed."""
        return Path(self.scratch) / f"over-time-{planned.index}"

    def kill_worker(self, planned: Planned) -> None:
        """Leave the work's mark, then kill this worker: its build is stuck where the alarm cannot reach it."""
        if self.scratch:
            self.mark(planned).write_text(str(os.getpid()), encoding="ascii")
        os.kill(os.getpid(), signal.SIGKILL)

    def ran_out(self, planned: Planned) -> bool:
        """Tell whether the watchdog killed this work's worker."""
        return bool(self.scratch and self.seconds) and self.mark(planned).exists()


def ring(_number: int, _frame: object) -> None:
    """Stop the build: its time is up."""
    raise OverTime


def over_time(planned: Planned, limited: Limited) -> Outcome:
    """Record a work stopped by its time limit."""
    return Outcome(
        planned.index,
        error=f"{planned.work.source}: stopped after the time limit of {limited.seconds:g} s a work (--time-limit)",
        seconds=limited.seconds,
    )
