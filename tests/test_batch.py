"""`ebookgen batch` on the local engine: rows for every work, bad works that do not stop it, resume, names."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ebookgen.batch.plan import plan_batch
from ebookgen.batch.results import RESULTS
from ebookgen.batch.run import BatchOptions, run_batch
from ebookgen.batch.sources import Work, works_from
from ebookgen.cli.app import app
from ebookgen.errors import BATCH_INCOMPLETE

from .batchworks import always_dies, bad_works, dies_once, library, write_story
from .conftest import epubcheck_later
from .epubtools import NS, Epub

runner = CliRunner()


def rows(outdir: Path) -> list[dict]:
    """Return the results manifest's rows."""
    return [json.loads(line) for line in (outdir / RESULTS).read_text(encoding="utf-8").splitlines()]


def by_name(outdir: Path) -> dict[str, dict]:
    """Return the last row of each output name."""
    return {row["name"]: row for row in rows(outdir)}


def batch(*args: str | Path):
    """Run `ebookgen batch` in this process, with two workers."""
    return runner.invoke(app, ["batch", *map(str, args), "--jobs", "2"])


def test_a_batch_with_two_bad_works_writes_every_row_and_exits_with_the_batch_code(tmp_path: Path) -> None:
    books = tmp_path / "library"
    good = library(books)
    binary, unknown = bad_works(books)
    out = tmp_path / "out"
    result = batch(books, unknown, "-o", out, "--formats", "epub,kepub")
    assert result.exit_code == BATCH_INCOMPLETE == 7, result.output
    found = by_name(out)
    assert sorted(found) == ["essay", "photo", "the-novel", "work-0", "work-1"]
    assert {name: row["status"] for name, row in found.items()} == {
        "essay": "failed",
        "photo": "failed",
        "the-novel": "done",
        "work-0": "done",
        "work-1": "done",
    }
    assert "binary file" in found["photo"]["error"] and "\n" not in found["photo"]["error"]
    assert "does not read .rtf files" in found["essay"]["error"]
    for name in ("work-0", "work-1", "the-novel"):
        row = found[name]
        assert row["hash"].startswith("sha256:") and row["options"] == {"formats": ["epub", "kepub"]}
        assert [item["path"] for item in row["outputs"]] == [f"{name}.epub", f"{name}.kepub.epub"]
        for item in row["outputs"]:
            assert (out / item["path"]).stat().st_size == item["bytes"]
        assert row["chapters"] >= 1 and row["words"] > 100 and row["seconds"] > 0
        epubcheck_later(out / f"{name}.epub")
    assert str(binary) in result.stderr and "3 built, 0 already current, 2 failed" in result.stdout
    assert sorted(path.name for path in out.iterdir() if path.name.startswith(".")) == []
    assert len(good) == 3


