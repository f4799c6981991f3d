"""The page list of a book with parts and back matter, checked against its own PDF's pages.

A part's title page carries no folio but counts: its entry bears the number it counts as. Each page of back
matter gets its own entry in its own document, in order (they once fell inside the last chapter, reversed).
"""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.epub.pagelist import implied_folios, page_breaks

from .epubtools import NS, Epub
from .test_epub_pagelist import words_after

runner = CliRunner()
BOOK_TOML = """title = "The Harbour"
author = "Ann Lee"
afterword = "I wrote this over a winter, a long one.\\n\\nThen spring came."
acknowledgements = "My thanks to my first readers."
about_the_author = "Ann Lee lives by the sea in Cornwall."
also_by = ["The Lighthouse", "Salt and Stone"]
"""
TALK = [
    '"Where were you?" she asked.',
    '"Out."',
    "He shrugged and looked at the sea, which was grey and slow under the morning.",
    '"That is not an answer, and you know it is not an answer, Tom."',
    "She waited for his call by the harbour wall, counting the boats that came in and the gulls after them.",
]


def story() -> str:
    """Two parts of two chapters each, short lines of talk, a scene break in each chapter."""
    lines, chapter = [], 0
    for part in ("PART ONE", "PART TWO"):
        lines.append(part)
        for _ in range(2):
            chapter += 1
            lines.append(f"Chapter {chapter}")
            lines += [TALK[(n * 7 + chapter) % 5] for n in range(50)]
            lines.insert(len(lines) - 20, "* * *")
    return "\n\n".join(lines) + "\n"


def test_a_part_page_without_a_folio_counts_as_the_number_before_the_next() -> None:
    starts = [(3, "part-before-1"), (5, "chapter-1"), (9, "part-before-3"), (11, "chapter-3")]
    folios = ["", "", "", "", "3", "4", "5", "6", "", "", "9", ""]
    assert implied_folios(folios, starts) == ["", "", "1", "", "3", "4", "5", "6", "7", "", "9", ""]


def test_back_matter_pages_begin_at_their_own_sections_in_order() -> None:
    places = ["chapter-1", "block-1-1", "afterword", "acknowledgements"]
    anchors = {"chapter-1": 1, "block-1-1": 1, "afterword": 3, "acknowledgements": 4}
    breaks = page_breaks(places, anchors, ["1", "2", "3", "4"])
    assert [(b.label, b.before) for b in breaks] == [
        ("1", "chapter-1"),
        ("2", "block-1-1"),
        ("3", "afterword"),
        ("4", "acknowledgements"),
    ]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Epub, PdfReader]:
    folder = tmp_path_factory.mktemp("parts")
    (folder / "book").mkdir()
    (folder / "book" / "book.toml").write_text(BOOK_TOML, encoding="utf-8")
    (folder / "book" / "story.txt").write_text(story(), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1700000000")
        result = runner.invoke(app, ["build", str(folder / "book"), "-o", str(folder / "out")])
    assert result.exit_code == 0, result.output
    return Epub(folder / "out" / "the-harbour.epub"), PdfReader(folder / "out" / "the-harbour.pdf")


def page_texts(pdf: PdfReader) -> tuple[list[str], int]:
    """Return each PDF page's words, and what to add to a folio number for its 0-based page (printed or not)."""
    texts = [" ".join(re.sub("[\u2619\u2766\u2767]", " ", page.extract_text()).split()) for page in pdf.pages]
    index, number = next((i, int(found.group(1))) for i, t in enumerate(texts) if (found := re.search(r"(\d+)$", t)))
    return texts, index - number


@pytest.mark.slow
def test_every_page_list_entry_is_on_the_pdf_page_of_its_number(built) -> None:
    book, pdf = built
    texts, offset = page_texts(pdf)
    links = list(book.nav().iterfind(".//x:nav[@epub:type='page-list']//x:a", NS))
    entries = []
    for link in links:
        document, marker_id = link.get("href").split("#")
        marker = book.xml(document).find(f".//*[@id='{marker_id}']", NS)
        words = words_after(marker)
        index = int(link.text) + offset
        assert words and words in texts[index], (link.text, document, words, texts[index][:80])
        entries.append((link.text, document))
    numbers = [int(label) for label, _ in entries]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)
    documents = {document for _, document in entries}
    assert {"text/part-01.xhtml", "text/part-02.xhtml", "text/afterword.xhtml", "text/also-by.xhtml"} <= documents
    part_pages = [label for label, document in entries if document.startswith("text/part-")]
    assert part_pages and all(not texts[int(label) + offset].endswith(label) for label in part_pages)
