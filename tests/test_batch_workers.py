"""A batch's workers are replaced after a number of works, so a long batch's memory a worker stays flat.

What a worker's heap keeps after each large book made its peak memory grow as the batch went on (the archive
bench, docs/archive.md); fresh workers every ``WORKS_PER_WORKER`` works a worker bound it.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import ebookgen.batch.local as local
from ebookgen.batch.run import BatchOptions, run_batch

from .batchworks import pid_noted, warmth_noted, write_story


def five_works_two_a_worker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, builder):
    """Build a library of five works on one worker slot, two works a worker (the pool is replaced twice)."""
    monkeypatch.setattr(local, "WORKS_PER_WORKER", 2)
    books = tmp_path / "library"
    for number in range(5):
        write_story(books / f"work-{number}.txt", 150, number)
    return books, run_batch([books], tmp_path / "out", BatchOptions(jobs=1), builder=builder)


def test_the_local_pool_replaces_its_workers_after_their_share_of_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    books, result = five_works_two_a_worker(tmp_path, monkeypatch, pid_noted)
    assert (result.done, result.failed) == (5, 0)
    notes = [line.split() for line in (books / "pids").read_text(encoding="ascii").splitlines()]
    assert sorted(work for work, _ in notes) == [f"work-{number}" for number in range(5)]  # Each built once.
    per_worker = Counter(pid for _, pid in notes)
    assert sorted(per_worker.values()) == [1, 2, 2]  # Three workers, one after another, two works each at most.
    assert len(list((tmp_path / "out").glob("*.epub"))) == 5


def test_a_long_batchs_workers_start_warm_so_their_memory_does_not_grow_with_their_first_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    books, result = five_works_two_a_worker(tmp_path, monkeypatch, warmth_noted)
    assert (result.done, result.failed) == (5, 0)
    notes = [line.split() for line in (books / "warmth").read_text(encoding="ascii").splitlines()]
    assert len({pid for _, pid, _ in notes}) == 3
    assert [warmth for _, _, warmth in notes] == ["warm"] * 5  # Each worker's first work too.
