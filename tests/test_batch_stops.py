"""Issue 31 items 4 and 13: a batch can always be stopped, and leaves nothing behind.

A work's time limit, Ctrl-C or SIGTERM to the whole process group, ``kill -9`` of the driver: the workers stop
with it, no traceback is printed, every finished work has its row, and TMPDIR holds nothing of the batch.
The tests wait on states (a work says it started; a process is gone), never on a clock.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import ebookgen.batch.limits as limits
from ebookgen.batch.results import RESULTS
from ebookgen.batch.run import BatchOptions, run_batch
from ebookgen.scratch import sweep_stale

from .batchworks import slow_or_built, write_story

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to follow the workers")


def rows(outdir: Path) -> list[dict]:
    """Return the results manifest's rows."""
    return [json.loads(line) for line in (outdir / RESULTS).read_text(encoding="utf-8").splitlines()]


def alive(pid: int) -> bool:
    """Tell whether a process still runs (a zombie does not count)."""
    try:
        return "\nState:\tZ" not in Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False


def until(condition, bound: float = 60) -> bool:
    """Wait until the condition holds; the bound only ends a broken test, the loop ends on the state."""
    deadline = time.monotonic() + bound
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.05)
    return condition()


def started(books: Path) -> list[int]:
    """Return the worker processes that said they started a slow work."""
    return [int(marker.read_text()) for marker in books.glob("*.started") if marker.read_text()]


def start_batch(tmp_path: Path, books: Path, *args: str) -> subprocess.Popen:
    """Start `ebookgen batch` in a process group of its own, its slow works never ending."""
    scratch = tmp_path / "tmp"
    scratch.mkdir(exist_ok=True)
    command = [sys.executable, "-c", "import tests.batchworks as b; b.batch_with_slow_works()"]
    command += ["batch", str(books), "-o", str(tmp_path / "out"), "--jobs", "2", *args]
    environment = {**os.environ, "TMPDIR": str(scratch), "PYTHONPATH": os.pathsep.join([str(ROOT), *sys.path])}
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env=environment,
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def slow_library(books: Path) -> None:
    """Write a library of two quick works and two that never end."""
    for name in ("a-quick", "b-quick"):
        write_story(books / f"{name}.txt", 200)
    for name in ("slow-1", "slow-2"):
        write_story(books / f"{name}.txt", 200)


def test_a_work_past_its_time_limit_fails_and_the_batch_goes_on(tmp_path: Path, monkeypatch) -> None:
    books, out = tmp_path / "library", tmp_path / "out"
    write_story(books / "a-instant.txt", 200)
    write_story(books / "slow-1.txt", 200)
    monkeypatch.setattr(limits, "GRACE", 30.0)  # the alarm stops it: the watchdog is not needed
    result = run_batch([books], out, BatchOptions(jobs=2, time_limit=1), builder=slow_or_built)
    assert (result.done, result.failed) == (1, 1)
    found = {row["name"]: row for row in rows(out)}
    assert found["a-instant"]["status"] == "done"
    assert found["slow-1"]["status"] == "failed" and "time limit of 1 s" in found["slow-1"]["error"]


def test_a_work_stuck_where_no_alarm_reaches_is_killed_once_and_failed(tmp_path: Path, monkeypatch) -> None:
    books, out = tmp_path / "library", tmp_path / "out"
    write_story(books / "a-instant.txt", 200)
    write_story(books / "stuck-1.txt", 200)
    monkeypatch.setattr(limits, "GRACE", 0.5)  # the workers are forked from here: they see it too
    result = run_batch([books], out, BatchOptions(jobs=2, time_limit=0.5), builder=slow_or_built)
    assert (result.done, result.failed) == (1, 1)
    (row,) = [row for row in rows(out) if row["status"] == "failed"]
    assert row["name"] == "stuck-1" and "time limit" in row["error"]  # not built again three times, not "died"


@pytest.mark.parametrize(("name", "code"), [("SIGTERM", 143), ("SIGINT", 130)])
def test_a_signal_to_the_group_stops_a_busy_batch(tmp_path: Path, name: str, code: int) -> None:
    books = tmp_path / "library"
    slow_library(books)
    batch = start_batch(tmp_path, books)
    assert until(lambda: len(started(books)) == 2 or batch.poll() is not None)
    workers = started(books)
    os.killpg(batch.pid, getattr(signal, name))
    _, errors = batch.communicate(timeout=60)
    assert batch.returncode == code, errors
    assert "Traceback" not in errors and len(errors.strip().splitlines()) == 1, errors
    assert "the works finished so far are in" in errors
    assert until(lambda: not [pid for pid in workers if alive(pid)])
    out = tmp_path / "out"
    built = sorted(path.stem for path in out.glob("*.epub"))
    assert built == sorted(row["name"] for row in rows(out) if row["status"] == "done")  # each has its row
    assert not [path for path in out.iterdir() if path.name.startswith(".")]
    assert list((tmp_path / "tmp").iterdir()) == []


