"""Where the print edition's pages begin, as the e-book's renderer needs to know it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageBreak:
    """Where a printed page begins: its folio, its physical page, the element it begins at, its marker's id."""

    label: str
    page: int
    before: str
    marker_id: str
    offset: int = 0  # Non-space characters of the element's text that come before the page begins.
