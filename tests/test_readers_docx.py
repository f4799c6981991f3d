"""The Word reader: a manuscript and a Google Docs export written by python-docx, read into raw text and built."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.readers.table import read_source

from .conftest import epubcheck_later
from .readergolden import assert_every_word_reaches, assert_golden, book_text
from .wordfiles import google_docs_export, word_manuscript

runner = CliRunner()
STORY = (
    "The lamp burned all night. She had never seen it dark. It’s mine, she said. Truly mine. "
    "Morning came grey and slow. Later, the letter arrived. Dear Ada, come home. The end of the chapter. "
    "The door was open. Monday rain Tuesday snow She closed it behind her."
)


def test_a_word_manuscript_reads_as_its_golden_raw_text(tmp_path: Path, update_goldens: bool) -> None:
    source = read_source(word_manuscript(tmp_path / "lamp.docx"))
    assert_golden("word-manuscript", source, update_goldens)


def test_a_google_docs_export_reads_as_its_golden_raw_text(tmp_path: Path, update_goldens: bool) -> None:
    source = read_source(google_docs_export(tmp_path / "salt.docx"))
    assert_golden("google-docs", source, update_goldens)


def test_word_marks_become_raw_text_marks(tmp_path: Path) -> None:
    source = read_source(word_manuscript(tmp_path / "lamp.docx"))
    text = source.text
    assert "# Part One: Autumn\n\n## Chapter 1\n" in text  # Heading 1 and 2: a part and its chapters.
    assert "She had *never* seen it" in text and "**mine**" in text and "***Truly***" in text
    assert "\n* * *\n" in text  # The centred `* * *` paragraph.
    assert "slow.\n\n\nLater" in text  # One empty paragraph among indented ones: a gap.
    assert "Dear Ada,\\\ncome home." in text  # A line break inside a paragraph.
    assert "\n\f\n" in text  # The page break.
    assert "mine.[^1]" in text and "[^1]: The lamp was her grandmother’s." in text
    assert "open.[^2]" in text and "[^2]: Written in the winter of 2023." in text  # The endnote too.
    assert "![The lamp in the window](image1.png)" in text
    assert source.resources[0].data.startswith(b"\x89PNG")
    assert source.metadata.title == "The Lamp at the Window" and source.metadata.author == "Ada Vale"
    assert source.metadata.subjects == ("gothic", "winter")
    assert "| Monday | rain |\n|---|---|\n| Tuesday | snow |" in text  # Word's table, kept a table.
    assert source.unmapped == ('the page headers and footers left out: "Ada Vale / The Lamp"',)


def test_google_docs_empty_paragraphs_separate_and_two_make_a_gap(tmp_path: Path) -> None:
    source = read_source(google_docs_export(tmp_path / "salt.docx"))
    assert "The tide was out. *Quietly.*\n\nGulls argued overhead." in source.text
    assert "*Quietly.*\n\n\nAfter the gap." in source.text
    assert "**Chapter" not in source.text and "# Chapter 1\n" in source.text  # Bold by hand, still a heading.
    assert source.metadata.title == "Salt and Iron" and source.metadata.subtitle == "a story in two parts"
    assert source.metadata.author == ""  # python-docx's placeholder is not the author.
    assert "Salt and Iron" not in source.text  # The Title paragraph is the title page, not a chapter.


def test_a_word_manuscript_builds_a_valid_epub_with_every_word(tmp_path: Path) -> None:
    path = word_manuscript(tmp_path / "lamp.docx")
    result = runner.invoke(app, ["epub", str(path), "-o", str(tmp_path / "lamp.epub")])
    assert result.exit_code == 0, result.output
    assert 'could not map everything (the page headers and footers left out: "Ada Vale / The Lamp")' in result.stderr
    epub = tmp_path / "lamp.epub"
    assert_every_word_reaches(epub, STORY)
    with zipfile.ZipFile(epub) as archive:
        opf = archive.read("EPUB/content.opf").decode()
        assert any(name.startswith("EPUB/images/figure") for name in archive.namelist())
    assert "<dc:title>The Lamp at the Window</dc:title>" in opf and ">Ada Vale</dc:creator>" in opf
    assert 'epub:type="footnote"' in book_text(epub)
    assert "<tr><td>Monday</td><td>rain</td></tr>" in book_text(epub)  # the table, set as one
    epubcheck_later(epub)


def test_a_google_docs_export_builds_a_valid_epub(tmp_path: Path) -> None:
    path = google_docs_export(tmp_path / "salt.docx")
    result = runner.invoke(app, ["epub", str(path), "-o", str(tmp_path / "salt.epub")])
    assert result.exit_code == 0, result.output
    assert_every_word_reaches(tmp_path / "salt.epub", "The tide was out. Quietly. Gulls argued overhead. Night fell.")
    epubcheck_later(tmp_path / "salt.epub")


def test_check_names_the_word_reader_and_what_it_could_not_map(tmp_path: Path) -> None:
    path = word_manuscript(tmp_path / "lamp.docx")
    result = runner.invoke(app, ["check", str(path)])
    assert f"{path}: read by the Word (mammoth) reader" in result.stderr
    assert f'{path}: warning: the page headers and footers left out: "Ada Vale / The Lamp"' in result.stdout
    assert "table" not in result.stdout  # a table is read as one, nothing to say


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "password-protected, or an old binary .doc"),
        (b"PK\x03\x04 not really a zip", "not a readable Word document"),
        (None, "no word/document.xml inside"),
        ("bomb", "refused as a zip bomb"),
    ],
)
def test_a_locked_or_broken_word_file_is_refused_in_one_line(tmp_path: Path, data, said: str) -> None:
    path = tmp_path / "story.docx"
    if data == "bomb":
        word_manuscript(path)
        with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("word/media/huge.bin", b"\0" * (8 * 1024 * 1024))
    elif data is None:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("hello.txt", "not Word")
    else:
        path.write_bytes(data)
    result = runner.invoke(app, ["epub", str(path), "-o", str(tmp_path / "out.epub")])
    assert result.exit_code == 2 and said in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out.epub").exists()


def test_a_second_heading_level_is_parts_only_over_chapters(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for chapter in ("Chapter 1", "Chapter 2"):
        document.add_heading(chapter, 1)
        document.add_heading("The Morning", 2)  # A chapter's own subheading, not a chapter.
        document.add_paragraph(f"Text of {chapter}.")
    document.save(tmp_path / "sections.docx")
    text = read_source(tmp_path / "sections.docx").text
    assert text.startswith("# Chapter 1\n\n**The Morning**\n\nText of Chapter 1.")
    assert "## " not in text
