"""The print edition's pages in the e-book: page-break markers and a page list from the PDF's layout.

The PDF writer reports, for every element id, the physical page it begins on (``anchors``) and,
for every physical page, the folio printed on it (``folios``). These pure functions turn that into
``PageBreak`` records (which folio begins before which element) and put markers into the
chapter XHTML, so that "page 42" of the paperback can be found and cited in the e-book.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .render import attribute

# Void elements cannot hold a marker: it goes just before them instead.
VOID_TAGS = ("hr", "br", "img")


@dataclass(frozen=True)
class PageBreak:
    """Where a printed page begins: its folio, its physical page, the element it begins at, its marker's id."""

    label: str
    page: int
    before: str
    marker_id: str


def marker_id(label: str, page: int, taken: set[str]) -> str:
    """Return a unique id for a page's marker: `page-42` for a plain folio, else one from the physical page."""
    wanted = f"page-{label}" if re.fullmatch(r"[A-Za-z0-9]+", label) else f"page-p{page}"
    return wanted if wanted not in taken else f"page-p{page}"


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


def page_breaks(places: Sequence[str], anchors: Mapping[str, int], folios: Sequence[str]) -> tuple[PageBreak, ...]:
    """Map every numbered page of the print layout to the element its marker goes before."""
    starts = first_pages(places, anchors)
    breaks: list[PageBreak] = []
    taken: set[str] = set()
    for page, label in enumerate(folios, start=1):
        place = place_for_page(page, starts) if label else None
        if place is not None:
            breaks.append(PageBreak(label, page, place, marker_id(label, page, taken)))
            taken.add(breaks[-1].marker_id)
    return tuple(breaks)


def marker(page: PageBreak) -> str:
    """Return the page-break marker for one printed page."""
    return (
        f'<span epub:type="pagebreak" role="doc-pagebreak" id="{page.marker_id}"'
        f" aria-label={attribute(page.label)} title={attribute(page.label)}></span>"
    )


def insert_page_breaks(section: str, breaks: Sequence[PageBreak]) -> str:
    """Put each page's marker at the start of the element it begins at (before a void element)."""
    by_place: dict[str, list[PageBreak]] = {}
    for page in breaks:
        by_place.setdefault(page.before, []).append(page)
    for place, pages in by_place.items():
        markers = "".join(marker(page) for page in pages)
        section = insert_at(section, place, markers)
    return section


def insert_at(section: str, place: str, markers: str) -> str:
    """Insert markers as the first content of the element with id `place`, or before it if void."""
    tag = re.search(rf'<([a-z][a-z0-9]*)\b[^>]*\sid="{re.escape(place)}"[^>]*>', section)
    if tag is None:
        raise ValueError(f"no element with id {place!r} in this section")
    if tag.group(1) in VOID_TAGS:
        return section[: tag.start()] + markers + section[tag.start() :]
    return section[: tag.end()] + markers + section[tag.end() :]


def breaks_in(breaks: Sequence[PageBreak], anchor: str) -> list[PageBreak]:
    """Return the page breaks that fall inside the chapter with this anchor."""
    return [page for page in breaks if page.before == anchor or page.before.startswith(f"{anchor}-")]


def places_in(anchor: str, section: str) -> list[str]:
    """Return the ids a page can begin at in a rendered chapter: the chapter, then its blocks in order."""
    return [anchor] + re.findall(rf'\sid="({re.escape(anchor)}-\d+)"', section)


def print_edition(
    sections: Sequence[tuple[str, str]], anchors: Mapping[str, int], folios: Sequence[str], source: str
) -> PrintEdition:
    """Describe the print edition's pages for the e-book, from the rendered chapters (anchor, section)."""
    places = [place for anchor, section in sections for place in places_in(anchor, section)]
    return PrintEdition(source, page_breaks(places, anchors, folios))
