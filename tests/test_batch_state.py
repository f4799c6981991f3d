"""Issue 31 item 11: results.jsonl is the current state; a bad manifest row is one failed work or one line."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ebookgen.batch.plan import Planned
from ebookgen.batch.results import RESULTS
from ebookgen.batch.run import BatchOptions, run_batch
from ebookgen.batch.task import Outcome, build_work
from ebookgen.cli.app import app
from ebookgen.errors import BATCH_INCOMPLETE

from .batchworks import library, write_story

runner = CliRunner()


def rows(outdir: Path) -> list[dict]:
    """Return the results manifest's rows."""
    return [json.loads(line) for line in (outdir / RESULTS).read_text(encoding="utf-8").splitlines()]


def batch(*args: str | Path):
    """Run `ebookgen batch` in this process, with two workers."""
    return runner.invoke(app, ["batch", *map(str, args), "--jobs", "2"])


def test_two_runs_leave_one_row_a_work_written_whole(tmp_path: Path) -> None:
    books, out = tmp_path / "library", tmp_path / "out"
    library(books, count=4)
    assert batch(books, "-o", out).exit_code == 0
    assert batch(books, "-o", out).exit_code == 0
    found = rows(out)
    assert len(found) == 4 and len({row["name"] for row in found}) == 4
    assert {row["status"] for row in found} == {"skipped"}
    assert sorted(path.name for path in out.iterdir()) == sorted([RESULTS, *(f"{row['name']}.epub" for row in found)])


@pytest.mark.parametrize("outputs", [None, "one.epub", [None], 7])
def test_a_row_a_rerun_cannot_read_builds_its_work_again(tmp_path: Path, outputs) -> None:
    work, out = write_story(tmp_path / "one.txt"), tmp_path / "out"
    assert batch(work, "-o", out).exit_code == 0
    (row,) = rows(out)
    (out / RESULTS).write_text(json.dumps({**row, "outputs": outputs}) + "\n", encoding="utf-8")
    again = batch(work, "-o", out)
    assert again.exit_code == 0, again.output
    assert "1 built, 0 already current" in again.stdout
    assert [row["status"] for row in rows(out)] == ["done"]


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("deep.jsonl", '{"source": "one.txt", "title": ' + "[" * 100_000 + "]" * 100_000 + "}\n", "nested too deeply"),
        ("digits.jsonl", '{"source": "one.txt", "title": ' + "9" * 5000 + "}\n", "digits"),
        ("wide.csv", "source,title\none.txt," + "x" * 140_000 + "\n", "wide.csv:2"),
    ],
)
def test_a_manifest_value_too_big_to_read_is_one_line_naming_it(tmp_path: Path, name, text, message) -> None:
    write_story(tmp_path / "one.txt")
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = batch(tmp_path / name, "-o", tmp_path / "out")
    assert result.exit_code == 3, result.output
    assert message in result.stderr and "unexpected" not in result.stderr and "Traceback" not in result.output
    assert f"{name}:1" in result.stderr or f"{name}:2" in result.stderr


@pytest.mark.parametrize("manifest", ["works.csv", "works.jsonl"])
def test_a_nul_byte_in_one_row_is_one_failed_work(tmp_path: Path, manifest: str) -> None:
    write_story(tmp_path / "one.txt")
    write_story(tmp_path / "two.txt", seed=2)
    if manifest.endswith(".csv"):
        text = "source,title\none.txt,One\ntw\0o.txt,Two\n"
    else:
        text = "\n".join(json.dumps(row) for row in ({"source": "one.txt"}, {"source": "tw\0o.txt"})) + "\n"
    (tmp_path / manifest).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = batch(tmp_path / manifest, "-o", out)
    assert result.exit_code == BATCH_INCOMPLETE, result.output
    assert "unexpected" not in result.output and "Traceback" not in result.output
    first, second = (2, 3) if manifest.endswith(".csv") else (1, 2)
    statuses = sorted((row["status"], row["origin"].rsplit("/", 1)[-1]) for row in rows(out))
    assert statuses == [("done", f"{manifest}:{first}"), ("failed", f"{manifest}:{second}")]
    (failed,) = [row for row in rows(out) if row["status"] == "failed"]
    assert "NUL byte" in failed["error"] and f"{manifest}:{second}" in failed["error"]


def test_a_manifest_source_outside_its_folder_needs_allow_outside(tmp_path: Path) -> None:
    write_story(tmp_path / "secret" / "diary.txt")
    works = tmp_path / "works"
    write_story(works / "one.txt")
    (works / "inside-link.txt").symlink_to(tmp_path / "secret" / "diary.txt")
    lines = [{"source": "one.txt"}, {"source": "../secret/diary.txt", "title": "Diary"}, {"source": "inside-link.txt"}]
    (works / "works.jsonl").write_text("\n".join(map(json.dumps, lines)) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    refused = batch(works / "works.jsonl", "-o", out)
    assert refused.exit_code == BATCH_INCOMPLETE
    failed = [row for row in rows(out) if row["status"] == "failed"]
    assert len(failed) == 2 and all("--allow-outside" in row["error"] for row in failed)
    assert sorted(path.name for path in out.glob("*.epub")) == ["one.epub"]
    allowed = batch(works / "works.jsonl", "-o", out, "--allow-outside")
    assert allowed.exit_code == 0, allowed.output
    assert {row["status"] for row in rows(out)} <= {"done", "skipped"} and len(list(out.glob("*.epub"))) == 3


def interrupting(planned: Planned) -> Outcome:
    """Build a work; the work named `stop` first has Ctrl-C sent to the driver, once the others are built."""
    if planned.work.source.stem == "stop":
        os.kill(os.getppid(), signal.SIGINT)
    return build_work(planned)


def test_after_ctrl_c_every_finished_work_has_its_row(tmp_path: Path) -> None:
    books, out = tmp_path / "library", tmp_path / "out"
    for number in range(6):
        write_story(books / f"work-{number}.txt", 200, number)
    write_story(books / "stop.txt", 200, 9)
    with pytest.raises(KeyboardInterrupt):
        run_batch([books], out, BatchOptions(jobs=2), builder=interrupting)
    built = sorted(path.stem for path in out.glob("*.epub"))
    recorded = sorted(row["name"] for row in rows(out) if row["status"] == "done")
    assert built == recorded
    assert len({row["name"] for row in rows(out)}) == len(rows(out))
    assert not [path for path in out.iterdir() if path.name.startswith(".")]
