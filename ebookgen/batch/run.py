"""``run_batch``: every work of a list of sources built on an engine, each row on disk as it finishes."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ebookgen.batch.limits import Limited
from ebookgen.batch.plan import Planned, plan_batch
from ebookgen.batch.results import FAILED, RESULTS, SKIPPED, ResultsFile, earlier_rows, is_current, make_row, row_for
from ebookgen.batch.sources import FORMATS, works_from
from ebookgen.batch.task import Outcome, build_work
from ebookgen.errors import ConfigError, InputError, OutputError
from ebookgen.scratch import scratch_folder, sweep_stale

ENGINES = ("local", "ray")
# Told after each work: (done, failed, skipped, total).
BatchProgress = Callable[[int, int, int, int], None]


@dataclass(frozen=True)
class BatchOptions:
    """How to run a batch: the formats, the engine and where it runs, how many workers, whether to redo all."""

    formats: tuple[str, ...] = ("epub",)
    engine: str = "local"
    address: str | None = None
    jobs: int | None = None
    force: bool = False
    time_limit: float = 0.0  # Seconds a work may take (local engine); 0: no limit.
    allow_outside: bool = False  # Build a manifest's sources outside the manifest's folder.


@dataclass(frozen=True)
class BatchResult:
    """What a batch came to: how many works were built, failed and skipped, and where the rows are."""

    done: int
    failed: int
    skipped: int
    seconds: float
    results: Path
    failures: tuple[str, ...] = ()  # `origin: error`, one per failed work.

    @property
    def total(self) -> int:
        """Return the number of works in the batch."""
        return self.done + self.failed + self.skipped


def run_batch(
    sources: list[Path],
    folder: Path,
    options: BatchOptions = BatchOptions(),
    progress: BatchProgress | None = None,
    builder: Callable[[Planned], Outcome] = build_work,
) -> BatchResult:
    """Plan the works, skip the current ones, build the rest on the engine, and record every work's row."""
    started = time.perf_counter()
    check_options(options, folder)
    works = works_from(sources, options.allow_outside)
    if not works:
        raise InputError(
            f"{', '.join(map(str, sources))}: no works found; give manuscript files, folders or a manifest"
        )
    planned = plan_batch(works, folder, options.formats)
    earlier = {} if options.force else earlier_rows(folder / RESULTS)
    tally = Tally(len(planned), progress or (lambda *counts: None))
    sweep_stale()  # What batches and builds killed outright left in TMPDIR.
    scratch = scratch_folder("batch")
    try:
        with ResultsFile(folder / RESULTS) as results:
            to_build = []
            for work in planned:
                if work.problem:
                    tally.count(results, make_row(work, FAILED, [], work.problem))
                elif (row := is_current(work, earlier)) is not None:
                    tally.count(results, skipped_row(work, row))
                else:
                    to_build.append(work)
            limited = Limited(builder, options.time_limit, str(scratch))
            build_all(
                to_build,
                options,
                limited,
                lambda outcome: tally.count(results, row_for(planned[outcome.index], outcome)),
            )
    finally:
        sweep_leftovers(planned)
        shutil.rmtree(scratch, ignore_errors=True)
    return tally.result(time.perf_counter() - started, folder / RESULTS)


def build_all(works: list[Planned], options: BatchOptions, limited: Limited, record: Callable[[Outcome], None]) -> None:
    """Build the works on the engine, recording each outcome; stopped, record those already in, then stop."""
    stranded: list[Outcome] = []
    engine = outcomes(works, options, limited, stranded)
    try:
        for outcome in engine:
            record(outcome)
    finally:
        close = getattr(engine, "close", None)
        if close is not None:
            close()  # A stopped local engine kills its workers, keeping the outcomes already in.
        for outcome in stranded:
            record(outcome)


def skipped_row(planned: Planned, earlier: dict):
    """Make the row of a work that is current: the earlier row's outputs and length."""
    length = {name: value if isinstance(value := earlier.get(name), int) else 0 for name in ("chapters", "words")}
    return make_row(planned, SKIPPED, earlier["outputs"], **length)


def check_options(options: BatchOptions, folder: Path) -> None:
    """Refuse an unknown engine or format, and an OUTDIR that is a file, before anything is read."""
    if options.engine not in ENGINES:
        raise ConfigError(f"--engine must be {' or '.join(ENGINES)}, not {options.engine!r}")
    unknown = [form for form in options.formats if form not in FORMATS]
    if unknown or not options.formats:
        raise ConfigError(f"--formats takes {', '.join(FORMATS)}, not {','.join(unknown) or 'nothing'}")
    if options.time_limit and options.engine != "local":  # Ray's tasks run where no alarm of ours reaches them.
        raise ConfigError("--time-limit works on the local engine only, not with --engine ray")
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: is a file; give a folder for the batch's books")


def outcomes(works: list[Planned], options: BatchOptions, limited: Limited, stranded: list) -> Iterator[Outcome]:
    """Run the works on the chosen engine."""
    if not works:
        return iter(())
    if options.engine == "ray":
        from ebookgen.batch.ray import ray_outcomes

        return ray_outcomes(works, options.jobs, options.address, limited.builder)
    from ebookgen.batch.local import local_outcomes

    return local_outcomes(works, options.jobs, limited.builder, limited, stranded)


def sweep_leftovers(planned: list[Planned]) -> None:
    """Remove the temporary files a worker killed mid-write left beside the batch's outputs."""
    if not planned:
        return
    names = {target.name for work in planned for _, target in work.targets}
    for leftover in planned[0].folder.glob(".*.part"):
        if any(leftover.name.startswith(f".{name}.") for name in names):
            leftover.unlink(missing_ok=True)


class Tally:
    """The batch's running count: each row written to the manifest, then counted and reported."""

    def __init__(self, total: int, progress: BatchProgress) -> None:
        self.total, self.progress = total, progress
        self.counts = {"done": 0, "failed": 0, "skipped": 0}
        self.failures: list[str] = []

    def count(self, results: ResultsFile, row) -> None:
        """Write a work's row, then count it."""
        results.append(row)
        self.counts[row.status] += 1
        if row.status == FAILED:
            self.failures.append(row.error if row.error.startswith(row.source) else f"{row.source}: {row.error}")
        self.progress(self.counts["done"], self.counts["failed"], self.counts["skipped"], self.total)

    def result(self, seconds: float, results: Path) -> BatchResult:
        """Return the batch's result."""
        counts = self.counts
        return BatchResult(counts["done"], counts["failed"], counts["skipped"], seconds, results, tuple(self.failures))
