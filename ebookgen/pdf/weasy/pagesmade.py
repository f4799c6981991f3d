"""The pages the spread leveller made lately, kept for its tries (part of the WeasyPrint seam, used by
``setting.Setter``): a try that would make a page again from all the same takes it as made. A cache only: the book
is the same to the byte with it and without it (tests/test_spreads_kept.py).
"""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass(frozen=True)
class NotesLeft:
    """WeasyPrint's notes and floats as making a page left them for the page after it: the notes whose call is still
    to come (its waiting list: a note leaves it when laid out, and a page made again lays out only notes on it), the
    notes moved on to the next page, and the floats broken over the page's foot."""

    waiting: tuple
    reported: tuple
    floats: tuple

    @classmethod
    def of(cls, context) -> NotesLeft:
        """Return what the page made last left in the layout context."""
        return cls(
            tuple(context.footnotes), tuple(context.reported_footnotes), tuple(context.broken_out_of_flow.items())
        )

    def put(self, context) -> None:
        """Set the layout context back as the page made then left it, for a page to be made after it."""
        context.footnotes, context.reported_footnotes = list(self.waiting), list(self.reported)
        context.broken_out_of_flow = dict(self.floats)

    def key(self) -> tuple:
        """Return what tells these apart for pages starting at one place: the notes waiting, moved on, floats."""
        return len(self.waiting), tuple(map(id, self.reported)), len(self.floats)


class PagesMade:
    """The pages a layout made lately, each by its number, start, room and what else it was made from (``made_from``),
    for the leveller's tries: a try that would make a page again from all the same takes it as made (a cache only:
    the page is the one making it again would give). A page carrying notes or floats from page to page is not kept."""

    def __init__(self) -> None:
        self.pages: dict[tuple, tuple] = {}
        self.trying = False  # making pages for a try of the leveller: a kept page may stand for one
        self.left: dict[int, tuple] = {}  # id of where a page made ends: (its number, that place, ``NotesLeft``)

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

    def starting(self, context, number: int, resume) -> None:
        """Note the layout context as page `number` first starts at `resume` (the document's first page starts at
        None, where no page made ended)."""
        if id(resume) not in self.left:
            self.left[id(resume)] = (number, resume, NotesLeft.of(context))

    def ended(self, context, number: int, page: tuple) -> None:
        """Note what making page `number` left in the layout context, for a page made again after it; let go of
        what pages far back left."""
        end = ends(page)
        self.left[id(end)] = (number, end, NotesLeft.of(context))
        if len(self.left) > 4 * KEPT_BACK:
            self.left = {key: left for key, left in self.left.items() if left[0] >= number - KEPT_BACK}

    def resumed(self, context, resume) -> None:
        """Set the layout context back as the page that ended at `resume` left it (a page made again starts there:
        a try must not start from what the page made last, maybe a later one, left)."""
        left = self.left.get(id(resume))
        if left is not None and left[1] is resume:
            left[2].put(context)

    def after(self, context, page: tuple) -> None:
        """Set the layout context back as making this page left it (for the page WeasyPrint makes next)."""
        self.resumed(context, ends(page))

    def notes_key(self, resume) -> tuple:
        """Return what the page that ended at `resume` left, as ``NotesLeft.key`` tells it."""
        left = self.left.get(id(resume))
        return left[2].key() if left is not None and left[1] is resume else ()


def ends(page: tuple):
    """Return where a page made ends, or the page itself for the document's last (None is where the first starts)."""
    return page[0] if page[1] is None else page[1]
