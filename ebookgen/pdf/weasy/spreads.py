"""How deep a spread of text runs at its foot: the rooms the page maker tries to end a verso and its recto on one
line, and whether a page ended where it was set to (part of the WeasyPrint seam, used by ``setting.level``).
"""

from __future__ import annotations

import copy
import itertools
import math

# A spread may run this many lines short, both its pages together, to end on one line.
MOST_LINES_SHORT = 2
# Or a line long, both its pages together, into the foot margin (as Vellum and book typesetters do).
RUN_LONG = True
# What moving a run of pages to a depth costs, by whole lines short (below zero: long): the fewest lines moved first.
ROOM_COST = {0: 0, 1: 1, -1: 2, 2: 3}
# How many runs of pages before a spread (spreads, or a chapter's opening page) may move to level it.
MOST_RUNS_BACK = 2
# Where no depth levels a spread, a paragraph opening on it is set a line shorter, else longer (TeX's \looseness):
# on each of its pages, this many at most each way, nearest the foot first (any paragraph above a page's foot moves
# the text after it alike, so a few stand for all).
LOOSENESS = (-1, 1)
PARAGRAPHS_A_PAGE = 2
# Pages made this far back (page numbers) are let go from the pages kept for the leveller's tries (``PagesMade``):
# no spread levelled later reaches them.
KEPT_BACK = 2 * MOST_RUNS_BACK + 4


def spread_depths(line: float) -> tuple[float, ...]:
    """Return the rooms to try at a spread's foot, best first: full, a line short, a line long, two lines short."""
    rooms = (0.0, line, -line if RUN_LONG else 0.0, *(line * n for n in range(2, MOST_LINES_SHORT + 1)))
    return tuple(dict.fromkeys(rooms)) if line else ()


def depth(page, bottom: float, line: float) -> int | None:
    """Return how many whole lines above its full page's foot a page's text ends (below zero: run long)."""
    feet = [box.position_y + box.height for box in body_lines(page)]
    if not feet or not line:
        return None
    return math.floor((bottom - max(feet)) / line + 0.02)


def shortfall(page, bottom: float) -> float:
    """Return how far above a page's foot its last line ends, when that is one or two whole lines."""
    lines = list(body_lines(page))
    if not lines:
        return 0.0
    last = max(lines, key=lambda line: line.position_y + line.height)
    free = bottom - (last.position_y + last.height)
    whole = int(free / last.height + 0.02) if last.height else 0
    return whole * last.height if 1 <= whole <= MOST_LINES_SHORT else 0.0


def body_lines(box):
    """Yield the line boxes laid out in a box, the page's margin boxes left out."""
    for child in getattr(box, "children", ()):
        if type(child).__name__ == "LineBox":
            yield child
        elif type(child).__name__ != "MarginBox":
            yield from body_lines(child)


def ends_at(page, bottom: float, room: float, line: float) -> bool:
    """Tell whether a page's text ends `room` (whole lines; below zero, long) above the foot of its full page."""
    return not has_footnotes(page) and depth(page, bottom, line) == round(room / line)


def has_footnotes(page) -> bool:
    """Tell whether a page carries footnotes (a page run long would set its text over them)."""
    return any(type(child).__name__ == "FootnoteAreaBox" and child.children for child in page.children)


def spread_tries(line: float, units: tuple[int, ...], depths_now: tuple[int | None, ...]) -> tuple[tuple, ...]:
    """Return the rooms to make pages again at, one for each page made again, best first. `units` are the pages of
    each run made again together, oldest first: spreads of two, a chapter's opening page alone (it faces the last
    chapter's end), the spread being levelled last; the runs before it stand at `depths_now` unless moved. The
    spread alone (its two rooms) and with the runs before it moved too (a room for each of the pages of `units`)
    are tried the fewest lines moved first (``ROOM_COST``), the spread alone first at a cost: so a spread runs two
    lines short (a short page) only when no run moved a line levels it."""
    rooms = spread_depths(line)
    alone = [(ROOM_COST[round(room / line)], (room, room)) for room in rooms]
    moved = []
    for chosen in itertools.product(rooms, repeat=len(units)) if len(units) > 1 and None not in depths_now else ():
        depths = tuple(round(room / line) for room in chosen)
        if depths[:-1] != depths_now:
            cost = sum(ROOM_COST[depth] for depth in depths)
            moved.append((cost, tuple(room for room, size in zip(chosen, units, strict=True) for _ in range(size))))
    return tuple(rooms for _, rooms in sorted(alone + moved, key=lambda item: item[0]))


