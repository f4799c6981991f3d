"""Issue 7: odd but legal manuscripts make valid books: markup-like text, huge paragraphs, bare headings."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pypdf
import pytest

from ebookgen import build_epub, build_pdf
from ebookgen.project.manuscript import load_project, with_overrides

from .conftest import epubcheck_later

MARKUP = "<script>alert('x')</script> & ]]> <3 &amp; <![CDATA[ x ]]> </p>"


def epub_documents(path: Path) -> dict[str, str]:
    """Return every XML document of an EPUB by name, each checked to be well-formed."""
    documents = {}
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith((".xhtml", ".opf", ".ncx", ".xml")):
                data = archive.read(name)
                ElementTree.fromstring(data)  # Raises on a document that is not well-formed.
                documents[name] = data.decode("utf-8")
    return documents


def epub_text(path: Path) -> str:
    """Return the text content of every XHTML document in an EPUB."""
    texts = []
    for name, document in epub_documents(path).items():
        if name.endswith(".xhtml"):
            texts.append(" ".join(ElementTree.fromstring(document).itertext()))
    return "\n".join(texts)


@pytest.fixture(scope="module")
def markup_story(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("markup")
    story = folder / "story.txt"
    story.write_text(f"Chapter 1: {MARKUP}\n\nShe typed {MARKUP} and sent it.\n", encoding="utf-8")
    return story


def markup_project(story: Path):
    return with_overrides(load_project(story), f"Title {MARKUP}", f"Author {MARKUP}", None)


def test_markup_like_text_is_text_everywhere_in_the_epub(markup_story: Path, tmp_path: Path) -> None:
    target = build_epub(markup_project(markup_story), tmp_path / "markup.epub").path
    documents = epub_documents(target)
    assert "<script>" not in "".join(documents.values())
    text = epub_text(target)
    assert text.count("<script>alert(") >= 4  # Chapter title, paragraph, title page title and author.
    opf = ElementTree.fromstring(documents["EPUB/content.opf"])
    values = [element.text for element in opf.iter() if element.text]
    assert f"Title {MARKUP}" in values and f"Author {MARKUP}" in values
    nav = " ".join(ElementTree.fromstring(documents["EPUB/nav.xhtml"]).itertext())
    assert "<script>alert(" in nav
    images = [element for name, document in documents.items() for element in ElementTree.fromstring(document).iter()]
    alts = [element.get("alt", "") for element in images if element.tag.endswith("img")]
    assert any(f"Title {MARKUP}" in alt for alt in alts), alts  # The cover's description.
    epubcheck_later(target)


def test_markup_like_text_is_text_in_the_pdf(markup_story: Path, tmp_path: Path) -> None:
    result = build_pdf(markup_project(markup_story), tmp_path / "markup.pdf")
    reader = pypdf.PdfReader(result.path)
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "<script>alert(" in text and "]]> <3" in text
    assert "<script>alert(" in str(reader.metadata.title)


def test_a_paragraph_of_several_megabytes_keeps_every_word(tmp_path: Path) -> None:
    words = [f"word{index}" for index in range(400_000)]
    story = tmp_path / "story.txt"
    story.write_text("Chapter 1\n\n" + " ".join(words) + ".\n", encoding="utf-8")
    assert story.stat().st_size > 4_000_000
    target = build_epub(story, tmp_path / "big.epub").path
    text = epub_text(target)
    assert "word0 word1" in text and "word399998 word399999." in text
    assert len(text.split()) >= len(words)


def test_a_heading_with_nothing_after_it_and_a_book_of_only_headings(tmp_path: Path) -> None:
    ending = tmp_path / "ending.txt"
    ending.write_text("Chapter 1\n\nIt begins.\n\nChapter 2\n", encoding="utf-8")
    only = tmp_path / "only.txt"
    only.write_text("Chapter 1\n\nChapter 2\n\nChapter 3\n", encoding="utf-8")
    for story in (ending, only):
        target = build_epub(story, tmp_path / f"{story.stem}.epub").path
        assert "Chapter 2" in epub_text(target)  # Every document is parsed: each is well-formed.
    assert "Chapter 3" in epub_text(target)
    epubcheck_later(target)  # The book of only headings, the odder of the two.
