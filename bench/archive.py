"""Benchmark an archive: thousands of generated works through `ebookgen batch`, on the local pool and on Ray.

Usage: python bench/archive.py [--works 10000] [--min-words 1000] [--max-words 200000] [--workers N]
                               [--sample 100] [--calibre-sample 100] [--library DIR] [--no-local] [--no-ray]
                               [--no-loops]

It writes `--works` generated works (bench/archive_works.py: sizes log-spread between the two word counts,
the formats taking turns, the same every run) and a JSON-lines manifest of them, then times, each from a fresh
process as a user would run it: `ebookgen batch` on the local pool; `ebookgen batch --address` on a Ray cluster
the bench starts on this machine as a user would (`ray start --head`, in a private folder, with its own token)
and stops afterwards, Ctrl-C or not; a loop of single `ebookgen epub` processes and one of Calibre's
`ebook-convert` (where installed) on a sample of the works, spread over the sizes and formats. While each runs,
it reads the workers' peak resident memory (Linux's VmHWM) and notes the largest at 10%, 25%, 50% and 100% of
the works: flat when the last is within 10% of the first. One table is printed.
"""

from __future__ import annotations

import argparse
import filecmp
import importlib.util
import json
import math
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from archive_ray import LocalRay  # noqa: E402
from archive_works import archive_plan, write_archive  # noqa: E402

EBOOKGEN = [sys.executable, "-m", "ebookgen", "--quiet"]
WORK = HERE.parent / ".bench" / "archive"  # The bench's work folder: the generated works, kept between runs.
MARKS = (0.1, 0.25, 0.5, 1.0)  # Where in the batch the workers' peak memory is noted: 1k, 2.5k, 5k of 10k works.
FLAT = 1.10  # The last mark's peak within this factor of the first: memory does not grow with the batch.
INTERVAL = 0.2  # Seconds between reads of the workers' peak memory and the batch's progress.
HEADER = (
    "way",
    "workers",
    "works",
    "seconds",
    "works a minute",
    *(f"peak MB a worker, {m:.0%}" for m in MARKS),
    "flat",
)


@dataclass(frozen=True)
class Way:
    """One way of building the works, a row of the table: how long it took and its workers' peak memory."""

    label: str
    workers: str
    works: int
    seconds: float
    peaks: tuple[float, ...]  # The largest worker's peak resident memory so far, in MB, at each of MARKS.
    failed: int = 0

    @property
    def per_minute(self) -> float:
        """Return the works built a minute."""
        return 60 * self.works / self.seconds if self.seconds else 0.0

    @property
    def flat(self) -> bool:
        """Tell whether the workers' peak memory stayed within 10% from the first mark to the last."""
        return bool(self.peaks) and self.peaks[-1] <= FLAT * self.peaks[0]


def table(ways: list[Way]) -> str:
    """Print the ways as one Markdown table."""
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    for way in ways:
        works = f"{way.works:,}" + (f" ({way.failed} failed)" if way.failed else "")
        peaks = [f"{peak:,.0f}" for peak in way.peaks]
        cells = [way.label, way.workers, works, f"{way.seconds:,.1f}", f"{way.per_minute:,.0f}", *peaks]
        lines.append("| " + " | ".join([*cells, "yes" if way.flat else "no"]) + " |")
    return "\n".join(lines)


