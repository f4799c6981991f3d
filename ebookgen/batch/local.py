"""The local engine: a process pool on every core of this machine, nothing to start.

Works go to the pool a few at a time (twice the workers), so a library of a million works is not a million
futures. A worker that dies mid-work (killed, out of memory, a crash in a native library) breaks the pool,
and every work the pool held fails with it: those works are built again one at a time, each alone in a pool of
one, so that a death is the work's own; a work whose worker dies ``ATTEMPTS`` times alone is recorded as failed,
and the others go on in a full pool again. A work its time limit killed (``limits.py``) is recorded as failed at
once.

The workers leave Ctrl-C and SIGTERM to the driver, which kills them when it stops (their works' outcomes
that were already in are kept in ``stranded``), and the kernel kills them when the driver dies, even by
``kill -9``. Their temporary files go to the batch's scratch folder, which the driver removes.
"""

from __future__ import annotations

import os
import signal
import tempfile
from collections import Counter, deque
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from ebookgen.batch.limits import Limited, die_with_parent, over_time
from ebookgen.batch.plan import Planned
from ebookgen.batch.task import Outcome, build_work

ATTEMPTS = 3  # A work whose worker dies this many times, built alone, is recorded as failed.
# A pool builds this many works a worker, then its workers are replaced by fresh ones: what a long-lived worker's
# heap keeps after each large book (fragments, arenas) made its peak memory grow with the batch (docs/archive.md).
WORKS_PER_WORKER = 50
Builder = Callable[[Planned], Outcome]


def worker_count(jobs: int | None) -> int:
    """Return the number of worker processes: the one asked for, else one per core."""
    return jobs if jobs else (os.cpu_count() or 1)


def local_outcomes(
    works: list[Planned],
    jobs: int | None = None,
    builder: Builder = build_work,
    limited: Limited | None = None,
    stranded: list[Outcome] | None = None,
) -> Iterator[Outcome]:
    """Build the works on a process pool; yield each work's outcome as it finishes."""
    limited = limited or Limited(builder)
    stranded = stranded if stranded is not None else []
    workers = worker_count(jobs)
    waiting: deque[Planned] = deque(works)
    suspects: deque[Planned] = deque()  # In the pool when it broke: each is built again alone, to tell who killed it.
    deaths: Counter[int] = Counter()
    if len(works) > WORKS_PER_WORKER * workers:  # Its workers will be replaced: each new one starts warm.
        warm()
    while waiting or suspects:
        if not suspects:
            with worker_pool(workers, limited) as pool:
                lost = yield from run_pool(pool, waiting, 2 * workers, limited, stranded, WORKS_PER_WORKER * workers)
            for planned in lost:
                if limited.ran_out(planned):
                    yield over_time(planned, limited)
                else:
                    suspects.append(planned)
            continue
        with worker_pool(1, limited) as pool:
            lost = yield from run_pool(pool, suspects, 1, limited, stranded)
        for planned in lost:  # Alone in its pool: this work's worker died under it.
            deaths[planned.index] += 1
            if limited.ran_out(planned):
                yield over_time(planned, limited)
            elif deaths[planned.index] >= ATTEMPTS:
                yield died(planned, deaths[planned.index])
            else:
                suspects.appendleft(planned)


def warm() -> None:
    """Warm the driver before it forks a long batch's workers, so each starts from the same memory (warm.py)."""
    from ebookgen.batch.warm import warm_driver

    try:
        warm_driver()
    except Exception:  # noqa: BLE001 - a part that cannot load fails the works that need it, each with its row.
        pass


def worker_pool(workers: int, limited: Limited) -> ProcessPoolExecutor:
    """Start a pool whose workers leave signals to the driver, die with it and keep their files in its folder."""
    return ProcessPoolExecutor(workers, initializer=start_worker, initargs=(limited.scratch, os.getpid()))


def start_worker(scratch: str, parent: int) -> None:
    """Start a worker: Ctrl-C is the driver's, SIGTERM ends it at once, and it dies with the driver."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the driver stops the workers.
    for name in ("SIGTERM", "SIGHUP"):
        signal.signal(getattr(signal, name), signal.SIG_DFL)  # Not the driver's handler, inherited by the fork.
    die_with_parent(parent)
    if scratch:
        tempfile.tempdir = scratch  # WeasyPrint's font folders of the last documents: removed with the batch's


def run_pool(
    pool: ProcessPoolExecutor,
    waiting: deque[Planned],
    window: int,
    limited: Limited,
    stranded: list[Outcome],
    budget: int = 0,
) -> Iterator[Outcome]:
    """Keep the pool fed from the waiting works (at most `budget` of them, 0: all); return the works in hand when
    the pool breaks.

    Stopped (Ctrl-C, a signal, the driver closing the engine), it keeps the outcomes already in, kills the
    workers rather than wait for their works, and goes on stopping.
    """
    running: dict[Future, Planned] = {}
    submitted = 0
    try:
        while running or (waiting and (not budget or submitted < budget)):
            while waiting and len(running) < window and (not budget or submitted < budget):
                planned = waiting.popleft()
                running[pool.submit(limited, planned)] = planned
                submitted += 1
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            broken = False
            for future in finished:
                planned = running.pop(future)
                try:
                    outcome = future.result()
                except BrokenProcessPool:
                    broken = True
                    running[future] = planned
                    continue
                yield outcome
            if broken:
                return list(running.values())
        return []
    except BaseException:
        stranded.extend(finished_outcomes(running))
        stop_workers(pool)
        raise


def finished_outcomes(running: dict[Future, Planned]) -> list[Outcome]:
    """Return the outcomes of the works that finished but were not yet counted."""
    return [
        future.result() for future in running if future.done() and not future.cancelled() and future.exception() is None
    ]


def stop_workers(pool: ProcessPoolExecutor) -> None:
    """Kill the pool's workers at once rather than wait for the works they hold."""
    # The executor has no public way to stop its workers before Python 3.14 (terminate_workers).
    workers = list(dict(getattr(pool, "_processes", None) or {}).values())
    for worker in workers:
        worker.kill()
    for worker in workers:
        worker.join(timeout=5)
    pool.shutdown(wait=False, cancel_futures=True)


def died(planned: Planned, times: int) -> Outcome:
    """Record a work whose worker process died under it every time it was tried."""
    return Outcome(
        planned.index, error=f"{planned.work.source}: the worker process died building it, {times} times alone"
    )
