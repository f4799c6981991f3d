"""Benchmark `ebookgen batch`: a library of generated works to EPUB, in works per minute.

Usage: python bench/batch.py [--works 200] [--min-words 1000] [--max-words 50000] [--workers 1,2]
                             [--sample 40] [--calibre-sample 12] [--no-ray] [--no-loops]

It writes `--works` generated works (fan-fiction-like chapters, sizes spread evenly between the two word
counts, the same every run) and times, each from a fresh process, as a user would run it:
`ebookgen batch` on the local engine and on Ray started on this machine, at each number of workers; a shell
loop of single `ebookgen epub` processes; Calibre's `ebook-convert` in a loop where it is installed. The loops
take every k-th work (`--sample`, `--calibre-sample`): a rate, not a total, so a sample of the same sizes
tells it. The batch outputs of every run are compared: every engine writes the same bytes.
"""

from __future__ import annotations

import argparse
import filecmp
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import synthetic_manuscript  # bench/bench.py

ROOT = Path(__file__).resolve().parent.parent
EBOOKGEN = [sys.executable, "-m", "ebookgen", "--quiet"]


def write_library(folder: Path, works: int, low: int, high: int) -> list[Path]:
    """Write the generated works, their sizes spread evenly between low and high words."""
    chance = random.Random(20)
    folder.mkdir(parents=True)
    paths = []
    for number in range(works):
        words = low + (high - low) * number // max(1, works - 1)
        path = folder / f"work-{number:03d}.txt"
        path.write_text(synthetic_manuscript(words, seed=chance.randrange(1 << 30)), encoding="utf-8")
        paths.append(path)
    chance.shuffle(paths)  # Sizes in no order, as a real library's are.
    return paths


def timed(command: list[str]) -> float:
    """Run a command and return its wall-clock seconds; stop the bench if it fails."""
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode:
        raise SystemExit(f"bench: {' '.join(command[:6])}... failed ({done.returncode}): {done.stderr[-500:]}")
    return seconds


def batch_run(library: Path, out: Path, engine: str, workers: int) -> float:
    """Time one `ebookgen batch` of the whole library into an empty folder."""
    shutil.rmtree(out, ignore_errors=True)
    return timed([*EBOOKGEN, "batch", str(library), "-o", str(out), "--engine", engine, "--jobs", str(workers)])


def loop_run(works: list[Path], out: Path, calibre: bool) -> float:
    """Time one process a work, one after another: `ebookgen epub`, or Calibre's `ebook-convert`."""
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    for work in works:
        target = out / f"{work.stem}.epub"
        command = (
            ["ebook-convert", str(work), str(target)] if calibre else [*EBOOKGEN, "epub", str(work), "-o", str(target)]
        )
        if subprocess.run(command, capture_output=True).returncode:
            raise SystemExit(f"bench: {command[0]} failed on {work}")
    return time.perf_counter() - started


def same_books(first: Path, second: Path) -> bool:
    """Tell whether two batch folders hold the same EPUBs, byte for byte."""
    names = sorted(path.name for path in first.glob("*.epub"))
    match, mismatch, errors = filecmp.cmpfiles(first, second, names, shallow=False)
    return bool(names) and not mismatch and not errors and names == sorted(p.name for p in second.glob("*.epub"))


def per_minute(works: int, seconds: float) -> str:
    """Format a rate in works a minute."""
    return f"{60 * works / seconds:,.0f}"


def main() -> None:
    """Write the library, time every way of building it, print one table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--works", type=int, default=200)
    parser.add_argument("--min-words", type=int, default=1_000)
    parser.add_argument("--max-words", type=int, default=50_000)
    parser.add_argument("--workers", default="1,2", help="numbers of workers to time each engine with")
    parser.add_argument("--sample", type=int, default=40, help="works the `ebookgen epub` loop builds")
    parser.add_argument("--calibre-sample", type=int, default=12, help="works the ebook-convert loop builds")
    parser.add_argument("--no-ray", action="store_true")
    parser.add_argument("--no-loops", action="store_true", help="time the batch engines only")
    options = parser.parse_args()
    counts = [int(count) for count in options.workers.split(",")]
    try:
        import ray  # noqa: F401

        engines = ["local"] if options.no_ray else ["local", "ray"]
    except ImportError:
        print("Ray is not installed (pip install 'ebookgen[ray]'): its figures are skipped")
        engines = ["local"]
    with tempfile.TemporaryDirectory(prefix="ebookgen-batch-bench-") as temporary:
        folder = Path(temporary)
        works = write_library(folder / "library", options.works, options.min_words, options.max_words)
        words = sum(len(path.read_text(encoding="utf-8").split()) for path in works)
        print(f"{len(works)} works, {words:,} words ({options.min_words:,} to {options.max_words:,} each)\n")
        print("| way | workers | works | seconds | works a minute |\n|---|---|---|---|---|")
        first, identical = None, True
        for engine in engines:
            for count in counts:
                out = folder / f"{engine}-{count}"
                seconds = batch_run(folder / "library", out, engine, count)
                print(
                    f"| `ebookgen batch --engine {engine}` | {count} | {len(works)} | {seconds:.1f} | "
                    f"{per_minute(len(works), seconds)} |",
                    flush=True,
                )
                if first is None:
                    first = out
                elif not same_books(first, out):
                    identical = False
                    print(f"  !! {out.name} wrote other bytes than {first.name}")
        loops = [] if options.no_loops else [("a loop of `ebookgen epub`", options.sample, False)]
        if options.no_loops:
            pass
        elif shutil.which("ebook-convert"):
            loops.append(("a loop of Calibre's `ebook-convert`", options.calibre_sample, True))
        else:
            print("Calibre's ebook-convert is not installed: its figures are skipped")
        for label, sample, calibre in loops:
            chosen = works[:: max(1, len(works) // sample)][:sample]
            seconds = loop_run(chosen, folder / label.split()[-1].strip("`"), calibre)
            print(f"| {label} | 1 | {len(chosen)} | {seconds:.1f} | {per_minute(len(chosen), seconds)} |", flush=True)
        if identical and len(engines) * len(counts) > 1:
            print("\nevery batch run wrote the same EPUBs, byte for byte")


if __name__ == "__main__":
    main()
