"""The pages the spread leveller made lately, kept for its tries (part of the WeasyPrint seam, used by
``setting.Setter``): a try that would make a page again from all the same takes it as made. A cache only: the book
is the same to the byte with it and without it (tests/test_spreads_kept.py).
"""

from __future__ import annotations

from ebookgen.pdf.weasy.spreads import CHANGED_RUNS_BACK, MOST_RUNS_BACK, has_footnotes

# Pages made this far back (page numbers) are let go: no spread levelled later reaches them (a run is a spread or a
# chapter's opening page; the spread's own two pages, and room to spare).
KEPT_BACK = 2 * max(MOST_RUNS_BACK, CHANGED_RUNS_BACK) + 4


def made_from(context, arguments: tuple, looseness: dict, block_lines: dict) -> str:
    """Return what a page made depends on beside its number, start and room: its counters and quotes, the notes
    waiting and the floats carried over, every paragraph set a line looser or tighter, and every scene break or
    title a line taller or shorter (a page made again from all the same is the same page)."""
    carried = (len(context.footnotes), len(context.reported_footnotes), len(context.broken_out_of_flow))
    changed = [
        sorted((repr(key), lines) for key, lines in changes.items() if lines) for changes in (looseness, block_lines)
    ]
    return repr((arguments[4], carried, *changed))


class PagesMade:
    """The pages a layout made lately, each by its number, start, room and what else it was made from (``made_from``),
    for the leveller's tries: a try that would make a page again from all the same takes it as made (a cache only:
    the page is the one making it again would give). A page carrying notes or floats from page to page is not kept."""

    def __init__(self) -> None:
        self.pages: dict[tuple, tuple] = {}
        self.trying = False  # making pages for a try of the leveller: a kept page may stand for one

    def taken(self, context, arguments: tuple, room: float, before: str):
        """Return a page kept for this number, start, room and state, WeasyPrint's notes set as making it leaves them,
        with the paragraphs it opened; None when there is none, or outside the leveller's tries."""
        kept = self.pages.get((arguments[3], repr(arguments[2]), room)) if self.trying else None
        if kept is None or kept[0] != before:
            return None
        _, page, opened, blocks, (context.page_bottom, context.current_footnote_area, footnotes) = kept
        context.current_page, context.current_page_footnotes = arguments[3], list(footnotes)
        return page, list(opened), list(blocks)  # the planner and the setter go on adding to their lists

    def keep(self, context, arguments: tuple, room: float, before: str, page: tuple, on_it: tuple) -> None:
        """Keep a page made, with what is on it (the paragraphs it opened, the scene breaks and titles laid out on it)
        and WeasyPrint's notes its making left; let go of pages far back."""
        number = arguments[3]
        if context.reported_footnotes or context.broken_out_of_flow or has_footnotes(page[0]):
            return  # notes or floats carried from page to page: made again, it may differ
        left = (context.page_bottom, context.current_footnote_area, tuple(context.current_page_footnotes))
        self.pages[(number, repr(arguments[2]), room)] = (before, page, *on_it, left)
        for key in [key for key in self.pages if key[0] < number - KEPT_BACK]:
            del self.pages[key]

    def forget(self, page) -> None:
        """Let go of every kept page that is this page object: it has taken another layout."""
        for key in [key for key, kept in self.pages.items() if kept[1][0] is page]:
            del self.pages[key]
