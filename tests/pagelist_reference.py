"""The page-break rule as it was first written, on rendered markup with regular expressions: the reference.

The renderer now places page-break markers while it renders (``ebookgen/render/pages.py``) and no writer
edits markup afterwards. These functions are kept here, in the tests, as the rule's executable statement:
``test_render_pages.py`` holds the renderer to give exactly what they give, and ``test_epub_pagelist.py``
pins the rule itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ebookgen.model import PageBreak
from ebookgen.render.xhtml import page_marker

# Void elements cannot hold a marker: it goes just before them instead.
VOID_TAGS = ("hr", "br", "img")


def insert_page_breaks(section: str, breaks: Sequence[PageBreak]) -> str:
    """Put each page's marker where the page begins: inside its element's text, at its start, or before it."""
    for page in sorted(breaks, key=lambda page: -page.offset):
        section = insert_at(section, page.before, page_marker(page), page.offset)
    return section


def insert_at(section: str, place: str, markers: str, offset: int = 0) -> str:
    """Insert markers in the element with id `place`: at the word `offset` non-space characters in.

    At offset 0 the markers become the element's first content (or go before a void element).
    """
    tag = re.search(rf'<([a-z][a-z0-9]*)\b[^>]*\sid="{re.escape(place)}"[^>]*>', section)
    if tag is None:
        raise ValueError(f"no element with id {place!r} in this section")
    if tag.group(1) in VOID_TAGS:
        return section[: tag.start()] + markers + section[tag.start() :]
    position = word_at(section, tag.end(), offset) if offset else tag.end()
    return section[:position] + markers + section[position:]


def word_at(markup: str, start: int, offset: int) -> int:
    """Return where, in the markup from start, the word holding the offset-th non-space character ends up.

    A page that begins in the middle of a hyphenated word begins, for the reader, at the next word.
    Tags are skipped; an entity counts as one character; the element's end tag stops the search.
    """
    count, depth, index, after_space = 0, 0, start, False
    while index < len(markup):
        if markup.startswith("</", index):
            depth -= 1
            if depth < 0:
                return index
        if markup[index] == "<":
            closing = markup.index(">", index)
            if not markup.startswith("</", index) and markup[closing - 1] != "/":
                depth += 1
            index = closing + 1
            continue
        end = markup.index(";", index) + 1 if markup[index] == "&" else index + 1
        if markup[index].isspace():
            after_space = True
        else:
            if count >= offset and (after_space or count == offset == 0):
                return index
            count += 1
            after_space = False
        index = end
    return index


def places_in(anchor: str, section: str) -> list[str]:
    """Return the ids a page can begin at in a rendered chapter: the chapter, then its blocks in order."""
    return [anchor] + re.findall(r'\sid="(block-\d+-\d+)"', section)
