"""Issue 13: no text garbled: a stray byte in a UTF-8 file is replaced where it is, and a long word wraps."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.readers.decode import decode_file

from .conftest import epubcheck_later
from .epubtools import Epub

runner = CliRunner()
UTF8_STORY = "Chapter 1\n\nThe façade was grey, and the café naïve.\n\nShe said “no” — twice.\n\n"


def test_a_utf8_file_with_one_invalid_byte_stays_utf8(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(UTF8_STORY.encode("utf-8") + b"A bad \xff byte.\n")
    decoded = decode_file(path)
    assert decoded.encoding == "utf-8"
    assert "façade" in decoded.text and "“no” — twice" in decoded.text
    assert "A bad \ufffd byte." in decoded.text
    assert decoded.replaced_lines == (7,)


def test_a_code_page_file_still_goes_to_the_detector(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes("Chapter 1\n\nThe façade, \u201cquoted\u201d.\n".encode("cp1252"))
    decoded = decode_file(path)
    assert decoded.encoding == "cp1252" and "façade, “quoted”" in decoded.text
    assert decoded.replaced_lines == ()


def test_the_build_and_check_name_each_replaced_line(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    data = UTF8_STORY.encode("utf-8") + b"A bad \xff byte.\n\nAnother \xc3( one.\n"
    path.write_bytes(data)
    result = runner.invoke(app, ["epub", str(path), "-o", str(tmp_path / "b.epub")])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if "not UTF-8" in line]
    assert [line.split(": ")[2] for line in warnings] == [f"{path}:7", f"{path}:9"]
    chapter = Epub(tmp_path / "b.epub").content_documents()["EPUB/text/chapter-001.xhtml"].decode("utf-8")
    assert "façade" in chapter and "A bad \ufffd byte." in chapter and "fa\uff83" not in chapter
    epubcheck_later(tmp_path / "b.epub")
    checked = runner.invoke(app, ["check", str(path)])
    found = [line for line in checked.stdout.splitlines() if "not UTF-8" in line]
    assert [line.split(": ")[0] for line in found] == [f"{path}:7", f"{path}:9"]
    assert path.read_bytes() == data


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext is not installed")
@pytest.mark.parametrize(
    "after",
    ["!\n\nAfter.\n", "! and then she stopped, out of breath, and looked at the door again.\n\nAfter.\n"],
    ids=["ending-its-paragraph", "inside-its-paragraph"],
)
def test_a_word_longer_than_the_line_wraps_on_the_page(tmp_path: Path, after: str) -> None:
    from lxml import etree

    path = tmp_path / "scream.txt"
    path.write_text("Chapter 1\n\nShe screamed: " + "A" * 20000 + after, encoding="utf-8")
    result = runner.invoke(app, ["pdf", str(path), "-o", str(tmp_path / "s.pdf"), "--no-cache"])
    assert result.exit_code == 0, result.output
    boxes = tmp_path / "s.html"
    subprocess.run(["pdftotext", "-bbox", str(tmp_path / "s.pdf"), str(boxes)], check=True)
    tree = etree.parse(str(boxes), etree.HTMLParser())
    letters, words = 0, []
    for page in tree.iter("page"):
        width = float(page.get("width"))
        for word in page.iter("word"):
            assert 0 <= float(word.get("xmin")) and float(word.get("xmax")) <= width, word.text
            words.append(word.text or "")
            if word.text and set(word.text.rstrip("!")) == {"A"}:
                letters += len(word.text.rstrip("!"))
    assert letters == 20000  # Every letter of the scream is on a page, within its edges,
    following = [word for word in after.split() if word != "!"]  # and every word after it, in order
    start = words.index(following[0])
    assert words[start : start + len(following)] == following
