"""Running heads and folios for a book laid out in chunks, as pages of their own to lay over the text.

The chunks are laid out before anyone knows on which folio each starts, so they carry no heads or
folios. Once their page counts are in, every body page is described here (``BodyPage``) and a light
HTML document of empty pages carries its head and folio in the same margin boxes, fonts and places
as a single layout would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .model import Book
from .printbook import PageStyle, css_string, geometry_css, ink_css
from .render import attribute


@dataclass(frozen=True)
class BodyPage:
    """One physical page of the book's body and what its margins carry."""

    index: int  # 0-based within the body; the folio counts from 1 on index 0
    chunk: int
    page: int | None  # 0-based page within the chunk, None for a blank inserted between chunks
    kind: str  # "text", "opener" (no head) or "bare" (blank or part page: nothing at all)
    head: str  # the recto head: the book's title or the running chapter's
    anchors: tuple[str, ...] = ()

    @property
    def folio_number(self) -> str:
        """Return the page's number in the folio sequence, printed or not."""
        return str(self.index + 1)

    @property
    def folio(self) -> str:
        """Return the folio printed on the page, "" on a bare page."""
        return "" if self.kind == "bare" else self.folio_number


@dataclass(frozen=True)
class Laid:
    """A laid-out document written to a file: its pages, blanks, ids, and the glyphs its fonts used."""

    path: Path
    pages: int
    blanks: frozenset[int]  # 0-based pages left blank before a recto
    anchors: dict[str, int]  # id -> 1-based page in this document
    glyphs: dict[str, dict[int, tuple[str, float]]]  # font name -> glyph id -> (its text, its width)
    starts: tuple[tuple[str, int], ...] = ()  # per page: the id whose text opens it, and how much came before


# The id of a chapter's or a part page's section; block ids inside them (`chapter-3-p12`) do not match.
SECTION_ID = re.compile(r"(?:chapter|part-before)-\d+")


def page_kind(anchors: tuple[str, ...], blank: bool) -> str:
    """Tell a text page from a chapter opener and from a page that carries nothing."""
    if blank or any(SECTION_ID.fullmatch(anchor) and anchor.startswith("part") for anchor in anchors):
        return "bare"
    if any(SECTION_ID.fullmatch(anchor) and anchor.startswith("chapter") for anchor in anchors):
        return "opener"
    return "text"


def chunk_sheets(
    chunk: Laid, number: int, start: int, head: str, titles: dict[str, str] | None, last: bool
) -> list[BodyPage]:
    """Describe a chunk's pages from body index `start`, and a blank after it if the next must open a recto.

    `head` is the recto head carried from the chunk before; `titles` (chapter id -> title) makes the
    head follow the chapters, None keeps the book's title.
    """
    on_page: dict[int, list[str]] = {}
    for anchor, page in chunk.anchors.items():
        on_page.setdefault(page - 1, []).append(anchor)
    sheets: list[BodyPage] = []
    for page in range(chunk.pages):
        anchors = tuple(on_page.get(page, ()))
        if titles is not None:
            head = next((titles[anchor] for anchor in anchors if anchor in titles), head)
        sheets.append(BodyPage(start + page, number, page, page_kind(anchors, page in chunk.blanks), head, anchors))
    if chunk.pages % 2 and not last:
        sheets.append(BodyPage(start + chunk.pages, number, None, "bare", head))
    return sheets


def overlay_css(book: Book, style: PageStyle, grey_profile_url: str) -> str:
    """Generate the overlay's pages: the book's geometry, heads and folios from each sheet's strings."""
    none = "@top-left { content: none; } @top-right { content: none; }"
    author = css_string(book.metadata.author)
    return f"""{geometry_css(style)}
.sheet {{ break-before: page; string-set: folio attr(data-folio), head attr(data-head); }}
.sheet:first-child {{ break-before: auto; }}
.opener {{ page: opener; }}
.bare {{ page: bare; }}
@page :left {{ @top-left {{ content: {author}; }} @bottom-center {{ content: string(folio); }} }}
@page :right {{ @top-right {{ content: string(head); }} @bottom-center {{ content: string(folio); }} }}
@page opener {{ {none} }}
@page bare {{ {none} @bottom-center {{ content: none; }} }}
{ink_css(style, grey_profile_url)}
"""


def overlay_html(book: Book, style: PageStyle, sheets: list[BodyPage], grey_profile_url: str) -> tuple[str, str]:
    """Return the HTML of empty pages carrying the sheets' heads and folios, and its page rules."""
    from .printbook import html_document

    divs = "\n".join(
        f'<div class="sheet {sheet.kind}" data-folio={attribute(sheet.folio)} data-head={attribute(sheet.head)}></div>'
        for sheet in sheets
    )
    return html_document(book, divs), overlay_css(book, style, grey_profile_url)
