"""Issue 7: input ebookgen must refuse says so in one line, exits non-zero and leaves nothing behind."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from ebookgen.cli.app import app

runner = CliRunner()
STORY = "Chapter 1\n\nIt was a dark night.\n"


def png_bytes() -> bytes:
    """Return the start of a PNG image."""
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00" + bytes(200)


def zip_bytes() -> bytes:
    """Return a small zip archive holding a text file."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("story.txt", STORY * 20)
    return buffer.getvalue()


def pdf_bytes() -> bytes:
    """Return the start of a PDF."""
    return b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(range(256))


def random_bytes() -> bytes:
    """Return bytes with no signature that are not text (a compiled program, say)."""
    return bytes((index * 7919) % 256 for index in range(4096))


def write(name: str, data: bytes | None) -> Callable[[Path], Path]:
    """Make a case that writes a file (or a folder when data is None) and returns its path."""

    def make(folder: Path) -> Path:
        path = folder / name
        if data is None:
            path.mkdir()
        else:
            path.write_bytes(data)
        return path

    return make


def folder_without_text(folder: Path) -> Path:
    """A manuscript folder holding only a picture and notes in another format."""
    book = folder / "novel"
    book.mkdir()
    (book / "cover.png").write_bytes(png_bytes())
    (book / "notes.odt").write_bytes(zip_bytes())
    return book


# Each case: the input to give, a word the message must contain, and the exit code.
REFUSALS = [
    ("empty file", write("story.txt", b""), "empty", 2),
    ("whitespace only", write("story.txt", b" \n\t\r\n  \n\xc2\xa0\n"), "empty", 2),
    ("a BOM and nothing else", write("story.txt", b"\xef\xbb\xbf\n"), "empty", 2),
    ("only scene-break markers", write("story.txt", b"* * *\n\n~~~\n\n#\n"), "no story text", 2),
    ("an image renamed .txt", write("story.txt", png_bytes()), "binary", 2),
    ("a zip renamed .txt", write("story.txt", zip_bytes()), "binary", 2),
    ("a PDF renamed .txt", write("story.txt", pdf_bytes()), "binary", 2),
    ("a GIF renamed .txt", write("story.txt", b"GIF89a\x10\x00\x10\x00\x80\x00\x00" + bytes(100)), "binary", 2),
    ("a BMP renamed .txt", write("story.txt", b"BM6\x0c\x00\x00\x00\x00\x00\x006\x00" + bytes(100)), "binary", 2),
    ("bytes that are not text", write("story.txt", random_bytes()), "not plain text", 2),
    ("a missing path", lambda folder: folder / "no-such-story.txt", "no such file", 2),
    ("a folder with no text files", folder_without_text, "no manuscript files (.txt", 2),
    ("an empty folder", write("novel", None), "no manuscript files (.txt", 2),
]


def assert_one_line_and_nothing_written(result, name: str, code: int, workdir: Path, before: set[Path]) -> None:
    """Check the refusal: its exit code, one line naming the file, no traceback, no new file."""
    assert result.exit_code == code, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert name in lines[0] and "Traceback" not in result.output
    assert set(workdir.rglob("*")) == before, "a refusal left files behind"


@pytest.mark.parametrize(("case", "make", "words", "code"), REFUSALS, ids=[case[0] for case in REFUSALS])
def test_bad_input_is_refused_in_one_line(tmp_path: Path, monkeypatch, case, make, words, code) -> None:
    monkeypatch.chdir(tmp_path)
    source = make(tmp_path)
    before = set(tmp_path.rglob("*"))
    for command in ("epub", "pdf"):
        result = runner.invoke(app, [command, str(source)])
        assert_one_line_and_nothing_written(result, source.name, code, tmp_path, before)
        assert words in result.stderr


def test_unreadable_file_is_refused(tmp_path: Path, monkeypatch) -> None:
    # Tests may run as root, whom chmod does not stop: make the read itself fail as it would for a user.
    source = tmp_path / "story.txt"
    source.write_text(STORY, encoding="utf-8")
    real_open = open

    def guarded_open(file, *args, **kwargs):
        if Path(file) == source:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", guarded_open)
    monkeypatch.chdir(tmp_path)
    before = set(tmp_path.rglob("*"))
    result = runner.invoke(app, ["epub", str(source)])
    assert_one_line_and_nothing_written(result, "story.txt", 2, tmp_path, before)
    assert "permission denied" in result.stderr


def test_output_folder_that_cannot_be_written(tmp_path: Path) -> None:
    source = tmp_path / "story.txt"
    source.write_text(STORY, encoding="utf-8")
    blocker = tmp_path / "dist"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    before = set(tmp_path.rglob("*"))
    result = runner.invoke(app, ["epub", str(source), "-o", str(blocker / "book.epub")])
    assert_one_line_and_nothing_written(result, "dist", 4, tmp_path, before)
    assert "cannot write" in result.stderr


@pytest.mark.parametrize("suffix", ["story.txt", "./story.txt", "sub/../story.txt"])
def test_output_equal_to_the_input_is_refused(tmp_path: Path, monkeypatch, suffix: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    source = tmp_path / "story.txt"
    source.write_text(STORY, encoding="utf-8")
    before = set(tmp_path.rglob("*"))
    result = runner.invoke(app, ["epub", "story.txt", "-o", suffix])
    assert_one_line_and_nothing_written(result, "story.txt", 4, tmp_path, before)
    assert source.read_text(encoding="utf-8") == STORY


def test_output_that_is_a_folder_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "story.txt"
    source.write_text(STORY, encoding="utf-8")
    (tmp_path / "out").mkdir()
    before = set(tmp_path.rglob("*"))
    result = runner.invoke(app, ["pdf", str(source), "-o", str(tmp_path / "out")])
    assert_one_line_and_nothing_written(result, "out", 4, tmp_path, before)


def test_a_wrong_encoding_option_is_one_line(tmp_path: Path) -> None:
    source = tmp_path / "story.txt"
    source.write_bytes("caf\u00e9".encode("utf-16"))
    before = set(tmp_path.rglob("*"))
    # An encoding that is none is a wrong option (3, named); a real one the file is not in, an unreadable file (2).
    for encoding, named, code, words in (
        ("klingon", "'klingon'", 3, "is not an encoding"),
        ("utf-8", "story.txt", 2, "not valid utf-8"),
    ):
        result = runner.invoke(app, ["epub", str(source), "--encoding", encoding, "-o", str(tmp_path / "b.epub")])
        assert_one_line_and_nothing_written(result, named, code, tmp_path, before)
        assert words in result.stderr


def test_output_onto_book_toml_a_cover_or_a_link_to_the_story_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "novel"
    folder.mkdir()
    (folder / "01.txt").write_text(STORY, encoding="utf-8")
    Image.new("RGB", (16, 24)).save(folder / "cover.jpg", "JPEG")
    (folder / "book.toml").write_text('title = "T"\ncover = "cover.jpg"\n', encoding="utf-8")
    (tmp_path / "hard.txt").hardlink_to(folder / "01.txt")
    (tmp_path / "soft.txt").symlink_to(folder / "01.txt")
    before = {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()}
    for target in (folder / "book.toml", folder / "cover.jpg", tmp_path / "hard.txt", tmp_path / "soft.txt"):
        result = runner.invoke(app, ["epub", str(folder), "-o", str(target)])
        assert result.exit_code == 4, result.output
        assert "would overwrite" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()} == before