def test_every_work_built_exits_zero(tmp_path: Path) -> None:
    work = write_story(tmp_path / "one.txt")
    result = batch(work, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert [row["status"] for row in rows(tmp_path / "out")] == ["done"]


def test_a_rerun_skips_current_works_and_force_builds_them_again(tmp_path: Path) -> None:
    books, out = tmp_path / "library", tmp_path / "out"
    library(books)
    assert batch(books, "-o", out).exit_code == 0
    before = {path.name: path.stat().st_mtime_ns for path in out.glob("*.epub")}
    again = batch(books, "-o", out)
    assert again.exit_code == 0 and "0 built, 3 already current" in again.stdout
    assert {path.name: path.stat().st_mtime_ns for path in out.glob("*.epub")} == before
    assert [row["status"] for row in rows(out)] == ["skipped"] * 3  # The current state: one row a work.
    forced = batch(books, "-o", out, "--force")
    assert forced.exit_code == 0 and "3 built, 0 already current" in forced.stdout
    assert [row["status"] for row in rows(out)] == ["done"] * 3


def test_a_missing_output_or_a_changed_source_or_option_redoes_only_that_work(tmp_path: Path) -> None:
    books, out = tmp_path / "library", tmp_path / "out"
    library(books)
    manifest = tmp_path / "works.jsonl"
    lines = [{"source": "library/work-0.txt"}, {"source": "library/work-1.txt", "title": "First"}]
    manifest.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    assert batch(manifest, books / "novel", "-o", out).exit_code == 0
    write_story(books / "work-0.txt", 500, 77)  # A changed source.
    lines[1]["title"] = "Second"  # A changed option (the slug stays work-1's: the name comes from the title).
    manifest.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    (out / "the-novel.epub").unlink()
    batch(manifest, books / "novel", "-o", out)
    assert {row["name"]: row["status"] for row in rows(out)} == {
        "work-0": "done",
        "first": "done",  # The first run's row of the book it still has in OUTDIR.
        "second": "done",
        "the-novel": "done",
    }
    assert batch(manifest, books / "novel", "-o", out).stdout.startswith("3 works: 0 built, 3 already current")


def test_colliding_names_are_resolved_the_same_way_in_any_order(tmp_path: Path) -> None:
    a, b, c = (write_story(tmp_path / folder / "story.txt") for folder in ("b", "a", "c"))
    titled = write_story(tmp_path / "story-2.txt")  # Its own slug is story-2: it keeps it.
    one = {str(p.work.source): p.name for p in plan_batch(works_from([a, b, c, titled]), tmp_path / "o", ("epub",))}
    two = {str(p.work.source): p.name for p in plan_batch(works_from([titled, c, b, a]), tmp_path / "o", ("epub",))}
    assert one == two == {str(b): "story", str(a): "story-3", str(c): "story-4", str(titled): "story-2"}
    out = tmp_path / "out"
    assert batch(c, titled, b, a, "-o", out).exit_code == 0
    assert {row["source"]: row["name"] for row in rows(out)} == one
    assert sorted(path.name for path in out.glob("*.epub")) == sorted(f"{name}.epub" for name in one.values())


def test_a_csv_and_a_json_lines_manifest_give_each_work_its_metadata_and_options(tmp_path: Path) -> None:
    write_story(tmp_path / "texts" / "one.txt", seed=3)
    write_story(tmp_path / "texts" / "two.md", seed=4)
    (tmp_path / "works.csv").write_text(
        "source,title,author,formats\ntexts/one.txt,The First One,Ann Lee,epub\n"
        'texts/two.md,"Two, Again",Bo Park,"epub,kepub"\n',
        encoding="utf-8",
    )
    row = {"source": "texts/one.txt", "title": "Third", "author": "Cy", "lang": "fr", "scene_breaks": "blank-lines"}
    (tmp_path / "more.jsonl").write_text(json.dumps(row) + "\n\n", encoding="utf-8")
    out = tmp_path / "out"
    result = batch(tmp_path / "works.csv", tmp_path / "more.jsonl", "-o", out)
    assert result.exit_code == 0, result.output
    found = by_name(out)
    assert sorted(found) == ["the-first-one", "third", "two-again"]
    assert found["two-again"]["options"] == {"title": "Two, Again", "author": "Bo Park", "formats": ["epub", "kepub"]}
    assert found["two-again"]["origin"].endswith("works.csv:3") and (out / "two-again.kepub.epub").is_file()
    assert found["third"]["options"]["language"] == "fr"
    for name, title, author, language in (
        ("the-first-one", "The First One", "Ann Lee", "en"),
        ("third", "Third", "Cy", "fr"),
    ):
        opf = Epub(out / f"{name}.epub").opf
        assert opf.findtext(".//dc:title", namespaces=NS) == title
        assert opf.findtext(".//dc:creator", namespaces=NS) == author
        assert opf.findtext(".//dc:language", namespaces=NS) == language
        epubcheck_later(out / f"{name}.epub")


@pytest.mark.parametrize(
    ("manifest", "text", "message"),
    [
        ("works.csv", "source,colour\nx.txt,red\n", "works.csv:2: unknown column 'colour'"),
        ("works.csv", "title\nNo Source\n", "works.csv:2: no source"),
        ("works.jsonl", '{"source": "x.txt"}\n[1]\n', "works.jsonl:2: each line must be a JSON object"),
        ("works.jsonl", '{"source": "x.txt", "formats": ["mobi"]}\n', "works.jsonl:1: unknown format 'mobi'"),
    ],
)
def test_a_manifest_mistake_stops_the_batch_naming_its_line(tmp_path: Path, manifest, text, message) -> None:
    (tmp_path / manifest).write_text(text, encoding="utf-8")
    result = batch(tmp_path / manifest, "-o", tmp_path / "out")
    assert result.exit_code == 3 and message in result.stderr and "Traceback" not in result.output


def test_a_bad_command_line_is_refused_before_any_work(tmp_path: Path) -> None:
    work = write_story(tmp_path / "one.txt")
    assert batch(work, "-o", tmp_path / "out", "--formats", "mobi").exit_code == 3
    assert batch(work, "-o", tmp_path / "out", "--engine", "spark").exit_code == 3
    assert batch(work, "-o", tmp_path / "out", "--engine", "ray", "--time-limit", "5").exit_code == 3
    assert batch(work, "-o", work).exit_code == 4
    assert batch(tmp_path / "empty-folder-that-is-not-there", "-o", tmp_path / "out").exit_code == 7
    assert not (tmp_path / "out" / "one.epub").exists()


def test_a_killed_worker_has_its_work_built_again_and_nothing_is_lost(tmp_path: Path) -> None:
    books, out = tmp_path / "library", tmp_path / "out"
    library(books)
    write_story(books / "doomed.txt", 400, 5)
    result = run_batch([books], out, BatchOptions(jobs=2), builder=dies_once)
    assert (result.done, result.failed) == (4, 0)
    assert (books / "doomed.txt.died").is_file()
    assert sorted(row["name"] for row in rows(out)) == ["doomed", "the-novel", "work-0", "work-1"]
    assert not [path for path in out.iterdir() if path.name.endswith(".part")]
    epubcheck_later(out / "doomed.epub")


def test_a_work_that_kills_every_worker_fails_alone_and_the_batch_goes_on(tmp_path: Path) -> None:
    books, out = tmp_path / "library", tmp_path / "out"
    library(books)
    write_story(books / "doomed.txt", 400, 5)
    result = run_batch([books], out, BatchOptions(jobs=2), builder=always_dies)
    assert (result.done, result.failed) == (3, 1)
    (row,) = [row for row in rows(out) if row["status"] == "failed"]
    assert row["name"] == "doomed" and "the worker process died building it, 3 times alone" in row["error"]


def test_a_results_line_cut_short_by_a_crash_is_ignored_and_not_glued_to(tmp_path: Path) -> None:
    work, out = write_story(tmp_path / "one.txt"), tmp_path / "out"
    assert batch(work, "-o", out).exit_code == 0
    with (out / RESULTS).open("a", encoding="utf-8") as handle:
        handle.write('{"source": "cut sh')
    assert batch(work, "-o", out).exit_code == 0
    assert [row["status"] for row in rows(out)] == ["skipped"]  # The cut line is gone: one row a work.


def test_the_build_sees_the_drivers_timestamp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    work = write_story(tmp_path / "one.txt")
    os.utime(work, (1_600_000_000, 1_600_000_000))
    (planned,) = plan_batch([Work(work, str(work))], tmp_path / "out", ("epub",))
    assert planned.epoch == 1_600_000_000
    with monkeypatch.context() as changed:
        changed.setenv("SOURCE_DATE_EPOCH", "1234567890")
        (later,) = plan_batch([Work(work, str(work))], tmp_path / "out", ("epub",))
    assert later.epoch == 1234567890 and later.key == planned.key


@pytest.mark.slow
def test_a_pdf_row_records_its_pages(tmp_path: Path) -> None:
    work, out = write_story(tmp_path / "one.txt", 900, 2), tmp_path / "out"
    result = batch(work, "-o", out, "--formats", "pdf,epub")
    assert result.exit_code == 0, result.output
    (row,) = rows(out)
    pdf, epub = row["outputs"]
    assert (pdf["format"], pdf["path"], epub["path"]) == ("pdf", "one.pdf", "one.epub")
    assert pdf["pages"] >= 4 and pdf["bytes"] == (out / "one.pdf").stat().st_size
    assert (out / "one.pdf").read_bytes().startswith(b"%PDF")
