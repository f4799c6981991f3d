"""`ebookgen batch --engine ray` on a Ray instance of this machine: a killed worker, the local engine's bytes.

One Ray start costs seconds, so there are two tests: one Ray of its own, one cluster joined; both are skipped
where Ray is not installed, except under `make test`, which installs it (EBOOKGEN_TEST_RAY=required): there a
missing Ray fails them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import psutil
import pytest

from ebookgen.batch.results import RESULTS
from ebookgen.batch.run import BatchOptions, run_batch

from .batchworks import bad_works, dies_once, library, write_story
from .conftest import epubcheck_later, run_cli

if os.environ.get("EBOOKGEN_TEST_RAY") == "required":  # `make test` installs Ray: its tests must run, not skip.
    import ray
else:
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


HEAD = """
import sys, ray
context = ray.init(num_cpus=2, include_dashboard=False)
print(context.address_info["gcs_address"], flush=True)
sys.stdin.read()  # The cluster lives until the test closes this process's stdin.
"""


@pytest.mark.slow
def test_the_command_joins_a_running_cluster_at_its_address(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Without a token, whether or not this machine's user has one (~/.ray/auth_token turns Ray's token mode on).
    monkeypatch.setenv("RAY_AUTH_MODE", "disabled")
    books, out = tmp_path / "library", tmp_path / "out"
    library(books)
    head = subprocess.Popen([sys.executable, "-c", HEAD], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    cluster = []
    try:
        address = head.stdout.readline().strip()
        assert address, "the Ray head did not start"
        cluster = psutil.Process(head.pid).children(recursive=True)  # Its GCS server, raylet, workers.
        assert cluster, "the Ray head started no processes of its own"
        result = run_cli("batch", str(books), "-o", str(out), "--address", address)
        assert result.returncode == 0, result.stderr
        assert "3 works: 3 built" in result.stdout
    finally:
        head.stdin.close()
        head.wait(timeout=60)
        _, alive = psutil.wait_procs(cluster, timeout=60)
    assert not alive, f"the cluster's processes outlived it: {[process.name() for process in alive]}"
    assert sorted(path.name for path in out.glob("*.epub")) == ["the-novel.epub", "work-0.epub", "work-1.epub"]