def level_phases(line: float) -> tuple:
    """Return the order a spread is levelled in: (which of the page depths to try, the depths to try a paragraph a
    line shorter or longer at, whether only ragged ones). Full pages first, with a ragged paragraph (large print)
    a line longer or shorter, which a reader does not see; then a line short or long, a justified paragraph too,
    whose spaces open or close; two lines short (a short page) last."""
    shallow = tuple(room for room in spread_depths(line) if abs(round(room / line)) == 1)
    return (
        (lambda rooms: not any(rooms), (0.0,), True),
        (lambda rooms: any(rooms) and not two_short(rooms, line), (0.0, *shallow), False),
        (lambda rooms: two_short(rooms, line), (2 * line,), False),
    )


def two_short(rooms: tuple[float, ...], line: float) -> bool:
    """Tell whether a try leaves a page two lines short or more (a short page, to a reader's eye)."""
    return any(round(room / line) >= 2 for room in rooms)


def made_from(context, arguments: tuple, looseness: dict) -> str:
    """Return what a page made depends on beside its number, start and room: its counters and quotes, the notes
    waiting and the floats carried over, and every paragraph set a line looser or tighter (a page made again from
    all the same is the same page)."""
    carried = (len(context.footnotes), len(context.reported_footnotes), len(context.broken_out_of_flow))
    return repr((arguments[4], carried, sorted((key, lines) for key, lines in looseness.items() if lines)))


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
        _, page, opened, (context.page_bottom, context.current_footnote_area, footnotes) = kept
        context.current_page, context.current_page_footnotes = arguments[3], list(footnotes)
        return page, list(opened)  # the planner goes on adding to its list

    def keep(self, context, arguments: tuple, room: float, before: str, page: tuple, opened: tuple) -> None:
        """Keep a page made, with WeasyPrint's notes its making left; let go of pages far back."""
        number = arguments[3]
        if context.reported_footnotes or context.broken_out_of_flow or has_footnotes(page[0]):
            return  # notes or floats carried from page to page: made again, it may differ
        left = (context.page_bottom, context.current_footnote_area, tuple(context.current_page_footnotes))
        self.pages[(number, repr(arguments[2]), room)] = (before, page, opened, left)
        for key in [key for key in self.pages if key[0] < number - KEPT_BACK]:
            del self.pages[key]

    def forget(self, page) -> None:
        """Let go of every kept page that is this page object: it has taken another layout."""
        for key in [key for key, kept in self.pages.items() if kept[1][0] is page]:
            del self.pages[key]


def chain_made(again, chain: tuple, rooms: tuple[float, ...], fits, made: dict) -> list | None:
    """Make pages again in order, each from where the one before ends, each ending `rooms` above its foot; return
    the pages made, or None when one does not end there (`made` keeps each page made, by its number, where it starts
    and its room: many tries start a page at the same place)."""
    chain = chain[len(chain) - len(rooms) :]  # the spread alone: its own two pages
    resume, pages = chain[0][2], []
    for arguments, room in zip(chain, rooms, strict=True):
        key = (arguments[3], repr(resume), room)
        if key not in made:
            page = again(arguments, resume, room)
            made[key] = page if page[1] is not None and fits(page[0], room) else None
        if made[key] is None:
            return None
        pages.append(made[key])
        resume = made[key][1]
    return pages


