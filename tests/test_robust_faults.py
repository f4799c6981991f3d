"""Issue 13: faults leave nothing behind: signals, a full disk, odd times and names, long titles, empty shapes."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.model import Metadata

from .conftest import epubcheck_later
from .epubtools import NS, Epub

runner = CliRunner()
STORY = "Chapter 1\n\nIt was a dark night, and the rain fell.\n"


def story(tmp_path: Path) -> Path:
    """Write a one-chapter story."""
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def leftovers(folder: Path) -> list[str]:
    """List what a build left in a folder besides the story: temporary parts, temporary folders."""
    return sorted(path.name for path in folder.iterdir() if path.name != "story.txt")


@pytest.mark.parametrize(("name", "code"), [("SIGTERM", 143), ("SIGHUP", 129)])
def test_a_signal_while_the_book_is_written_leaves_no_part_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, code: int
) -> None:
    source = story(tmp_path)
    original = Path.write_bytes

    def signalled(path: Path, data: bytes) -> int:
        original(path, data[:100])  # Half the book is on disk when the signal comes.
        os.kill(os.getpid(), getattr(signal, name))
        return original(path, data)

    monkeypatch.setattr(Path, "write_bytes", signalled)
    handler = signal.getsignal(signal.SIGTERM)
    result = runner.invoke(app, ["epub", str(source), "-o", str(tmp_path / "book.epub")])
    assert result.exit_code == code, result.output
    assert result.stderr.strip() == f"ebookgen: error: stopped by {name}; nothing was written"
    assert leftovers(tmp_path) == []
    assert source.read_text(encoding="utf-8") == STORY
    assert signal.getsignal(signal.SIGTERM) == handler  # The command puts the handlers back.


def test_a_full_disk_is_exit_4_naming_the_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = story(tmp_path)
    original = Path.write_bytes

    def full(path: Path, data: bytes) -> int:
        original(path, data[:100])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full)
    target = tmp_path / "book.epub"
    result = runner.invoke(app, ["epub", str(source), "-o", str(target)])
    assert result.exit_code == 4, result.output
    assert result.stderr.strip() == (
        f"ebookgen: error: {target}: the disk is full; free some space or write the book elsewhere with -o; "
        "nothing was written"
    )
    assert leftovers(tmp_path) == []


@pytest.mark.slow
def test_a_full_disk_while_the_pdf_is_written_is_exit_4(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ebookgen.pdf import weasy

    source = story(tmp_path)

    def full(document, target: Path, variant: str | None = None) -> None:
        Path(target).write_bytes(b"%PDF-1.7 half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(weasy, "write", full)
    target = tmp_path / "book.pdf"
    result = runner.invoke(app, ["pdf", str(source), "-o", str(target)])
    assert result.exit_code == 4, result.output
    assert result.stderr.strip().startswith(f"ebookgen: error: {target}: the disk is full")
    assert leftovers(tmp_path) == []


def long_manuscript(folder: Path, chapters: int, words: int) -> Path:
    """Write a manuscript long enough for the parallel layout."""
    folder.mkdir()
    sentence = "The rain fell on the roofs of the town, and nobody in the square said a word. "
    for number in range(1, chapters + 1):
        body = "\n\n".join(sentence * 6 for _ in range(words // 90))
        (folder / f"{number:02d}.txt").write_text(f"Chapter {number}\n\n{body}\n", encoding="utf-8")
    return folder


def children_of(pid: int) -> list[int]:
    """Return a process's child processes (Linux)."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def cpu_seconds(pid: int) -> float:
    """Return the processor time a process has used so far (Linux), 0 when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except FileNotFoundError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def laying_out(workers: list[int]) -> bool:
    """Tell whether two workers are up and each has worked past its start-up (half a second of processor time)."""
    return len(workers) >= 2 and all(cpu_seconds(pid) >= 0.5 for pid in workers)


def alive(pid: int) -> bool:
    """Tell whether a process still runs (a zombie does not count)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to find the workers")
