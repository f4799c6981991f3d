"""Issue 7: every kind of input people really have reads into the same book as its clean UTF-8 twin.

Inputs are generated here from a clean text, never checked in as binaries.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-1252 codec)
import pytest

from ebookgen.build import load_book
from ebookgen.project.manuscript import load_project
from ebookgen.readers.markdown import markdown_to_text
from ebookgen.readers.table import read_source

SLOPPY_1252 = "sloppy-windows-1252"
# Curly quotes, dashes and an ellipsis that Windows-1252 holds in bytes 0x80-0x9F.
CLEAN = (
    "Chapter 1\n\n"
    "\u201cIt\u2019s late,\u201d she said \u2014 and the caf\u00e9 was closing\u2026\n\n"
    "He didn\u2019t answer. Na\u00efve, he thought, *so* na\u00efve.\n\n"
    "* * *\n\n"
    "Chapter 2\n\n"
    "The morning came; the cr\u00e8me br\u00fbl\u00e9e was cold.\n"
)
# Latin-1 has no curly quotes: its twin uses straight ones, which ebookgen curls the same way.
CLEAN_LATIN = CLEAN.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")
CLEAN_LATIN = CLEAN_LATIN.replace("\u2014", "--").replace("\u2026", "...")


def mojibake(text: str) -> str:
    """Decode UTF-8 bytes as Windows-1252 the way Windows does (undefined bytes kept as C1 controls)."""
    return text.encode("utf-8").decode(SLOPPY_1252)


def paragraphs(text: str) -> list[str]:
    """Split text into its paragraphs (blank-line separated)."""
    return text.split("\n\n")


def insert_in_words(text: str, char: str) -> str:
    """Put a character inside every word of six letters or more (after its third letter)."""
    words = text.split(" ")
    return " ".join(word[:3] + char + word[3:] if len(word) >= 6 and word[:3].isalpha() else word for word in words)


# Each case: a name, the clean twin, and how to turn the twin into the bytes people really have.
CASES: list[tuple[str, str, Callable[[str], bytes]]] = [
    ("utf-8", CLEAN, lambda t: t.encode("utf-8")),
    ("utf-8 with BOM", CLEAN, lambda t: codecs.BOM_UTF8 + t.encode("utf-8")),
    ("utf-16 LE with BOM", CLEAN, lambda t: t.encode("utf-16")),
    ("utf-16 BE with BOM", CLEAN, lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be")),
    ("utf-16 without BOM", CLEAN, lambda t: t.encode("utf-16-le")),
    ("windows-1252", CLEAN, lambda t: t.encode("cp1252")),
    ("latin-1", CLEAN_LATIN, lambda t: t.encode("latin-1")),
    ("mojibake (utf-8 read as cp1252)", CLEAN, lambda t: mojibake(t).encode("utf-8")),
    ("mojibake saved as cp1252", CLEAN, lambda t: mojibake(t).encode(SLOPPY_1252)),
    ("crlf line ends", CLEAN, lambda t: t.replace("\n", "\r\n").encode("utf-8")),
    ("lone cr line ends", CLEAN, lambda t: t.replace("\n", "\r").encode("utf-8")),
    ("tabs before paragraphs", CLEAN, lambda t: "\n\n".join("\t" + p for p in paragraphs(t)).encode("utf-8")),
    ("trailing tabs and spaces", CLEAN, lambda t: t.replace("\n", " \t \n").encode("utf-8")),
    ("non-breaking spaces", CLEAN, lambda t: t.replace(" ", "\u00a0").encode("utf-8")),
    ("zero-width spaces", CLEAN, lambda t: insert_in_words(t, "\u200b").encode("utf-8")),
    ("soft hyphens", CLEAN, lambda t: insert_in_words(t, "\u00ad").encode("utf-8")),
    ("byte-order marks inside", CLEAN, lambda t: insert_in_words(t, "\ufeff").encode("utf-8")),
    ("NUL characters", CLEAN, lambda t: insert_in_words(t, "\x00").encode("utf-8")),
    ("escape and bell", CLEAN, lambda t: insert_in_words(t, "\x1b\x07").encode("utf-8")),
    ("terminal colour codes", CLEAN, lambda t: insert_in_words(t, "\x1b[31m").encode("utf-8")),
    ("DEL and C1 controls", CLEAN, lambda t: insert_in_words(t, "\x7f\x81\x9f").encode("utf-8")),
    ("form feeds between paragraphs", CLEAN, lambda t: t.replace("\n\n", "\n\x0c\n").encode("utf-8")),
    ("unicode line separators", CLEAN, lambda t: t.replace("\n\n", "\u2029").encode("utf-8")),
    ("--encoding cp1252 given", CLEAN, lambda t: t.encode("cp1252")),
]


def book_chapters(folder: Path, name: str, data: bytes, encoding: str | None = None):
    """Write bytes to a manuscript file and return the chapters ebookgen reads from it."""
    folder.mkdir()
    path = folder / name
    path.write_bytes(data)
    project = load_project(path)
    if encoding:
        from dataclasses import replace

        project = replace(project, encoding=encoding)
    return load_book(project).chapters


@pytest.mark.parametrize(("case", "twin", "make"), CASES, ids=[case for case, _, _ in CASES])
def test_input_reads_into_the_same_book_as_its_clean_twin(tmp_path: Path, case: str, twin: str, make) -> None:
    encoding = "cp1252" if case.startswith("--encoding") else None
    expected = book_chapters(tmp_path / "twin", "story.txt", twin.encode("utf-8"))
    actual = book_chapters(tmp_path / "case", "story.txt", make(twin), encoding)
    assert actual == expected


def test_the_twins_are_what_they_claim() -> None:
    """The battery would prove nothing if the clean twin lost its accents and quotes."""
    assert "\u201c" in CLEAN and "\u00e9" in CLEAN and "\u2014" in CLEAN
    assert CLEAN.encode("cp1252").count(b"\x93") == 1
    assert "\u00e2\u20ac\u2122" in mojibake(CLEAN)  # don’t -> donâ€™t


def test_mojibake_repair_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("I don\u00e2\u20ac\u2122t know.\n\nThe caf\u00c3\u00a9 was shut.\n", encoding="utf-8")
    source = read_source(path)
    assert source.text == "I don\u2019t know.\n\nThe caf\u00e9 was shut.\n"
    assert any("mojibake on 2 line" in note for note in source.repairs)


def test_legitimate_accents_are_not_taken_for_mojibake(tmp_path: Path) -> None:
    text = "\u00c0 la mode: \u00c2ge, \u00e2me, \u00c3o Paulo, \u00ef\u00ee, \u00c5sa.\n"
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    assert read_source(path).text.startswith("\u00c0 la mode: \u00c2ge, \u00e2me, \u00c3o Paulo")


def test_control_characters_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(b"Once\x00 upon\x07 a time.\n")
    source = read_source(path)
    assert source.text == "Once upon a time.\n"
    assert "removed 2 control character(s)" in source.repairs


def test_markdown_reads_like_its_text_twin(tmp_path: Path) -> None:
    markdown = (
        '# Chapter 1\n\nIt was *dark* and __stormy__.\nShe said\n"hello".\n\n---\n\n'
        "## Chapter 2\n\nA [link](http://x) and `code` & <3 &amp; <b>bold</b>.\n"
    )
    # Issue 16: strong is strong (`__stormy__`, `<b>`), and HTML is mapped, never printed.
    text = (
        '# Chapter 1\n\nIt was *dark* and **stormy**. She said "hello".\n\n* * *\n\n'
        "## Chapter 2\n\nA link and code & <3 & **bold**.\n"
    )
    assert markdown_to_text(markdown) == text
    from_markdown = book_chapters(tmp_path / "md", "story.md", markdown.encode("utf-8"))
    from_text = book_chapters(tmp_path / "txt", "story.txt", text.encode("utf-8"))
    assert from_markdown == from_text


@pytest.mark.parametrize("opening", ["BMX riders came first.", "RIFF on a guitar.", "ID3 was his code.", "%PDF of it."])
def test_a_story_that_begins_like_a_file_signature_is_still_a_story(tmp_path: Path, opening: str) -> None:
    path = tmp_path / "story.txt"
    path.write_text(f"{opening}\n\nThe end.\n", encoding="utf-8")
    assert read_source(path).text.startswith(opening)
