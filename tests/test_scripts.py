"""Any script: the EPUB marks other scripts with lang (and dir for right-to-left runs); a right-to-left book
turns its pages the other way; the PDF sets every script in a face that has it, as extractable text."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from lxml import etree
from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.languages import language_for
from ebookgen.pdf.glyphs import fallback_faces, unset_characters
from ebookgen.render.scripts import mark_scripts
from tests.conftest import epubcheck_later
from tests.epubtools import Epub

XHTML = "{http://www.w3.org/1999/xhtml}"
STORY = (
    "Chapter 1\n\n"
    '"Sakura," he said. The sign read さくら. Jimin (지민) waved, and Наташа smiled at 北京. I ♥ you.\n\n'
    "She wrote مرحبا بالعالم on the board, and then שלום עולם beside it.\n"
)


def build(tmp_path: Path, command: str, source: Path, *extra: str) -> Path:
    """Build an EPUB or a PDF of source with the CLI and return it."""
    target = tmp_path / f"book.{command}"
    result = CliRunner().invoke(app, [command, str(source), "-o", str(target), *extra])
    assert result.exit_code == 0, result.output
    return target


def spans(epub: Path) -> list[tuple[str, str, str]]:
    """Return (lang, dir, text) of every span with a lang in the EPUB's chapters."""
    book = Epub(epub)
    found = []
    for name, data in book.content_documents().items():
        if "chapter" in name:
            for span in etree.fromstring(data).iter(f"{XHTML}span"):
                if span.get("lang"):
                    found.append((span.get("lang"), span.get("dir") or "", span.text))
    return found


def test_other_scripts_are_marked_with_their_language(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    epub = build(tmp_path, "epub", story)
    epubcheck_later(epub)
    assert spans(epub) == [
        ("ja", "", "さくら"),
        ("ko", "", "지민"),
        ("ru", "", "Наташа"),
        ("zh", "", "北京"),
        ("ar", "rtl", "مرحبا بالعالم"),
        ("he", "rtl", "שלום עולם"),
    ]


def test_the_book_language_own_script_is_not_marked() -> None:
    assert mark_scripts("<p>Наташа и Paris</p>", language_for("ru")) == "<p>Наташа и Paris</p>"
    assert mark_scripts("<p>北京</p>", language_for("ja")) == "<p>北京</p>"
    assert 'lang="uk"' in mark_scripts("<p>Їжак</p>", language_for("en"))
    assert (
        mark_scripts('<p title="Наташа">x</p>', language_for("en")) == '<p title="Наташа">x</p>'
    )  # text, never attributes


def test_a_hebrew_book_turns_right_to_left(tmp_path: Path) -> None:
    folder = tmp_path / "sefer"
    folder.mkdir()
    (folder / "book.toml").write_text('title = "סיפור"\nauthor = "דנה"\nlanguage = "he"\n', encoding="utf-8")
    (folder / "01.txt").write_text("פרק 1\n\nשלום, אמרה דנה.\n\nפרק 2\n\nבבוקר הגיע המכתב.\n", encoding="utf-8")
    epub = build(tmp_path, "epub", folder)
    epubcheck_later(epub)
    book = Epub(epub)
    assert book.opf.find(".//{http://www.idpf.org/2007/opf}spine").get("page-progression-direction") == "rtl"
    for data in book.content_documents().values():
        assert etree.fromstring(data).get("dir") == "rtl"
    nav = etree.tostring(book.nav(), encoding="unicode")
    assert "תוכן העניינים" in nav and "פרק 2" in nav


needs_faces = pytest.mark.skipif(
    len(fallback_faces()) < 4 or not shutil.which("pdftotext"),
    reason="the Noto fallback faces (make fonts) or pdftotext (poppler-utils) are not installed",
)


@pytest.mark.slow
@needs_faces
def test_a_multi_script_story_prints_as_text_in_embedded_subsets(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    pdf = build(tmp_path, "pdf", story)
    extracted = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for word in ("さくら", "지민", "Наташа", "北京", "♥", "שלום", "بالعالم"):
        assert word in extracted, word
    with pikepdf.open(pdf) as document:
        fonts = {
            str(font.BaseFont): font for page in document.pages for font in (page.Resources.get("/Font") or {}).values()
        }
        names = " ".join(fonts)
        assert all(family in names for family in ("Noto-Serif-CJK", "Noto-Naskh-Arabic", "Noto-Serif-Hebrew")), names
        for name, font in fonts.items():
            assert "+" in name, f"{name} is not a subset"
            descriptor = font.DescendantFonts[0].FontDescriptor
            assert {"/FontFile2", "/FontFile3"} & set(descriptor.keys()), f"{name} is not embedded"


@needs_faces
def test_every_character_of_a_multi_script_story_has_a_face() -> None:
    from ebookgen.model import Metadata
    from ebookgen.normalise.pipeline import build_book
    from ebookgen.readers.source import SourceText

    book = build_book(
        [SourceText(Path("story.txt"), STORY + "Emoji too: \U0001f60a.\n", "utf-8")], Metadata(title="Story")
    )
    assert unset_characters(book) == []
    odd = build_book(
        [SourceText(Path("odd.txt"), "Chapter 1\n\nA private mark \ue000 here.\n", "utf-8")], Metadata(title="Odd")
    )
    assert [item.char for item in unset_characters(odd)] == ["\ue000"]


@needs_faces
def test_check_names_the_line_of_a_character_no_face_has(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Chapter 1\n\nさくら is fine.\n\nA private mark \ue000 here.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(story)])
    assert f"{story}:5: warning: no face has a glyph for U+E000" in result.output
    assert "U+3055" not in result.output


@pytest.mark.slow
def test_a_pdf_with_a_character_no_face_has_builds_and_names_its_line(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Chapter 1\n\nA fine line.\n\nA private mark \ue000 here.\n", encoding="utf-8")
    target = tmp_path / "story.pdf"
    result = CliRunner().invoke(app, ["pdf", str(story), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.exists()
    assert f"warning: {story}:5: no face has a glyph for U+E000" in result.output
