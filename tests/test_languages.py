"""Each language's typography through the whole pipeline: book.toml's language and --lang choose the marks."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.languages import language_for
from ebookgen.normalise.typography import TypographyOptions, typeset
from ebookgen.readers.decode import clean
from tests.conftest import epubcheck_later
from tests.epubtools import Epub


def chapter_texts(epub: Path) -> list[str]:
    """Return every content document of an EPUB as text."""
    return [data.decode("utf-8") for data in Epub(epub).content_documents().values()]


def test_cldr_gives_each_language_its_marks() -> None:
    assert language_for("de").quotes.outer == ("\u201e", "\u201c")
    assert language_for("de-AT").quotes.inner == ("\u201a", "\u2018")
    assert language_for("ru").quotes.inner == ("\u201e", "\u201c")
    assert language_for("pl").quotes.inner == ("\u00ab", "\u00bb")
    assert language_for("sv").quotes.outer == ("\u201d", "\u201d")


def test_an_unknown_language_keeps_english_quotes() -> None:
    assert typeset('"Hi," he said.', TypographyOptions(language=language_for("qqq"))) == "\u201cHi,\u201d he said."


def test_the_apostrophe_stays_in_every_language() -> None:
    for language in ("de", "fr", "es", "it", "nl", "pl", "ru", "sv", "hu"):
        assert "\u2019" in typeset("l'heure, don't, 'til", TypographyOptions(language=language_for(language)))


def test_a_no_break_space_the_author_typed_is_kept() -> None:
    assert clean("M.\u00a0Dupont dit\u202f: oui") == "M.\u00a0Dupont dit\u202f: oui"
    assert clean("\u00a0\u00a0Indented line\u00a0\n") == "  Indented line \n"


def test_book_toml_language_sets_the_quotes(tmp_path: Path) -> None:
    folder = tmp_path / "buch"
    folder.mkdir()
    (folder / "book.toml").write_text('title = "Buch"\nlanguage = "de"\n', encoding="utf-8")
    (folder / "01.txt").write_text("Kapitel 1\n\n\"Er sagte 'nein'.\"\n", encoding="utf-8")
    target = tmp_path / "buch.epub"
    result = CliRunner().invoke(app, ["epub", str(folder), "-o", str(target)])
    assert result.exit_code == 0, result.output
    epubcheck_later(target)
    assert "\u201eEr sagte \u201anein\u2018.\u201c" in " ".join(chapter_texts(target))


def test_lang_option_sets_french_spacing(tmp_path: Path) -> None:
    story = tmp_path / "histoire.txt"
    story.write_text('Chapitre 1\n\n"Bonjour! Tu viens?"\n', encoding="utf-8")
    target = tmp_path / "histoire.epub"
    result = CliRunner().invoke(app, ["epub", str(story), "--lang", "fr", "-o", str(target)])
    assert result.exit_code == 0, result.output
    epubcheck_later(target)
    assert "\u00ab\u202fBonjour\u202f! Tu viens\u202f?\u202f\u00bb" in " ".join(chapter_texts(target))


def test_the_words_ebookgen_prints_follow_the_book_language(tmp_path: Path) -> None:
    folder = tmp_path / "buch"
    folder.mkdir()
    (folder / "book.toml").write_text('title = "Buch"\nauthor = "Anna"\nlanguage = "de"\n', encoding="utf-8")
    (folder / "01.txt").write_text("Es war einmal.\n", encoding="utf-8")
    (folder / "02.txt").write_text("Dann kam der Wolf.\n", encoding="utf-8")
    target = tmp_path / "buch.epub"
    result = CliRunner().invoke(app, ["epub", str(folder), "-o", str(target)])
    assert result.exit_code == 0, result.output
    epubcheck_later(target)
    book = Epub(target)
    nav = etree.tostring(book.nav(), encoding="unicode")
    assert "Inhalt" in nav and "Kapitel 2" in nav and "Umschlag" in nav and "Contents" not in nav
    cover = book.files["EPUB/text/cover.xhtml"].decode()
    assert "Umschlag: Buch, von Anna" in cover


@pytest.mark.slow
@pytest.mark.parametrize(
    ("language", "word"),
    [
        ("de", "Rechtsschutzversicherungsgesellschaften"),
        ("fr", "anticonstitutionnellement"),
        ("es", "desafortunadamente"),
    ],
)
def test_the_pdf_hyphenates_in_the_book_language(language: str, word: str) -> None:
    import pyphen

    from ebookgen.model import Book, Metadata
    from ebookgen.pdf import weasy
    from ebookgen.pdf.printbook import html_document

    book = Book(Metadata(title="T", language=language), ())
    document = weasy.lay_out(
        html_document(book, language_for(language), f"<p>{word}</p>"), "@page { size: 1.3in 4in; margin: 0.1in }"
    )
    pieces = [text for page in document.pages for text in texts(page._page_box)]
    breaks = {len("".join(pieces[: index + 1]).replace("\u2010", "")) for index in range(len(pieces) - 1)}
    assert breaks and breaks <= set(pyphen.Pyphen(lang=language).positions(word)), pieces


def texts(box):
    """Yield the text of every text box under a page box, in order."""
    if getattr(box, "text", None):
        yield box.text
    for child in getattr(box, "children", None) or ():
        yield from texts(child)


LANGUAGE_WORDS = st.sampled_from(
    ['"Bonjour', "l'heure", "Quoi?", "non!", "ici:", "«oui»", "--Hola", "ella--.", "'nein'", "10--12", 'dit"', "2'"]
)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(LANGUAGE_WORDS, min_size=1, max_size=10).map(" ".join), st.sampled_from(["fr", "es", "de", "pl"]))
def test_typesetting_in_any_language_is_idempotent_and_keeps_the_words(text: str, language: str) -> None:
    options = TypographyOptions(language=language_for(language))
    once = typeset(text, options)
    assert typeset(once, options) == once
    letters = [char for char in text if char.isalnum()]
    assert [char for char in once if char.isalnum()] == letters


def test_the_scene_break_and_the_page_list_are_named_in_the_books_language() -> None:
    from ebookgen.epub.navigation import page_list_nav, page_targets
    from ebookgen.model import Book, Chapter, Metadata, Paragraph, SceneBreak, Text
    from ebookgen.render.xhtml import render_book

    blocks = (Paragraph((Text("Eins."),)), SceneBreak(), Paragraph((Text("Zwei."),)))
    book = Book(Metadata(title="Nacht", language="de"), (Chapter(number=1, title="Kapitel 1", blocks=blocks),))
    assert 'aria-label="Szenenwechsel"' in render_book(book, language_for("de"))[0].section
    english = Book(Metadata(title="Night"), (Chapter(number=1, title="Chapter 1", blocks=blocks),))
    assert 'aria-label="Scene break"' in render_book(english, language_for("en"))[0].section
    from ebookgen.epub.navigation import PageTarget

    pages = (PageTarget("1", "text/chapter-001.xhtml#page-1"),)
    german = language_for("de")
    assert "<h2>Seiten</h2>" in page_list_nav(pages, german) and "<text>Seiten</text>" in page_targets(pages, german)