class SpreadLeveller:
    """The page maker's levelling of spreads, for the setting's hooks (``setting.Setter``), which keep its records:
    `versos` and `rectos` (page number: what a page of text was made from, and the page made), `short`, `depth`
    and `kept` (page number: the room it ends above its foot, in points and in lines; the room a verso keeps)."""

    versos: dict[int, tuple]
    rectos: dict[int, tuple]
    short: dict[int, float]
    depth: dict[int, int | None]
    kept: dict[int, float]
    line_height: float
    levelled: int
    unlevelled: int
    planner: object  # the line planner (``lineplan.Planner``): its `looseness` sets a paragraph a line longer
    opened: dict[int, tuple]  # page number: the paragraphs whose first line is on it
    made_pages: PagesMade  # the pages made lately, for the tries

    def level(self, made, context, recto: tuple, page: tuple) -> tuple:
        """Make the spread again to end on one line, as typesetters do: both full, else a line short or long together,
        else with the spreads before it made again too (``spreads.spread_tries``); a try keeps the widow and orphan
        rules, and stands when every page made again ends where it was to."""
        number, line = recto[3], self.line_height
        opened = (self.opened.get(number - 1, ()), self.opened.get(number, ()))
        chain, olds, units = self.runs_before(number - 2)
        chain, olds = (*chain, self.versos[number - 1][0], recto), (*olds, self.versos[number - 1][1], None)
        kept = {arguments[3]: (self.short.get(arguments[3], 0.0), self.depth.get(arguments[3])) for arguments in chain}
        depths_now = tuple(self.depth.get(chain[sum(units[:index])][3]) for index in range(len(units)))

        def again(arguments: tuple, resume, room: float) -> tuple:
            self.made_pages.trying = True  # a page made before from all the same may stand for it (``PagesMade``)
            try:
                return made(context, (*arguments[:2], resume, arguments[3], copy.deepcopy(arguments[4])), room)
            finally:
                self.made_pages.trying = False

        def fits(laid, room: float) -> bool:
            return ends_at(laid, context.page_bottom, room, line)

        tried: dict = {}
        tries, loose_tried = spread_tries(line, (*units, 2), depths_now), {}
        for depth_tried, depths, ragged_only in level_phases(line):
            for rooms in (rooms for rooms in tries if depth_tried(rooms)):
                pages = chain_made(again, chain, rooms, fits, tried)
                if pages is not None:
                    self.keep(context, chain[len(chain) - len(rooms) :], olds[len(olds) - len(rooms) :], pages, rooms)
                    return pages[-1]
            loosened = self.loosened(again, fits, chain[-2:], opened, depths, ragged_only, loose_tried)
            if loosened is not None:
                pages, rooms = loosened
                self.keep(context, chain[-2:], olds[-2:], pages, rooms)
                return pages[-1]
        # Not level: the pages first made stand. (WeasyPrint's notes of the last page made, its named strings and
        # anchors, are the same for text pages: they come from headings, which open the chapter's first page.)
        self.unlevelled += 1
        for n, (short, deep) in kept.items():
            self.short[n], self.depth[n] = short, deep
        return page

    def loosened(self, again, fits, spread: tuple, opened: tuple, rooms: tuple, ragged_only: bool, tried: dict):
        """Make the spread again with one paragraph opening on it (`ragged_only`: a ragged one) set a line shorter or
        longer, at each of `rooms`; return the pages made and their rooms, or None (every paragraph as it was)."""
        planner = self.planner
        changes = self.loosenable(opened, ragged_only) if rooms else ()
        for room in rooms:
            for key, looseness in changes:
                was, planner.looseness[key] = planner.looseness.get(key, 0), looseness
                pages = chain_made(again, spread, (room, room), fits, tried.setdefault((key, looseness), {}))
                if pages is not None:
                    return pages, (room, room)
                planner.looseness[key] = was
        return None

    def loosenable(self, opened: tuple[tuple, ...], ragged_only: bool) -> list[tuple[tuple, int]]:
        """Return the (paragraph, looseness) to try on a spread whose pages opened these paragraphs: on each page,
        from its foot up, the first PARAGRAPHS_A_PAGE that can be set each way."""
        planner, changes = self.planner, []
        for keys in opened:
            keys = [key for key in dict.fromkeys(reversed(keys)) if planner.is_ragged(key) or not ragged_only]
            for change in LOOSENESS:
                fit = (key for key in keys if planner.looseness.get(key, 0) != change and planner.loosen(key, change))
                changes += [(key, change) for key in itertools.islice(fit, PARAGRAPHS_A_PAGE)]
        return list(dict.fromkeys(changes))

    def runs_before(self, recto: int) -> tuple[tuple, tuple, tuple]:
        """Return the pages before a spread that may be made again with it (what each was made from, the page made)
        and how many pages each run holds: the text spreads before it, or a chapter's opening page alone."""
        chain, olds, units = [], [], []
        while recto in self.rectos and len(units) < MOST_RUNS_BACK:
            verso = self.versos.get(recto - 1)
            runs = (self.rectos[recto],) if verso is None else (verso, self.rectos[recto])
            chain[:0], olds[:0] = [run[0] for run in runs], [run[1] for run in runs]
            units.insert(0, len(runs))
            if verso is None:
                break  # a chapter's opening page: what is before it ends the chapter before
            recto -= 2
        return tuple(chain), tuple(olds), tuple(units)

    def keep(self, context, chain: tuple, olds: tuple, pages: list, rooms: tuple) -> None:
        """Keep pages made again: the pages already handed on take their new layout, each page's start is where the
        one before now ends, and each remembers the room it keeps (a page made again later keeps it too)."""
        resume = chain[0][2]
        for arguments, old, laid, room in zip(chain, olds, pages, rooms, strict=True):
            number = arguments[3]
            if old is not None:
                old.__dict__.update(laid[0].__dict__)  # a page already handed on takes the new layout
                self.made_pages.forget(old)
            if number != chain[-1][3]:
                context.page_maker[number] = (laid[1], *context.page_maker[number][1:])
            record = ((*arguments[:2], resume, *arguments[3:]), old if old is not None else laid[0])
            (self.versos if number % 2 == 0 else self.rectos)[number] = record
            self.short[number], self.depth[number] = room, round(room / self.line_height)
            self.kept[number] = room  # a verso, or a chapter's opening page, made again later keeps it
            resume = laid[1]
        self.levelled += 1
