"""`ebookgen batch --engine ray` on a Ray instance of this machine: a killed worker, the local engine's bytes.

One Ray start costs seconds, so one test holds both: where Ray is not installed it is skipped.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ebookgen.batch.results import RESULTS
from ebookgen.batch.run import BatchOptions, run_batch

from .batchworks import bad_works, dies_once, library, write_story
from .conftest import epubcheck_later

ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'ebookgen[ray]')")


@pytest.mark.slow
def test_ray_rebuilds_a_killed_workers_work_and_writes_the_local_engines_bytes(tmp_path: Path) -> None:
    books = tmp_path / "library"
    library(books)
    bad_works(books)
    write_story(books / "doomed.txt", 600, 11)
    local, remote = tmp_path / "local", tmp_path / "ray"
    run_batch([books], local, BatchOptions(formats=("epub", "kepub"), jobs=2))
    result = run_batch(
        [books], remote, BatchOptions(formats=("epub", "kepub"), engine="ray", jobs=2), builder=dies_once
    )
    assert (result.done, result.failed) == (4, 1)
    assert (books / "doomed.txt.died").is_file()  # A Ray worker did die mid-write.
    lines = [json.loads(line) for line in (remote / RESULTS).read_text(encoding="utf-8").splitlines()]
    assert sorted(row["name"] for row in lines) == ["doomed", "photo", "the-novel", "work-0", "work-1"]
    books_written = sorted(path.name for path in local.glob("*.epub"))
    assert books_written == sorted(path.name for path in remote.glob("*.epub")) and len(books_written) == 8
    for name in books_written:
        assert (local / name).read_bytes() == (remote / name).read_bytes(), name
    assert not [path for path in remote.iterdir() if path.name.startswith(".")]
    epubcheck_later(remote / "doomed.epub")
    assert not ray.is_initialized()