@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_a_signal_stops_a_parallel_pdf_build_and_its_workers(tmp_path: Path, name: str) -> None:
    # A book long enough that its layout is far from done when both workers have begun laying out chunks.
    manuscript = long_manuscript(tmp_path / "novel", 24, 6000)
    scratch, out = tmp_path / "tmp", tmp_path / "out"
    scratch.mkdir()
    out.mkdir()
    command = [sys.executable, "-m", "ebookgen", "pdf", str(manuscript), "--jobs", "2", "-o", str(out / "b.pdf")]
    build = subprocess.Popen(command, env={**os.environ, "TMPDIR": str(scratch)}, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120  # a bound on a broken build, not a wait: the loop ends on the state
    while not laying_out(children_of(build.pid)) and build.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = children_of(build.pid)
    assert len(workers) >= 2 and build.poll() is None
    build.send_signal(getattr(signal, name))
    _, errors = build.communicate(timeout=60)
    assert build.returncode == 128 + getattr(signal, name), errors
    assert errors.strip().splitlines()[-1] == f"ebookgen: error: stopped by {name}; nothing was written"
    deadline = time.monotonic() + 30  # a bound on a worker left behind: the loop ends when they are gone
    while [pid for pid in workers if alive(pid)] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in workers if alive(pid)]
    assert list(out.iterdir()) == [] and list(scratch.iterdir()) == []


@pytest.mark.slow
def test_a_finished_parallel_pdf_build_leaves_nothing_in_tmpdir(tmp_path: Path) -> None:
    manuscript = long_manuscript(tmp_path / "novel", 6, 600)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    command = [sys.executable, "-m", "ebookgen", "pdf", str(manuscript), "--jobs", "2", "-o", str(tmp_path / "b.pdf")]
    subprocess.run(command, env={**os.environ, "TMPDIR": str(scratch)}, check=True, capture_output=True)
    assert (tmp_path / "b.pdf").stat().st_size > 1000
    assert list(scratch.iterdir()) == []


@pytest.mark.slow
def test_the_workers_keep_their_temporary_files_in_the_crews_folder() -> None:
    from ebookgen.pdf.parallel import Crew

    with Crew(2) as crew:
        assert crew.pool.submit(tempfile.gettempdir).result() == str(crew.folder)
        folder = crew.folder
    assert not folder.exists()


def test_a_300_word_title_sets_a_cover_by_measuring_only_what_the_cover_shows(monkeypatch) -> None:
    """The cover measures the cut title, not the whole one: a 300-word title costs what a 3,000-word one does.

    (Measuring every word at every size took 9 s for 100 words; no clock is read here.)
    """
    from ebookgen.epub import cover
    from ebookgen.epub.cover import cover_title, generate_cover

    measured = 0
    measure = cover.tracked_width

    def counted(*args, **kwargs):
        nonlocal measured
        measured += 1
        return measure(*args, **kwargs)

    monkeypatch.setattr(cover, "tracked_width", counted)
    costs = []
    for length in (300, 3000):
        measured = 0
        title = " ".join(f"word{number}" for number in range(length))
        generate_cover(Metadata(title=title, authors=("Ann Lee",), subtitle=title, series=title))
        costs.append(measured)
    assert costs[0] == costs[1] < 1000
    words = cover_title(title)
    assert words[-1].endswith("\u2026") and len(words) < 40
    assert cover_title("The Long Night") == ["THE", "LONG", "NIGHT"]
    assert cover_title("A" * 20000)[0].endswith("\u2026")


def test_a_300_word_title_is_whole_in_the_metadata(tmp_path: Path) -> None:
    title = " ".join(f"word{number}" for number in range(300))
    result = runner.invoke(app, ["epub", str(story(tmp_path)), "--title", title, "-o", str(tmp_path / "b.epub")])
    assert result.exit_code == 0, result.output
    assert Epub(tmp_path / "b.epub").opf.findtext(".//dc:title", namespaces=NS) == title
    epubcheck_later(tmp_path / "b.epub")


