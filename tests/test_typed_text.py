"""What a writer typed in a Word, web or EPUB paragraph is text, never a raw-text mark (issue 24).

A `#`, `>`, `*sigh*`, `- `, `[^1]` or `:::` typed in a structured file's paragraph is kept as typed; what
works on a whole paragraph's typed words (`Chapter 2`, `* * *`) is still read, and typography still runs
over the paragraph's runs (a quote opened in roman and closed in italics is curled).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.model import BlockQuote, Emphasis, ListBlock, Paragraph, Strong, Text, plain_text
from ebookgen.normalise.pipeline import NormaliseOptions, normalise_source
from ebookgen.readers.table import read_source

from .conftest import epubcheck_later
from .fanfiles import write_epub
from .foreign import page

runner = CliRunner()
TYPED = ["# Not a heading", "> quote", "She gave a *sigh* and went.", "-- dash", "- item", "1. one",
         "[^1]: not a note", "![a picture](map.png)", "::: verse", "Sam: hi"]  # fmt: skip
KEPT = ["# Not a heading", "> quote", "She gave a *sigh* and went.", "\u2014dash", "- item", "1. one",
        "[^1]: not a note", "![a picture](map.png)", "::: verse", "Sam: hi"]  # fmt: skip


def word_file(path: Path) -> Path:
    """A Word document: a heading, the typed marks each in a paragraph, a mixed-run quote, a break, a chapter."""
    import docx

    document = docx.Document()
    document.add_heading("The Ferry", level=1)
    for text in TYPED:
        document.add_paragraph(text)
    mixed = document.add_paragraph('"Hello, ')
    mixed.add_run("world").italic = True
    mixed.add_run('," she said.')
    document.add_paragraph("* * *")
    document.add_paragraph("After the break.")
    document.add_paragraph("Chapter 2")
    document.add_paragraph("The end.")
    document.save(str(path))
    return path


BODY = (
    "<h1>The Ferry</h1>"
    + "".join(f"<p>{text.replace('>', '&gt;')}</p>" for text in TYPED)
    + '<p>"Hello, <em>world</em>," she said.</p><p>* * *</p><p>After the break.</p>'
    + "<p>Chapter 2</p><p>The end.</p>"
)


def html_file(path: Path) -> Path:
    """A saved web page holding the same paragraphs."""
    path.write_text(f"<html><head><title>The Ferry</title></head><body>{BODY}</body></html>", encoding="utf-8")
    return path


def epub_file(path: Path) -> Path:
    """An EPUB someone else made, its one chapter page holding the same paragraphs."""
    return write_epub(path, {"OEBPS/chapter1.xhtml": page("The Ferry", BODY)}, "The Ferry", "Ada Wren", "calibre")


MAKERS = {"docx": word_file, "html": html_file, "epub": epub_file}


@pytest.mark.parametrize("suffix", sorted(MAKERS))
def test_typed_marks_in_a_structured_paragraph_stay_text(tmp_path: Path, suffix: str) -> None:
    source = read_source(MAKERS[suffix](tmp_path / f"ferry.{suffix}"))
    chapters = normalise_source(source, NormaliseOptions())
    assert [chapter.title for chapter in chapters] == ["The Ferry", "Chapter 2"]
    blocks = chapters[0].blocks
    assert not any(isinstance(block, (BlockQuote, ListBlock)) for block in blocks)
    paragraphs = [block for block in blocks if isinstance(block, Paragraph)]
    assert [plain_text(block.inlines) for block in paragraphs[: len(KEPT)]] == KEPT
    sigh = paragraphs[2].inlines
    assert sigh == (Text("She gave a *sigh* and went."),)  # no Emphasis made from typed stars


@pytest.mark.parametrize("suffix", sorted(MAKERS))
def test_typography_runs_across_a_structured_paragraphs_runs(tmp_path: Path, suffix: str) -> None:
    source = read_source(MAKERS[suffix](tmp_path / f"ferry.{suffix}"))
    chapters = normalise_source(source, NormaliseOptions())
    mixed = [block for block in chapters[0].blocks if isinstance(block, Paragraph)][len(KEPT)]
    assert mixed.inlines == (Text("\u201cHello, "), Emphasis((Text("world"),)), Text(",\u201d she said."))
    assert sum(1 for block in chapters[0].blocks if type(block).__name__ == "SceneBreak") == 1


def test_typed_stars_next_to_real_emphasis_stay_apart(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    paragraph = document.add_paragraph("Typed *stars* and ")
    paragraph.add_run("bold").bold = True
    paragraph.add_run(" words.")
    document.save(str(tmp_path / "stars.docx"))
    chapters = normalise_source(read_source(tmp_path / "stars.docx"), NormaliseOptions())
    runs = chapters[0].blocks[0].inlines
    assert runs == (Text("Typed *stars* and "), Strong((Text("bold"),)), Text(" words."))


def test_a_word_paragraph_typed_as_a_heading_is_one_chapter_in_the_book(tmp_path: Path) -> None:
    path = word_file(tmp_path / "ferry.docx")
    result = runner.invoke(app, ["epub", str(path), "-o", str(tmp_path / "ferry.epub")])
    assert result.exit_code == 0, result.output
    epubcheck_later(tmp_path / "ferry.epub")
    with zipfile.ZipFile(tmp_path / "ferry.epub") as archive:
        pages = [name for name in archive.namelist() if re.search(r"text/chapter.*\.xhtml$", name)]
        text = "".join(archive.read(name).decode() for name in sorted(pages))
    assert len(pages) == 2
    assert "># Not a heading</p>" in text and "&gt; quote" in text and "*sigh*" in text
    assert "<blockquote" not in text


def test_whole_paragraph_words_a_word_user_types_are_read_as_today(tmp_path: Path) -> None:
    import docx

    from ebookgen.model import AuthorNote, Flashback

    document = docx.Document()
    for text in ["Chapter 1", "A/N: Thanks for reading!", "The lamp burned.", "Flashback", "She was seven.",
                 "End Flashback", "The lamp went out.", "* * *", "Morning came."]:  # fmt: skip
        document.add_paragraph(text)
    document.save(str(tmp_path / "lamp.docx"))
    chapters = normalise_source(read_source(tmp_path / "lamp.docx"), NormaliseOptions())
    assert [chapter.title for chapter in chapters] == ["Chapter 1"]
    kinds = [type(block).__name__ for block in chapters[0].blocks]
    assert kinds == ["AuthorNote", "Paragraph", "SceneBreak", "Flashback", "SceneBreak", "Paragraph", "SceneBreak",
                     "Paragraph"]  # fmt: skip
    note, flashback = chapters[0].blocks[0], chapters[0].blocks[3]
    assert isinstance(note, AuthorNote) and plain_text(note.inlines) == "A/N: Thanks for reading!"
    assert isinstance(flashback, Flashback) and plain_text(flashback.blocks[0].inlines) == "She was seven."


def test_kept_lines_of_a_word_paragraph_give_a_titled_heading_and_a_chat_log(tmp_path: Path) -> None:
    import docx

    from ebookgen.model import ChatLine, ChatLog

    document = docx.Document()
    titled = document.add_paragraph("Chapter 1")
    titled.add_run().add_break()
    titled.add_run("The Storm")
    document.add_paragraph("Rain fell.")
    chat = document.add_paragraph("Sam: where are you?")
    chat.add_run().add_break()
    chat.add_run("Alex: *home*")
    document.save(str(tmp_path / "storm.docx"))
    chapters = normalise_source(read_source(tmp_path / "storm.docx"), NormaliseOptions())
    assert [chapter.title for chapter in chapters] == ["Chapter 1: The Storm"]
    assert chapters[0].blocks[1] == ChatLog(
        (ChatLine("Sam", (Text("where are you?"),)), ChatLine("Alex", (Text("*home*"),)))
    )
