"""The element ids of the rendered book, made here and nowhere else.

Writers take ids from the rendered records (``RenderedChapter.anchor``, ``.places``, a
``PageBreak``'s ``marker_id``); the print layout reports pages by them and the e-book's page
list points at them, so both must spell them the same way.
"""

from __future__ import annotations

import re

from ebookgen.patterns import lazy

# A chapter's section and a printed part page; block ids inside them (`block-3-12`) do not match.
CHAPTER_ID = lazy(r"chapter-\d+")
PART_PAGE_ID = lazy(r"part-(?:before|within)-\d+")


def chapter_anchor(number: int) -> str:
    """Return the id of chapter `number`'s section."""
    return f"chapter-{number}"


def title_anchor(anchor: str) -> str:
    """Return the id of the heading that names the section `anchor`."""
    return f"{anchor}-title"


def block_anchor(chapter: int, number: int) -> str:
    """Return the id of a chapter's `number`-th paragraph or scene break, counted from 1."""
    return f"block-{chapter}-{number}"


def part_anchor(number: int) -> str:
    """Return the id of the e-book's `number`-th part opening, counted from 1."""
    return f"part-{number}"


def part_page_anchor(chapter: int) -> str:
    """Return the id of the printed part page that opens before chapter `chapter`."""
    return f"part-before-{chapter}"


def subpart_page_anchor(chapter: int) -> str:
    """Return the id of the printed page of a collected work's own part that opens before chapter `chapter`."""
    return f"part-within-{chapter}"


def marker_id(label: str, page: int, taken: set[str]) -> str:
    """Return a unique id for a page's marker: `page-42` for a plain folio, else one from the physical page."""
    wanted = f"page-{label}" if re.fullmatch(r"[A-Za-z0-9]+", label) else f"page-p{page}"
    return wanted if wanted not in taken else f"page-p{page}"


def section_kind(anchor: str) -> str:
    """Tell which body section an id opens: "chapter", "part" (a printed part page), or "" for any other."""
    if CHAPTER_ID.fullmatch(anchor):
        return "chapter"
    if PART_PAGE_ID.fullmatch(anchor):
        return "part"
    return ""


def note_anchor(chapter: int, number: int) -> str:
    """Return the id of chapter `chapter`'s `number`-th note (its aside in the e-book, its footnote in print)."""
    return f"note-{chapter}-{number}"


def note_call_anchor(chapter: int, number: int, call: int = 1) -> str:
    """Return the id of the `call`-th place chapter `chapter` calls its `number`-th note, the back-link's target."""
    return f"noteref-{chapter}-{number}" + (f"-{call}" if call > 1 else "")


def figure_file(index: int, suffix: str) -> str:
    """Return the e-book's file name for the `index`-th image its figures show, counted from 1."""
    return f"images/figure-{index:02d}{suffix}"