@pytest.mark.parametrize("epoch", ["4354819199", "9999999999", "99999999999999999"])
def test_a_source_date_epoch_past_2107_is_clamped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, epoch: str) -> None:
    import zipfile

    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    result = runner.invoke(app, ["epub", str(story(tmp_path)), "-o", str(tmp_path / "b.epub")])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(tmp_path / "b.epub") as book:
        assert {info.date_time for info in book.infolist()} == {(2107, 12, 31, 23, 59, 58)}
    assert Epub(tmp_path / "b.epub").metas("dcterms:modified") == ["2107-12-31T23:59:58Z"]
    epubcheck_later(tmp_path / "b.epub")


def test_a_file_time_past_2107_is_clamped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    source = story(tmp_path)
    os.utime(source, (5_000_000_000, 5_000_000_000))
    result = runner.invoke(app, ["epub", str(source), "-o", str(tmp_path / "b.epub")])
    assert result.exit_code == 0, result.output
    assert Epub(tmp_path / "b.epub").metas("dcterms:modified") == ["2107-12-31T23:59:58Z"]


def test_a_file_and_folder_name_that_is_not_utf8_still_gives_a_book(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = Path(os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9-novel"))
    folder.mkdir()
    (folder / os.fsdecode(b"01-caf\xe9.txt")).write_text(STORY, encoding="utf-8")
    (folder / os.fsdecode(b"02-\xff.txt")).write_text("Chapter 2\n\nIt rains\x85 a d\xe9j\xe0 vu.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["epub", str(folder)])
    assert result.exit_code == 0, result.output
    written = folder / "dist" / "caf-xe9-novel.epub"  # beside the manuscript
    assert Epub(written).opf.findtext(".//dc:title", namespaces=NS) == "Caf\\xe9 Novel"
    epubcheck_later(written)
    checked = runner.invoke(app, ["check", str(folder)])
    assert checked.exit_code == 0 and "Traceback" not in checked.output


def test_a_refusal_naming_a_file_that_is_not_utf8_shows_it_escaped(tmp_path: Path) -> None:
    folder = Path(os.fsdecode(os.fsencode(tmp_path) + b"/n\xe9"))
    folder.mkdir()
    (folder / os.fsdecode(b"01-\xff.txt")).mkdir()
    result = runner.invoke(app, ["epub", str(folder), "-o", str(tmp_path / "b.epub")])
    assert result.exit_code == 2, result.output
    assert result.stderr.strip().endswith("/n\\xe9/01-\\xff.txt: is a folder, not a text file")
    assert not (tmp_path / "b.epub").exists()


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('author = ""\n', "'author' holds an empty name"),
        ("author = []\n", "'author' holds an empty name"),
        ('author = ["Ann Lee", " "]\n', "'author' holds an empty name"),
        ('subjects = ["Fantasy", ""]\n', "'subjects' holds an empty subject"),
    ],
)
def test_empty_metadata_shapes_name_the_key(tmp_path: Path, toml: str, message: str) -> None:
    folder = tmp_path / "novel"
    folder.mkdir()
    (folder / "01.txt").write_text(STORY, encoding="utf-8")
    (folder / "book.toml").write_text(f'title = "T"\n{toml}', encoding="utf-8")
    result = runner.invoke(app, ["epub", str(folder), "-o", str(tmp_path / "b.epub")])
    assert result.exit_code == 3, result.output
    assert result.stderr.strip() == f"ebookgen: error: {folder / 'book.toml'}:2: {message}" + message_tail(message)
    assert not (tmp_path / "b.epub").exists()
    assert (folder / "01.txt").read_text(encoding="utf-8") == STORY


def message_tail(message: str) -> str:
    """Return the advice that follows each empty-shape message."""
    return '; give a name such as "Ann Lee", or leave the key out' if "author" in message else "; remove it"
