"""Where the print edition's page-break markers go in an element, decided while it is rendered.

A page that begins at an element gets its marker as the element's first content, or just before
the element when it holds no text (a scene break). A page that begins inside a paragraph, after
``offset`` non-space characters of its text, gets its marker before the first word that starts
there or later: a page that begins in the middle of a hyphenated word begins, for the reader, at
the next word. When no word starts there, the marker goes at the paragraph's end. The renderer
puts a marker before the character it falls at, so inside ``<em>`` when the word is emphasised.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ebookgen.model import Inline, PageBreak, plain_text
from ebookgen.model.characters import FORBIDDEN


@dataclass(frozen=True)
class Placed:
    """An element's page breaks: at its start, before characters of its text (by index), at its end."""

    start: tuple[PageBreak, ...] = ()
    inside: Mapping[int, tuple[PageBreak, ...]] = field(default_factory=dict)
    end: tuple[PageBreak, ...] = ()


def breaks_by_place(breaks: Sequence[PageBreak]) -> dict[str, list[PageBreak]]:
    """Group page breaks by the id of the element each begins at, keeping their order."""
    grouped: dict[str, list[PageBreak]] = {}
    for page in breaks:
        grouped.setdefault(page.before, []).append(page)
    return grouped


def element_text(inlines: tuple[Inline, ...]) -> str:
    """Return an element's text as it is rendered (without what XML cannot carry), markup aside."""
    return FORBIDDEN.sub("", plain_text(inlines))


def word_start(text: str, offset: int) -> int | None:
    """Return the index of the first word that starts at or after the offset-th non-space character, if any."""
    count, after_space = 0, False
    for index, char in enumerate(text):
        if char.isspace():
            after_space = True
            continue
        if count >= offset and after_space:
            return index
        count += 1
        after_space = False
    return None


def insertion_order(breaks: Sequence[PageBreak]) -> list[PageBreak]:
    """Order an element's breaks the furthest in first, as the markers were once inserted one by one.

    Keeping that order keeps the e-book as it was: a marker inserted at an element's start landed
    before those already there; one inserted inside its text, at its end or before it, after them.
    """
    return sorted(breaks, key=lambda page: -page.offset)


def breaks_at_start(breaks: Sequence[PageBreak]) -> tuple[PageBreak, ...]:
    """Order the breaks that go at the start of an element whose own text is not counted (a chapter)."""
    return tuple(reversed(insertion_order(breaks)))


def breaks_before(breaks: Sequence[PageBreak]) -> tuple[PageBreak, ...]:
    """Order the breaks that go just before an element that cannot hold them (a scene break)."""
    return tuple(insertion_order(breaks))


def place_breaks(breaks: Sequence[PageBreak], text: str) -> Placed:
    """Place an element's page breaks in its text: at its start, before a word, or at its end."""
    start: list[PageBreak] = []
    inside: dict[int, list[PageBreak]] = {}
    end: list[PageBreak] = []
    for page in insertion_order(breaks):
        index = word_start(text, page.offset) if page.offset else None
        if not page.offset:
            start.insert(0, page)
        elif index is None:
            end.append(page)
        else:
            inside.setdefault(index, []).append(page)
    return Placed(tuple(start), {index: tuple(pages) for index, pages in inside.items()}, tuple(end))
