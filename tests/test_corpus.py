"""The normaliser on real books from ../shared/corpus: War and Peace and Swann's Way."""

from __future__ import annotations

import re

import pytest

from ebookgen.check import check_text
from ebookgen.model import Emphasis, iter_paragraph_blocks, plain_text
from ebookgen.readers.table import read_text

from .conftest import SHARED, requires_shared
from .rawtext import normalise_manuscript

CORPUS = SHARED / "corpus"
pytestmark = pytest.mark.slow  # Whole novels.


@pytest.fixture(scope="module")
def war_and_peace():
    return normalise_manuscript(read_text(CORPUS / "pg2600.txt"))


@pytest.fixture(scope="module")
def swanns_way():
    return normalise_manuscript(read_text(CORPUS / "pg7178.txt"))


def book_text(chapters) -> str:
    return "\n".join(
        plain_text(block.inlines) for chapter in chapters for block in iter_paragraph_blocks(chapter.blocks)
    )


@requires_shared
def test_war_and_peace_chapters_and_book_parts(war_and_peace) -> None:
    chapters = war_and_peace.chapters
    parts = [chapter.part for chapter in chapters if chapter.part]
    # Headings typed in capitals are set as titles (issue 17): `BOOK ONE: 1805` is `Book One: 1805`.
    assert parts[:3] == ["Book One: 1805", "Book Two: 1805", "Book Three: 1805"]
    assert len(parts) >= 8 and all(part.startswith("Book ") for part in parts)
    titled = [chapter for chapter in chapters if chapter.title.startswith("Chapter ")]
    # The credit line and the book's own title page are gone: the book opens at Book One, Chapter I.
    assert titled == list(chapters) and len(titled) >= 140
    assert (chapters[0].part, chapters[0].title) == ("Book One: 1805", "Chapter I")
    # The table of contents at the top is dropped: no chapter is only a heading.
    assert all(chapter.blocks for chapter in titled)
    assert war_and_peace.found.title == "War and Peace" and war_and_peace.found.author == "Leo Tolstoy"


@requires_shared
def test_war_and_peace_typography(war_and_peace) -> None:
    text = book_text(war_and_peace.chapters)
    assert '"' not in text and "'" not in text and "--" not in text and "...." not in text
    assert "self-satisfied" in text  # A line-end hyphen joins with no space.
    assert "\u2014I really believe he is Antichrist\u2014" in text
    assert ".\u2026" in text  # Four dots: the full stop, then the ellipsis.
    assert "my \u2018faithful slave,\u2019 as you call yourself" in text


@requires_shared
def test_swanns_way_parts_italics_and_licence(swanns_way) -> None:
    titles = [chapter.title for chapter in swanns_way.chapters]
    assert titles == ["Overture", "Combray", "Swann in Love", "Place-Names: The Name"]  # typed in capitals
    text = book_text(swanns_way.chapters)
    assert "Gutenberg" not in text and "_" not in text
    emphasis = [
        plain_text(run.children)
        for chapter in swanns_way.chapters
        for block in iter_paragraph_blocks(chapter.blocks)
        for run in block.inlines
        if isinstance(run, Emphasis)
    ]
    assert len(emphasis) > 100
    # `_marrons` ends line 616 and `glacés_` opens line 617: one span across the line end.
    assert "marrons glac\u00e9s" in emphasis
    assert "the \u2018little nucleus,\u2019 the \u2018little group,\u2019" in text
    assert re.search(r"Fran\u00e7ois", text)


@requires_shared
def test_check_reports_real_slips_in_swanns_way() -> None:
    findings = check_text(read_text(CORPUS / "pg7178.txt"))
    lines = {finding.line: finding.severity for finding in findings}
    # `'a queen of fashion,` never closes its single quote (line 7987 of the Gutenberg file).
    assert lines.get(7987) == "error"
    assert all(finding.line > 20 for finding in findings)
