"""The body pages of a book laid out in chunks: what each page is and what its margins carry.

Once every chunk is laid out, each body page is described here (``BodyPage``): which chunk and
page it comes from, its folio, its recto head, the ids on it. The joiner and the contents page
read these; the chunks drew their own heads and folios (``folios.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ebookgen.render.ids import section_kind


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


def page_kind(anchors: tuple[str, ...], blank: bool) -> str:
    """Tell a text page from a chapter opener and from a page that carries nothing, by the sections opening on it."""
    kinds = {section_kind(anchor) for anchor in anchors}
    if blank or "part" in kinds:
        return "bare"
    if "chapter" in kinds:
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
