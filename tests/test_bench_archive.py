"""The archive bench (`make bench-archive`): the same generated works every run, five formats, one table.

No timing is asserted: the figures live in docs/archive.md. The tests hold what the figures stand on: the works
(sizes spread over the log scale in every stretch of the batch, every format, the same bytes each run, each one a
book ebookgen builds), the progress and memory readings, and the printed table's shape on a tiny run.
"""

from __future__ import annotations

import importlib.util
import json
import math
import shutil
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def load(name: str):
    """Load a module of bench/ (bench/ is not a package)."""
    spec = importlib.util.spec_from_file_location(f"ebookgen_{name}", ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its records (dataclasses) look their module up while being made
    spec.loader.exec_module(module)
    return module


archive = load("archive")
works = load("archive_works")


def test_the_plan_is_the_same_every_run_and_spreads_sizes_over_every_stretch():
    plan = works.archive_plan(1_000)
    assert plan == works.archive_plan(1_000)
    assert all(1_000 <= spec.words <= 200_000 for spec in plan)
    for start in range(0, 1_000, 100):  # Each tenth of the batch: short stories and novels alike.
        stretch = sorted(spec.words for spec in plan[start : start + 100])
        assert stretch[0] < 2_000 and stretch[-1] > 150_000
        assert 10_000 < stretch[50] < 20_000  # The log scale's middle: 1,000 x sqrt(200) is 14,142 words.
        assert stretch == sorted(spec.words for spec in plan[:100])  # The same mix: the first tenth measures all.


def test_each_format_spans_the_sizes_in_every_block():
    # The Word documents peak highest: a block whose longest is 51,000 words let memory rise after the first tenth.
    block = works.archive_plan(works.BLOCK, 1_000, 200_000)
    for form in works.FORMS:
        sizes = [spec.words for spec in block if spec.form == form]
        assert min(sizes) < 1_500 and max(sizes) > 140_000, form


def test_the_formats_take_turns_and_each_spans_the_sizes():
    plan = works.archive_plan(500)
    assert {spec.form for spec in plan[:5]} == set(works.FORMS)
    assert Counter(spec.form for spec in plan) == dict.fromkeys(works.FORMS, 100)
    for form in works.FORMS:
        sizes = [spec.words for spec in plan if spec.form == form]
        assert min(sizes) < 3_000 and max(sizes) > 100_000, form
    assert len({spec.title for spec in plan}) == len(plan)


def test_the_works_are_written_the_same_bytes_each_time(tmp_path: Path):
    plan = works.archive_plan(10, 300, 3_000)
    first = works.write_archive(tmp_path / "first", plan)
    second = works.write_archive(tmp_path / "second", plan)
    assert [path.suffix for path in first[:5]] == [".txt", ".md", ".docx", ".html", ".epub"]
    for one, other in zip(first, second, strict=True):
        assert one.read_bytes() == other.read_bytes(), one.name


def test_the_works_are_written_once_and_reused_by_every_run_and_size(tmp_path: Path):
    library = tmp_path / "library"
    first, manifest = archive.prepare_library(library, 6, 300, 3_000, processes=2)
    written = {path.name: (path.read_bytes(), path.stat().st_mtime_ns) for path in first}
    first[2].unlink()  # A work lost (or never finished): written again, the same bytes.
    again, bigger = archive.prepare_library(library, 8, 300, 3_000)
    assert again[:6] == first and bigger != manifest
    for path in first[:2] + first[3:]:
        assert (path.read_bytes(), path.stat().st_mtime_ns) == written[path.name], path.name  # Not written again.
    assert first[2].read_bytes() == written[first[2].name][0]
    serial = works.write_archive(tmp_path / "serial", works.archive_plan(6, 300, 3_000))
    assert [path.read_bytes() for path in serial] == [path.read_bytes() for path in first]
    rows = manifest.read_text(encoding="utf-8").splitlines()
    assert [json.loads(row)["source"] for row in rows] == [path.name for path in first]
    assert not list(library.glob(".*.part"))


def test_each_format_reads_as_its_book_with_its_words_and_chapters(tmp_path: Path):
    from ebookgen.build import load_book
    from ebookgen.project.manuscript import load_project

    plan = [works.WorkSpec(index, 6_000, form) for index, form in enumerate(works.FORMS)]
    for spec, path in zip(plan, works.write_archive(tmp_path, plan), strict=True):
        chapters = works.chapters_of(spec)
        book = load_book(load_project(path))
        assert book.metadata.title == spec.title, spec.form
        assert len(book.chapters) == len(chapters), spec.form
        assert [chapter.title for chapter in book.chapters][-1].endswith(chapters[-1].title), spec.form


def test_rows_are_counted_as_the_results_manifest_grows_and_when_it_is_rewritten(tmp_path: Path):
    results = tmp_path / "results.jsonl"
    count = archive.RowCount(results)
    assert count() == 0
    results.write_text('{"a": 1}\n{"b"', encoding="utf-8")
    assert count() == 1  # A row half written is not yet a work done.
    with results.open("a", encoding="utf-8") as out:
        out.write(': 2}\n{"c": 3}\n')
    assert count() == 3
    results.write_text('{"a": 1}\n{"c": 3}\n', encoding="utf-8")  # Rewritten whole, shorter.
    assert count() == 2


def test_the_flat_column_compares_the_last_mark_with_the_first():
    way = archive.Way
    assert way("pool", "2", 10, 1.0, (100.0, 105.0, 108.0, 110.0)).flat
    assert not way("pool", "2", 10, 1.0, (100.0, 120.0, 120.0, 111.0)).flat
    assert way("pool", "2", 10, 30.0, (1.0, 1.0, 1.0, 1.0)).per_minute == 20


def test_a_tiny_run_prints_one_table_with_a_row_a_way(tmp_path: Path, capsys, monkeypatch):
    calibre = shutil.which("ebook-convert") is not None
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "users-cache"))
    archive.main(
        ["--works", "6", "--min-words", "300", "--max-words", "2000", "--workers", "2", "--no-ray"]
        + ["--sample", "2", "--calibre-sample", "1", "--library", str(tmp_path / "library")]
    )
    printed = capsys.readouterr().out
    lines = printed[printed.index("| way |") :].strip().splitlines()
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    assert header == list(archive.HEADER)
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[2:]]
    labels = ["`ebookgen batch` (local pool)", "a loop of `ebookgen epub`"]
    assert [row[0] for row in rows] == labels + (["a loop of Calibre's `ebook-convert`"] if calibre else [])
    assert all(len(row) == len(header) for row in rows)
    assert rows[0][1:3] == ["2", "6"] and rows[1][1:3] == ["1 process a work", "2"]
    for row in rows:
        assert float(row[3]) > 0 and float(row[4].replace(",", "")) > 0
        peaks = [float(cell.replace(",", "")) for cell in row[5:-1]]
        assert len(peaks) == len(archive.MARKS) == 4  # 1k, 2.5k, 5k and 10k works of a batch of 10,000.
        assert all(peak > 20 for peak in peaks) and peaks == sorted(peaks), row  # A peak so far never falls.
        assert row[-1] == ("yes" if peaks[-1] <= archive.FLAT * peaks[0] else "no")
    assert not (tmp_path / "users-cache").exists()  # Each way drew its covers into a cache of the bench's own.
    assert sorted(path.name for path in (tmp_path / "library").glob("work-*")) == [
        f"work-{spec.index:05d}-{spec.words}w.{spec.form}" for spec in works.archive_plan(6, 300, 2_000)
    ]