def peak_memory(pid: int) -> float | None:
    """Return a process's peak resident memory in MB (VmHWM), or None when it is gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        return None
    return None


class RowCount:
    """Count the rows a batch has written to its results manifest so far (one line a finished work)."""

    def __init__(self, path: Path) -> None:
        self.path, self.offset, self.rows = path, 0, 0

    def __call__(self) -> int:
        """Read what was appended since the last call; return the rows so far."""
        try:
            with self.path.open("rb") as results:
                if os.fstat(results.fileno()).st_size < self.offset:  # Rewritten whole at the end: count again.
                    self.offset = self.rows = 0
                results.seek(self.offset)
                chunk = results.read()
        except FileNotFoundError:
            return self.rows
        whole = chunk.rfind(b"\n") + 1
        self.rows += chunk[:whole].count(b"\n")
        self.offset += whole
        return self.rows


class Watch(threading.Thread):
    """Read the workers' peak memory while a batch runs; note the largest at each mark of its progress."""

    def __init__(self, workers: Callable[[], list[int]], done: Callable[[], int], total: int) -> None:
        super().__init__(daemon=True)
        self.workers, self.done, self.total = workers, done, total
        self.peaks: dict[int, float] = {}  # Each worker seen, dead ones too: its peak when last read.
        self.marks: list[float | None] = [None] * len(MARKS)
        self.stopping = threading.Event()

    def run(self) -> None:
        """Sample until stopped, finding the workers again each second (a pool may replace one)."""
        pids, found = [], 0.0
        while not self.stopping.wait(INTERVAL):
            if not pids or time.monotonic() - found > 1.0:
                pids, found = self.workers(), time.monotonic()
            self.sample(pids)

    def sample(self, pids: list[int]) -> None:
        """Read each worker's peak, then note it at every mark the batch has passed."""
        for pid in pids:
            if (peak := peak_memory(pid)) is not None:
                self.peaks[pid] = max(peak, self.peaks.get(pid, 0.0))
        done = self.done()
        for number, mark in enumerate(MARKS):
            if self.marks[number] is None and self.peaks and done >= math.ceil(mark * self.total):
                self.marks[number] = self.largest()

    def largest(self) -> float:
        """Return the largest peak of any worker so far."""
        return max(self.peaks.values(), default=0.0)

    def stop(self) -> tuple[float, ...]:
        """Stop sampling; return the peaks at the marks (those the last read missed: the peak at the end)."""
        self.stopping.set()
        self.join()
        return tuple(self.largest() if mark is None else mark for mark in self.marks)


def descendants(pid: int) -> list[int]:
    """Return the processes under a process (the local pool's workers under the batch's driver)."""
    import psutil

    try:
        return [child.pid for child in psutil.Process(pid).children(recursive=True)]
    except psutil.Error:
        return []


