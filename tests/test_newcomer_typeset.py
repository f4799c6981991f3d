"""book.toml's strings are typeset like the story: the title page, dedication, epigraph and also-by list.

A writer types book.toml the way they type the story (straight quotes, `--`, `...`); the afterword was typeset
and the title page was not, so one book showed both.
"""

from __future__ import annotations

from pathlib import Path

from ebookgen import build_epub
from ebookgen.project.manuscript import load_project

from .epubtools import NS, Epub

TOML = """title = "Don't Say \\"Yes\\""
subtitle = "A story -- in three parts..."
author = "Ann Lee"
dedication = "For \\"M.\\" -- who waited..."
epigraph = "It's a 'long' way..."
epigraph_source = "Old song -- 1920s"
also_by = ["The \\"Other\\" One", "Salt -- and Stone..."]
"""
STORY = "Chapter 1\n\n" + "She waited for his call by the harbour wall. " * 40 + "\n"


def project(folder: Path, toml: str = TOML) -> Path:
    """Write a manuscript folder whose book.toml strings hold straight quotes, double hyphens and three dots."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "book.toml").write_text(toml, encoding="utf-8")
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    return folder


def test_book_toml_strings_are_typeset_as_the_story_is(tmp_path: Path) -> None:
    meta = load_project(project(tmp_path / "book")).metadata
    assert meta.title == "Don’t Say “Yes”"
    assert meta.subtitle == "A story—in three parts…"
    assert meta.dedication == "For “M.”—who waited…"
    assert meta.epigraph == "It’s a ‘long’ way…"
    assert meta.epigraph_source == "Old song—1920s"
    assert meta.also_by == ("The “Other” One", "Salt—and Stone…")


def test_a_german_title_gets_german_quotes(tmp_path: Path) -> None:
    toml = 'title = "Der \\"Regen\\" -- und danach"\nauthor = "A. B."\nlanguage = "de"\n'
    assert load_project(project(tmp_path / "de", toml)).metadata.title == "Der „Regen“ – und danach"


def test_the_epub_title_page_and_front_matter_show_the_typeset_strings(tmp_path: Path) -> None:
    book = Epub(build_epub(project(tmp_path / "book"), tmp_path / "out.epub").path)
    title_page = "".join(book.xml("text/titlepage.xhtml").find(".//x:body", NS).itertext())
    assert "Don’t Say “Yes”" in title_page and "A story—in three parts…" in title_page
    assert '"' not in title_page and "--" not in title_page and "..." not in title_page
    for page in ("text/dedication.xhtml", "text/epigraph.xhtml", "text/also-by.xhtml"):
        text = "".join(book.xml(page).find(".//x:body", NS).itertext())
        assert '"' not in text and "--" not in text and "..." not in text, (page, text)
    assert book.opf.find(".//dc:title", NS).text == "Don’t Say “Yes”"
