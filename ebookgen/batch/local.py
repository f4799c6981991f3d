"""The local engine: a process pool on every core of this machine, nothing to start.

Works go to the pool a few at a time (twice the workers), so a library of a million works is not a million
futures. A worker that dies mid-work (killed, out of memory, a crash in a native library) breaks the pool,
and every work the pool held fails with it: those works are built again one at a time, each alone in a pool of
one, so that a death is the work's own; a work whose worker dies ``ATTEMPTS`` times alone is recorded as failed,
and the others go on in a full pool again.
"""

from __future__ import annotations

import os
from collections import Counter, deque
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from ebookgen.batch.plan import Planned
from ebookgen.batch.task import Outcome, build_work

ATTEMPTS = 3  # A work whose worker dies this many times, built alone, is recorded as failed.
Builder = Callable[[Planned], Outcome]


def worker_count(jobs: int | None) -> int:
    """Return the number of worker processes: the one asked for, else one per core."""
    return jobs if jobs else (os.cpu_count() or 1)


def local_outcomes(works: list[Planned], jobs: int | None = None, builder: Builder = build_work) -> Iterator[Outcome]:
    """Build the works on a process pool; yield each work's outcome as it finishes."""
    workers = worker_count(jobs)
    waiting: deque[Planned] = deque(works)
    suspects: deque[Planned] = deque()  # In the pool when it broke: each is built again alone, to tell who killed it.
    deaths: Counter[int] = Counter()
    while waiting or suspects:
        if not suspects:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                suspects.extend((yield from run_pool(pool, waiting, 2 * workers, builder)))
            continue
        with ProcessPoolExecutor(max_workers=1) as pool:
            lost = yield from run_pool(pool, suspects, 1, builder)
        for planned in lost:  # Alone in its pool: this work's worker died under it.
            deaths[planned.index] += 1
            if deaths[planned.index] >= ATTEMPTS:
                yield died(planned, deaths[planned.index])
            else:
                suspects.appendleft(planned)


def run_pool(pool: ProcessPoolExecutor, waiting: deque[Planned], window: int, builder: Builder) -> Iterator[Outcome]:
    """Keep the pool fed from the waiting works; return the works in hand when the pool breaks."""
    running: dict[Future, Planned] = {}
    while waiting or running:
        while waiting and len(running) < window:
            planned = waiting.popleft()
            running[pool.submit(builder, planned)] = planned
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


def died(planned: Planned, times: int) -> Outcome:
    """Record a work whose worker process died under it every time it was tried."""
    return Outcome(
        planned.index, error=f"{planned.work.source}: the worker process died building it, {times} times alone"
    )