def run_batch(label: str, command: list[str], out: Path, total: int, workers: Callable[[int], list[int]], count: str):
    """Run one `ebookgen batch` into an empty folder with an empty cache, watching its workers; return its row."""
    empty_cache()
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    log = out.parent / f"{out.name}.log"
    started = time.perf_counter()
    with log.open("wb") as errors:
        process = subprocess.Popen(command, stdout=errors, stderr=errors, env=batch_environment())
        watch = Watch(lambda: workers(process.pid), RowCount(out / "results.jsonl"), total)
        watch.start()
        try:
            code = process.wait()
        finally:
            peaks = watch.stop()
            if process.poll() is None:
                process.kill()
                process.wait()
    seconds = time.perf_counter() - started
    if code not in (0, 7):  # 7: the batch ran to its end, some works failed (counted in the row).
        raise SystemExit(f"bench: {label} failed ({code}): {log.read_text(errors='replace')[-800:]}")
    rows = [json.loads(line) for line in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    failed = sum(row["status"] == "failed" for row in rows)
    return Way(label, count, len(rows), seconds, peaks, failed)


def empty_cache() -> None:
    """Empty the bench's ebookgen cache (XDG_CACHE_HOME, set by main): each way draws every cover, as a first build."""
    if cache := os.environ.get("XDG_CACHE_HOME", "").strip():
        if Path(cache).name == "cache" and Path(cache).parent.name.startswith("ebookgen-archive-bench-"):
            shutil.rmtree(cache, ignore_errors=True)


def batch_environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """Return the environment the bench's processes run in: this one, with a fixed timestamp for the EPUBs."""
    return {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", **(extra or {})}


def run_loop(label: str, commands: list[list[str]]) -> Way:
    """Run one process a work, one after another; return the row, each process's peak from the kernel."""
    marks, largest, failed = [], 0.0, 0
    empty_cache()
    started = time.perf_counter()
    for number, command in enumerate(commands, start=1):
        process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=batch_environment()
        )
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        failed += process.returncode != 0
        largest = max(largest, usage.ru_maxrss / 1024)  # Linux: kilobytes, the process and its waited children.
        marks += [largest] * sum(number == math.ceil(mark * len(commands)) for mark in MARKS)
    return Way(label, "1 process a work", len(commands), time.perf_counter() - started, tuple(marks), failed)


def prepare_library(folder: Path, works: int, low: int, high: int, processes: int = 1) -> tuple[list[Path], Path]:
    """Write the works missing from folder (the bench's cache: written once, reused by every run) and a manifest.

    A work's bytes depend only on its place and the word range, so one folder serves every batch size: a run of
    1,000 works reuses the first 1,000 a run of 10,000 wrote.
    """
    specs = archive_plan(works, low, high)
    paths = write_archive(folder, specs, processes)
    manifest = folder / f"works-{works}.jsonl"
    rows = "".join(json.dumps({"source": path.name}) + "\n" for path in paths)
    if not manifest.exists() or manifest.read_text(encoding="utf-8") != rows:
        manifest.write_text(rows, encoding="utf-8")
    return paths, manifest


def library_folder(options: argparse.Namespace) -> Path:
    """Return where the works are kept between runs: --library, else the bench's work folder, by word range."""
    return options.library or WORK / f"library-{options.min_words}-{options.max_words}"


def loop_commands(works: list[Path], sample: int, out: Path, calibre: bool) -> list[list[str]]:
    """Return the loop's commands for every k-th work (spread over the sizes and formats): one process each."""
    out.mkdir(parents=True, exist_ok=True)
    chosen = works[:: max(1, len(works) // sample)][:sample]
    if calibre:
        return [["ebook-convert", str(work), str(out / f"{work.stem}.epub")] for work in chosen]
    return [[*EBOOKGEN, "epub", str(work), "-o", str(out / f"{work.stem}.epub")] for work in chosen]


def same_books(first: Path, second: Path) -> bool:
    """Tell whether two batch folders hold the same EPUBs, byte for byte."""
    names = sorted(path.name for path in first.glob("*.epub"))
    _, mismatch, errors = filecmp.cmpfiles(first, second, names, shallow=False)
    return bool(names) and not mismatch and not errors and names == sorted(p.name for p in second.glob("*.epub"))


def measure(options: argparse.Namespace, folder: Path, say: Callable[[str], None]) -> list[Way]:
    """Build the archive every way asked for; return the table's rows."""
    low, high = options.words
    started = time.perf_counter()
    works, manifest = prepare_library(library_folder(options), options.works, low, high, options.workers)
    say(f"the works are in {manifest.parent} ({time.perf_counter() - started:.1f} s to write the missing ones)")
    say(f"{len(works):,} works of {low:,} to {high:,} words, five formats; {options.workers} workers")
    batch = [*EBOOKGEN, "batch", str(manifest), "--jobs", str(options.workers), "-o"]
    ways = []
    if not options.no_local:
        label, out = "`ebookgen batch` (local pool)", folder / "local"
        ways.append(run_batch(label, [*batch, str(out)], out, len(works), descendants, str(options.workers)))
        say(table(ways[-1:]).splitlines()[-1])
    if not options.no_ray and ray_installed(say):
        started = time.perf_counter()
        with LocalRay(options.workers) as cluster:
            say(f"a Ray cluster at {cluster.address}, started in {time.perf_counter() - started:.1f} s")
            command = [*batch, str(folder / "ray"), "--address", cluster.address]
            label = "`ebookgen batch --address` (Ray)"
            ways.append(run_ray(cluster, label, command, folder / "ray", len(works), str(options.workers)))
        say(table(ways[-1:]).splitlines()[-1])
        if not options.no_local and not same_books(folder / "local", folder / "ray"):
            say("!! the Ray batch wrote other EPUBs than the local pool")
    if not options.no_loops:
        loop = loop_commands(works, options.sample, folder / "loop", calibre=False)
        ways.append(run_loop("a loop of `ebookgen epub`", loop))
        say(table(ways[-1:]).splitlines()[-1])
        if shutil.which("ebook-convert"):
            loop = loop_commands(works, options.calibre_sample, folder / "calibre", calibre=True)
            ways.append(run_loop("a loop of Calibre's `ebook-convert`", loop))
            say(table(ways[-1:]).splitlines()[-1])
        else:
            say("Calibre's ebook-convert is not installed: its row is left out")
    return ways


def run_ray(cluster: LocalRay, label: str, command: list[str], out: Path, total: int, count: str) -> Way:
    """Run the batch as a driver joining the cluster, with the cluster's token."""
    saved = {name: os.environ.get(name) for name in cluster.auth}
    os.environ.update(cluster.auth)  # The driver's environment: batch_environment() copies this one.
    try:
        return run_batch(label, command, out, total, cluster.workers, count)
    finally:
        for name, value in saved.items():
            os.environ.pop(name) if value is None else os.environ.__setitem__(name, value)


def ray_installed(say: Callable[[str], None]) -> bool:
    """Tell whether Ray is installed; say so when it is not."""
    try:
        import ray  # noqa: F401
    except ImportError:
        say("Ray is not installed (pip install 'ebookgen[ray]'): its row is left out")
        return False
    return True


def stop_on_signals() -> None:
    """Turn SIGTERM and SIGHUP into an exit that runs the clean-ups (the cluster stopped, the folder removed)."""
    for name in ("SIGTERM", "SIGHUP"):
        signal.signal(getattr(signal, name), lambda number, _frame: sys.exit(128 + number))


def parse(arguments: list[str] | None = None) -> argparse.Namespace:
    """Read the bench's options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--works", type=int, default=10_000)
    parser.add_argument("--min-words", type=int, default=1_000)
    parser.add_argument("--max-words", type=int, default=200_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="the pool's and the cluster's")
    parser.add_argument("--sample", type=int, default=100, help="works the `ebookgen epub` loop builds")
    parser.add_argument("--calibre-sample", type=int, default=100, help="works the ebook-convert loop builds")
    parser.add_argument("--library", type=Path, help="where the works are kept between runs (default: .bench/archive/)")
    parser.add_argument("--no-local", action="store_true", help="leave out the local pool (Ray and the loops only)")
    parser.add_argument("--no-ray", action="store_true")
    parser.add_argument("--no-loops", action="store_true", help="time the batch engines only")
    options = parser.parse_args(arguments)
    options.words = (options.min_words, options.max_words)
    return options


def main(arguments: list[str] | None = None) -> None:
    """Write the archive, build it every way, print one table."""
    options = parse(arguments)
    if importlib.util.find_spec("psutil") is None:  # Without it the workers' memory goes unread, after hours of work.
        raise SystemExit("archive bench: psutil is needed to read the workers' memory: pip install 'ebookgen[bench]'")
    stop_on_signals()
    with tempfile.TemporaryDirectory(prefix="ebookgen-archive-bench-") as temporary:
        # Every way starts with an empty cache of its own, as a first build does: no cover drawn by an earlier way.
        saved = os.environ.get("XDG_CACHE_HOME")
        os.environ["XDG_CACHE_HOME"] = str(Path(temporary) / "cache")
        try:
            ways = measure(options, Path(temporary), lambda line: print(line, flush=True))
        finally:
            os.environ.pop("XDG_CACHE_HOME") if saved is None else os.environ.__setitem__("XDG_CACHE_HOME", saved)
    print()
    print(table(ways))


if __name__ == "__main__":
    main()
