"""The print edition's pages in the e-book: where each printed page begins, from the PDF's layout.

The PDF writer reports, for every element id, the physical page it begins on (``anchors``) and,
for every physical page, the folio printed on it (``folios``). These pure functions turn that into
``PageBreak`` records (which folio begins before which element), which the renderer turns into
markers in the chapter XHTML (``render/pages.py``), so that "page 42" of the paperback can be
found and cited in the e-book.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ebookgen.model import Book, PageBreak
from ebookgen.render.ids import marker_id, part_page_anchor, subpart_page_anchor
from ebookgen.render.inlines import page_markers

# Void elements cannot hold a marker: it goes just before them instead.


@dataclass(frozen=True)
class PrintEdition:
    """The printed book the e-book's page list comes from."""

    source: str
    breaks: tuple[PageBreak, ...]


def first_pages(places: Sequence[str], anchors: Mapping[str, int]) -> list[tuple[int, str]]:
    """Return (page, id) for each place the layout reports, in reading order, pages never going back."""
    starts: list[tuple[int, str]] = []
    latest = 0
    for place in places:
        if place in anchors:
            latest = max(latest, anchors[place])
            starts.append((latest, place))
    return starts


def place_for_page(page: int, starts: Sequence[tuple[int, str]]) -> str | None:
    """Return the element a page's marker goes before.

    The first element that begins on the page; or, when none does (the page lies inside one long
    paragraph), the last element that began before it.
    """
    before = None
    for start, place in starts:
        if start == page:
            return place
        if start > page:
            break
        before = place
    return before


def page_start(page: int, starts: Sequence[tuple[int, str]], opening: tuple[str, int] | None) -> tuple[str, int] | None:
    """Return (element, offset) where a page begins: exactly when the layout says which text opens it."""
    if opening and opening[0] in {place for _, place in starts}:
        if opening[1] > 0 or any(start == page and place == opening[0] for start, place in starts):
            return opening
    place = place_for_page(page, starts)
    return (place, 0) if place else None


def page_breaks(
    places: Sequence[str],
    anchors: Mapping[str, int],
    folios: Sequence[str],
    openings: Sequence[tuple[str, int]] = (),
) -> tuple[PageBreak, ...]:
    """Map every numbered page of the print layout to where its marker goes.

    ``openings`` (from the PDF, optional) names for each page the element whose text opens it and how
    much of that text came before: a page that begins inside a paragraph gets its marker inside it.
    """
    starts = first_pages(places, anchors)
    breaks: list[PageBreak] = []
    taken: set[str] = set()
    for page, label in enumerate(implied_folios(folios, starts), start=1):
        opening = openings[page - 1] if page <= len(openings) else None
        found = page_start(page, starts, opening) if label else None
        if found is not None:
            breaks.append(PageBreak(label, page, found[0], marker_id(label, page, taken), found[1]))
            taken.add(breaks[-1].marker_id)
    return tuple(breaks)


def implied_folios(folios: Sequence[str], starts: Sequence[tuple[int, str]]) -> list[str]:
    """Give a page that carries no folio but opens part of the text (a part's title page) the number it counts as.

    Books count such a page and leave its folio off; a reader's "go to page 15" must still find it. Its number is
    the next printed folio's, less the pages between. Blank pages and the front matter open no place: no label.
    """
    labels = list(folios)
    opening = {page for page, _ in starts}
    for index in range(len(labels) - 1, -1, -1):
        after = next((i for i in range(index + 1, len(labels)) if labels[i].isdigit()), None)
        if not labels[index] and index + 1 in opening and after is not None:
            number = int(labels[after]) - (after - index)
            labels[index] = str(number) if number >= 1 else ""
    return labels


def book_places(book: Book, language) -> list[str]:
    """List every id a printed page can begin at, in reading order: part pages, chapters, then the back matter."""
    from ebookgen.render.backmatter import back_pages
    from ebookgen.render.xhtml import render_book

    places: list[str] = []
    for chapter, rendered in zip(book.chapters, render_book(book, language, block_ids=True), strict=True):
        places += [part_page_anchor(chapter.number)] if chapter.part else []
        places += [subpart_page_anchor(chapter.number)] if chapter.subpart else []
        places += rendered.places
    return places + [page.anchor for page in back_pages(book, language)]


def marked_at_start(section: str, place: str, breaks: Sequence[PageBreak]) -> str:
    """Put the markers of the pages that begin in a section with no places inside (a part, back matter): first in
    it, or, for a page that begins further in, before the first word at or after its offset (past the heading)."""
    mine = [page for page in breaks if page.before == place]
    for page in sorted(mine, key=lambda page: -page.offset):
        at = section.index(">") + 1
        if page.offset:
            at = word_from(section, section.find("</h2>", at) + 5 if "</h2>" in section else at, page.offset)
        section = section[:at] + page_markers([page]) + section[at:]
    return section


def word_from(markup: str, start: int, offset: int) -> int:
    """Return where the first word at or after the offset-th non-space character of the text from start begins."""
    count, index, after_space = 0, start, False
    while index < len(markup):
        if markup[index] == "<":
            index = markup.index(">", index) + 1
            continue
        if markup[index].isspace():
            after_space, index = True, index + 1
            continue
        if count >= offset and after_space:
            return index
        count, after_space = count + 1, False
        index = markup.index(";", index) + 1 if markup[index] == "&" else index + 1
    return len(markup) - len("</section>")


def print_edition(
    places: Sequence[str],
    anchors: Mapping[str, int],
    folios: Sequence[str],
    openings: Sequence[tuple[str, int]],
    source: str,
) -> PrintEdition:
    """Describe the print edition's pages for the e-book, from the places of the rendered chapters in order."""
    return PrintEdition(source, page_breaks(places, anchors, folios, openings))


# The rule the renderer follows, stated on finished markup. No writer calls these: the renderer
# places the markers while it renders (render/pages.py); the tests hold the two to agreement.