@pytest.mark.slow
def test_the_ray_cluster_the_bench_starts_builds_the_batch_and_leaves_no_process(tmp_path: Path):
    pytest.importorskip("ray", reason="Ray is not installed (pip install 'ebookgen[ray]')")
    library, out = tmp_path / "library", tmp_path / "ray"
    _, manifest = archive.prepare_library(library, 3, 300, 1_000)
    seen: list[int] = []
    with archive.LocalRay(1) as cluster:
        members = cluster.members()
        assert members, "ray start left no process running"
        find = cluster.workers
        cluster.workers = lambda driver: seen.extend(found := find(driver)) or found  # Note each worker found.
        command = [*archive.EBOOKGEN, "batch", str(manifest), "-o", str(out), "--address", cluster.address]
        way = archive.run_ray(cluster, "ray", command, out, 3, "1")
    assert seen, "no Ray worker was found while the batch ran"
    assert (way.works, way.failed) == (3, 0)
    assert len(list(out.glob("*.epub"))) == 3
    assert math.isfinite(way.peaks[-1]) and way.peaks[-1] > 20  # Its workers were found and read.
    import psutil

    left = [process for process in members if process.is_running() and process.status() != psutil.STATUS_ZOMBIE]
    assert not left and not [pid for pid in set(seen) if psutil.pid_exists(pid)]
    assert not cluster.folder.exists()