def test_a_test_run_killed_before_it_signals_the_batch_leaves_no_process(tmp_path: Path) -> None:
    """The slow-works batch dies with the process that started it (a test run stopped by kill -9), its workers too."""
    books = tmp_path / "library"
    slow_library(books)
    driver_file = tmp_path / "driver.pid"
    starter = (
        "import sys, pathlib\n"
        "sys.path.insert(0, sys.argv[1])\n"
        "from tests.test_batch_stops import start_batch\n"
        "batch = start_batch(pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3]))\n"
        "pathlib.Path(sys.argv[4]).write_text(str(batch.pid))\n"
        "batch.wait()\n"
    )
    middle = subprocess.Popen([sys.executable, "-c", starter, str(ROOT), str(tmp_path), str(books), str(driver_file)])
    assert until(lambda: len(started(books)) == 2 or middle.poll() is not None)
    driver, workers = int(driver_file.read_text()), started(books)
    os.kill(middle.pid, signal.SIGKILL)
    middle.wait(timeout=60)
    assert until(lambda: not alive(driver) and not [pid for pid in workers if alive(pid)])


def test_the_workers_die_with_a_killed_driver(tmp_path: Path) -> None:
    books = tmp_path / "library"
    slow_library(books)
    batch = start_batch(tmp_path, books)
    assert until(lambda: len(started(books)) == 2 or batch.poll() is not None)
    workers = started(books)
    os.kill(batch.pid, signal.SIGKILL)
    batch.communicate(timeout=60)
    assert until(lambda: not [pid for pid in workers if alive(pid)])
    # What it left in TMPDIR is stale: the next batch removes it.
    left = list((tmp_path / "tmp").iterdir())
    assert [path.name.split("-")[:3] for path in left] == [["ebookgen", str(batch.pid), "batch"]]
    assert sweep_stale(tmp_path / "tmp") == left and list((tmp_path / "tmp").iterdir()) == []


def test_a_finished_pdf_batch_leaves_nothing_in_tmpdir(tmp_path: Path) -> None:
    books = tmp_path / "library"
    write_story(books / "one.txt", 300, 1)
    write_story(books / "two.txt", 300, 2)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    command = [sys.executable, "-m", "ebookgen", "-q", "batch", str(books), "-o", str(tmp_path / "out")]
    command += ["--jobs", "2", "--formats", "pdf"]
    environment = {**os.environ, "TMPDIR": str(scratch), "PYTHONPATH": os.pathsep.join([str(ROOT), *sys.path])}
    finished = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=600)
    assert finished.returncode == 0, finished.stderr
    assert sorted(path.name for path in (tmp_path / "out").glob("*.pdf")) == ["one.pdf", "two.pdf"]
    assert list(scratch.iterdir()) == []


def test_a_stale_folder_of_a_live_process_or_another_name_is_kept(tmp_path: Path) -> None:
    mine = tmp_path / f"ebookgen-{os.getpid()}-batch-x"
    other = tmp_path / "ebookgen-notanumber-x"
    users = tmp_path / "weasyprint-abc"
    for folder in (mine, other, users):
        folder.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f"ebookgen-{int(dead.stdout)}-chunks-y"
    stale.mkdir()
    (stale / "body-0001.pdf").write_bytes(b"%PDF")
    link = tmp_path / f"ebookgen-{int(dead.stdout)}-chunks-z"
    link.symlink_to(users)
    assert sweep_stale(tmp_path) == [stale]
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted([mine.name, other.name, users.name, link.name])


@pytest.mark.slow
def test_a_killed_pdf_builds_pages_are_removed_by_the_next_build(tmp_path: Path) -> None:
    from .test_robust_faults import long_manuscript

    manuscript = long_manuscript(tmp_path / "novel", 12, 3000)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    environment = {**os.environ, "TMPDIR": str(scratch), "PYTHONPATH": os.pathsep.join([str(ROOT), *sys.path])}
    command = [sys.executable, "-m", "ebookgen", "-q", "pdf", str(manuscript), "--jobs", "2", "--no-cache"]
    build = subprocess.Popen([*command, "-o", str(tmp_path / "a.pdf")], env=environment)

    def chunk_written() -> bool:
        return any(scratch.glob("ebookgen-*-chunks-*/body-*.pdf")) or build.poll() is not None

    assert until(chunk_written, 300)
    os.kill(build.pid, signal.SIGKILL)
    build.wait()
    assert any(scratch.glob(f"ebookgen-{build.pid}-*"))  # kill -9: nothing could remove them
    again = subprocess.run([*command, "-o", str(tmp_path / "b.pdf")], env=environment, timeout=600)
    assert again.returncode == 0
    assert list(scratch.iterdir()) == []
