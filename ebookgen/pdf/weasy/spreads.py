"""How deep a spread of text runs at its foot: the rooms the page maker tries to end a verso and its recto on one
line, and whether a page ended where it was set to (part of the WeasyPrint seam, used by ``setting.level``).
"""

from __future__ import annotations

import copy
import itertools
import math
from dataclasses import dataclass

# A spread may run this many lines short, both its pages together, to end on one line.
MOST_LINES_SHORT = 2
# Or a line long, both its pages together, into the foot margin (as Vellum and book typesetters do).
RUN_LONG = True
# What moving a run of pages to a depth costs, by whole lines short (below zero: long): the fewest lines moved first.
ROOM_COST = {0: 0, 1: 1, -1: 2, 2: 3}
# How many runs of pages before a spread (spreads, or a chapter's opening page) may move to level it; and on how many
# a paragraph, a scene break or a title may change, each page as deep as it stands (one try a change: more reach).
MOST_RUNS_BACK = 2
CHANGED_RUNS_BACK = 3
# Where no depth levels a spread, a paragraph opening on it is set a line shorter, else longer (TeX's \looseness):
# on each of its pages, this many at most each way, nearest the foot first (any paragraph above a page's foot moves
# the text after it alike, so a few stand for all).
LOOSENESS = (-1, 1)
PARAGRAPHS_A_PAGE = 2


def spread_depths(line: float) -> tuple[float, ...]:
    """Return the rooms to try at a spread's foot, best first: full, a line short, a line long, two lines short."""
    rooms = (0.0, line, -line if RUN_LONG else 0.0, *(line * n for n in range(2, MOST_LINES_SHORT + 1)))
    return tuple(dict.fromkeys(rooms)) if line else ()


def text_foot(page, bottom: float) -> float:
    """Return the foot of a page's text block: `bottom` (WeasyPrint's, over the notes) on a page with footnotes, else
    the page's own. (WeasyPrint leaves its page bottom raised by the note area's rule and margins when a note called
    in a line pushed over the page was moved on with it: that page's text is a line short, not full.)"""
    return bottom if has_footnotes(page) else page.content_box_y() + page.height


def depth(page, bottom: float, line: float) -> int | None:
    """Return how many whole lines above its full page's foot a page's text ends (below zero: run long)."""
    bottom = text_foot(page, bottom)
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
    free = text_foot(page, bottom) - (last.position_y + last.height)
    whole = int(free / last.height + 0.02) if last.height else 0
    return whole * last.height if 1 <= whole <= MOST_LINES_SHORT else 0.0


def body_lines(box):
    """Yield the line boxes laid out in a box, the page's margin boxes and its notes left out."""
    for child in getattr(box, "children", ()):
        if type(child).__name__ == "LineBox":
            yield child
        elif type(child).__name__ not in ("MarginBox", "FootnoteAreaBox"):
            yield from body_lines(child)


def ends_at(page, bottom: float, room: float, line: float) -> bool:
    """Tell whether a page's text ends `room` (whole lines; below zero, long) above the foot of its full page (over
    its notes: a page carrying notes is never run long)."""
    return (room >= 0 or not has_footnotes(page)) and depth(page, bottom, line) == round(room / line)


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


def level_phases(line: float, worst: int | None = None) -> tuple:
    """Return the order a spread is levelled in: (which of the page depths to try, the depth to try a paragraph or a
    scene break changed at). Full pages first, by the depth of the runs before, then with a paragraph a line shorter
    or longer or a scene break a line taller or shorter on either page (a spread full is better than both a line
    short); then a line short or long, the same; two lines short (a short page) last. A spread already level at
    `worst` lines short tries only what ends higher on the page."""
    phases = (
        (lambda rooms: not any(rooms), (0.0,)),
        (lambda rooms: any(rooms) and not two_short(rooms, line), (line, -line) if RUN_LONG else (line,)),
        (lambda rooms: two_short(rooms, line), (2 * line,)),
    )
    return phases if worst is None else phases[: min(worst, len(phases))]


# The phase of ``level_phases`` that runs a spread two lines short, and the depth of a short page.
TWO_SHORT = 2


def two_short(rooms: tuple[float, ...], line: float) -> bool:
    """Tell whether a try leaves a page two lines short or more (a short page, to a reader's eye)."""
    return any(round(room / line) >= 2 for room in rooms)


def chain_made(again, chain: tuple, rooms: tuple[float, ...], fits, made: dict, left=lambda resume: ()) -> list | None:
    """Make pages again in order, each from where the one before ends, each ending `rooms` above its foot; return
    the pages made, or None when one does not end there (`made` keeps each page made, by its number, where it starts,
    what the page before left there (`left`: its notes moved on, ``pagesmade.NotesLeft``) and its room: many tries
    start a page at the same place)."""
    chain = chain[len(chain) - len(rooms) :]  # the spread alone: its own two pages
    resume, pages = chain[0][2], []
    for arguments, room in zip(chain, rooms, strict=True):
        if resume is None and pages:
            return None  # the document ended on the page before (a chunk's last chapter): none to make from
        key = (arguments[3], repr(resume), left(resume), room)
        if key not in made:
            page = again(arguments, resume, room)
            made[key] = page if fits(page[0], room) else None  # ending the document too, as a chapter's end would
        if made[key] is None:
            return None
        pages.append(made[key])
        resume = made[key][1]
    return pages


@dataclass(frozen=True)
class Change:
    """What may level a spread besides its pages' depth: a paragraph set `lines` longer (below zero: shorter, TeX's
    \\looseness), or a scene break or a chapter's title taking `lines` more of the grid (below zero: fewer)."""

    kind: str  # PARAGRAPH, or the block's class (``grid.RETIMED``)
    key: tuple  # the paragraph's or the block's element, as the planner and the grid hook name them
    lines: int


PARAGRAPH = "paragraph"
# A scene break (two lines of the grid: a fleuron between blank half-lines) or the space under a chapter's title may
# take one line more or one fewer.
BLOCK_LINES = (-1, 1)


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
    blocks: dict[int, tuple]  # page number: the scene breaks and chapter titles laid out on it, (class, block)
    block_lines: dict[tuple, int]  # block: the lines it takes more (below zero: fewer) than the grid gives it
    made_pages: object  # the pages made lately, for the tries (``pagesmade.PagesMade``)

    def level(self, made, context, recto: tuple, page: tuple, worst: int | None = None) -> tuple:
        """Make the spread again to end on one line, as typesetters do: both full, else a line short or long together,
        else with the spreads before it made again too (``spreads.spread_tries``), else with a paragraph or a scene
        break changed on each page (``level_phases``); a try keeps the widow and orphan rules, and stands when every
        page made again ends where it was to. A spread already level `worst` lines short tries only to end higher."""
        number, line = recto[3], self.line_height
        spread = (self.versos[number - 1][0], recto), (self.versos[number - 1][1], None)
        reach, reach_olds, _ = self.runs_before(number - 2, CHANGED_RUNS_BACK)
        reach, reach_olds = (*reach, *spread[0]), (*reach_olds, *spread[1])  # the pages a change may be made on
        chain, olds, units = self.runs_before(number - 2)
        chain, olds = (*chain, *spread[0]), (*olds, *spread[1])
        kept = {arguments[3]: (self.short.get(arguments[3], 0.0), self.depth.get(arguments[3])) for arguments in reach}
        depths_now = tuple(self.depth.get(chain[sum(units[:index])][3]) for index in range(len(units)))
        tried: dict = {}
        notes = self.made_pages.notes_key
        seen: dict = {}  # (page, start, notes, room, changes): the paragraphs opened and scene breaks laid out on it

        def again(arguments: tuple, resume, room: float) -> tuple:
            self.made_pages.trying = True  # a page made before from all the same may stand for it (``PagesMade``)
            self.made_pages.resumed(context, resume)  # its notes as the page before left them, not the last made
            try:
                laid = made(context, (*arguments[:2], resume, arguments[3], copy.deepcopy(arguments[4])), room)
            finally:
                self.made_pages.trying = False
            seen[(arguments[3], repr(resume), notes(resume), room, self.trying)] = (
                self.opened.get(arguments[3], ()),
                self.blocks.get(arguments[3], ()),
            )
            return laid

        def fits(laid, room: float) -> bool:
            return ends_at(laid, context.page_bottom, room, line)

        def make(arguments: tuple, resume, room: float) -> tuple:
            """Make one page from `resume` at `room` with the changes being tried: (the page or None, what is on it)."""
            if resume is None and arguments[2] is not None:
                return None, ((), ())  # the page before ended the document: nothing is left for this one
            page = ((*arguments[:2], resume, *arguments[3:]),)
            pages = chain_made(again, page, (room,), fits, tried.setdefault(self.trying, {}), notes)
            on_page = seen.get((arguments[3], repr(resume), notes(resume), room, self.trying), ((), ()))
            return (pages[0] if pages else None), on_page

        self.trying = ()
        tries = spread_tries(line, (*units, 2), depths_now)
        near = (0.0, line, -line) if RUN_LONG else (0.0, line)

        def by_depth(depth_tried) -> tuple | None:
            for rooms in (rooms for rooms in tries if depth_tried(rooms)):
                pages = chain_made(again, chain, rooms, fits, tried.setdefault((), {}), notes)
                if pages is not None:
                    return pages, rooms
            return None

        steps = []  # each tries one way, returning the pages made again (the chain's last) and their rooms, or None
        for phase, (depth_tried, rooms_changed) in enumerate(level_phases(line, worst)):
            if phase == TWO_SHORT:  # a change on the pages before, rather than a short page
                steps.append(lambda: self.changed_before(make, reach, kept, near))
            steps.append(lambda depth_tried=depth_tried: by_depth(depth_tried))
            steps.append(lambda rooms_changed=rooms_changed: self.changed(make, chain[-2:], rooms_changed))
        if worst == TWO_SHORT:  # level two lines short: a change on the pages before, after all else
            steps.append(lambda: self.changed_before(make, reach, kept, near))
        for step in steps:
            found = step()
            if found is not None:
                pages, rooms = found
                for n, (short, deep) in kept.items():  # the pages made on a try but not kept stand as they were
                    self.short[n], self.depth[n] = short, deep
                self.keep(context, reach[-len(pages) :], reach_olds[-len(pages) :], pages, rooms)
                self.made_pages.after(context, pages[-1])  # the page after starts from what this one left
                return pages[-1]
        # Not level: the pages first made stand. (WeasyPrint's notes of the last page made, its named strings and
        # anchors, are the same for text pages: they come from headings, which open the chapter's first page.)
        self.unlevelled += worst is None
        for n, (short, deep) in kept.items():
            self.short[n], self.depth[n] = short, deep
        self.made_pages.after(context, page)  # and the notes as it left them, not as the last try did
        return page

    def changed(self, make, spread: tuple, rooms: tuple, as_is: bool = False) -> tuple | None:
        """Make the spread again at each of `rooms` with a change on its verso, its recto or both (``changes``): the
        verso's first, the recto's from where that verso ends (`as_is`: the spread with neither, too); return the
        pages made and their rooms, or None (every change undone)."""
        verso, recto = spread
        for room in rooms:
            plain, on_verso = make(verso, verso[2], room)
            for first in (None, *self.changes(on_verso)):
                was_first = self.apply(first)
                laid = plain if first is None else make(verso, verso[2], room)[0]
                if laid is not None:
                    base, on_recto = make(recto, laid[1], room)
                    seconds = (None, *self.changes(on_recto)) if first is not None or as_is else self.changes(on_recto)
                    for second in seconds:
                        was_second = self.apply(second)
                        ended = base if second is None else make(recto, laid[1], room)[0]
                        if ended is not None:
                            self.trying = ()
                            return [laid, ended], (room, room)
                        self.undo(second, was_second)
                self.undo(first, was_first)
        return None

    def changed_before(self, make, chain: tuple, kept: dict, rooms: tuple) -> tuple | None:
        """Make the runs of pages before the spread again with a change on one of their pages (``changes``: from the
        nearest page back), each page as deep as it stands, so that the spread starts a line or so later or earlier;
        then the spread, both its pages at each of `rooms`. Return the pages made (from the changed page on) and
        their rooms, or None (every change undone)."""
        run, spread = chain[:-2], chain[-2:]
        depths = tuple(kept[arguments[3]][1] for arguments in run)
        if not run or None in depths:
            return None
        run_rooms = tuple(depth * self.line_height for depth in depths)
        on_pages, resume = [], run[0][2]
        for arguments, room in zip(run, run_rooms, strict=True):
            laid, on_page = make(arguments, resume, room)
            if laid is None:
                return None  # the runs as they stand are not as deep as recorded
            on_pages.append(on_page)
            resume = laid[1]
        for first in reversed(range(len(run))):
            for change in self.changes(on_pages[first]):
                was = self.apply(change)
                pages, resume = [], run[first][2]
                for arguments, room in zip(run[first:], run_rooms[first:], strict=True):
                    laid = make(arguments, resume, room)[0]
                    if laid is None:
                        break
                    pages.append(laid)
                    resume = laid[1]
                if len(pages) == len(run) - first:
                    moved = tuple((*arguments[:2], resume, *arguments[3:]) for arguments in spread)
                    found = self.changed(make, moved, rooms, as_is=True)
                    if found is not None:
                        return [*pages, *found[0]], (*run_rooms[first:], *found[1])
                self.undo(change, was)
        return None

    def changes(self, on_page: tuple) -> list[Change]:
        """Return the changes to try on a page, from what is on it (the paragraphs opened, the scene breaks): from its
        foot up, the first PARAGRAPHS_A_PAGE paragraphs that can be set a line shorter, the same longer, and each
        scene break a line shorter and taller."""
        opened, blocks = on_page
        planner, found = self.planner, []
        keys = list(dict.fromkeys(reversed(opened)))
        for lines in LOOSENESS:
            fit = (key for key in keys if planner.looseness.get(key, 0) != lines and planner.loosen(key, lines))
            found += [Change(PARAGRAPH, key, lines) for key in itertools.islice(fit, PARAGRAPHS_A_PAGE)]
        for kind, key in dict.fromkeys(reversed(blocks)):
            found += [Change(kind, key, n) for n in BLOCK_LINES if self.block_lines.get(key, 0) != n]
        return found

    def apply(self, change: Change | None) -> int:
        """Set a change for the pages made next, as one of the changes being tried; return what it replaces."""
        if change is None:
            return 0
        self.trying = (*self.trying, change)
        table = self.planner.looseness if change.kind == PARAGRAPH else self.block_lines
        was, table[change.key] = table.get(change.key, 0), change.lines
        return was

    def undo(self, change: Change | None, was: int) -> None:
        """Set back what a change replaced."""
        if change is None:
            return
        self.trying = tuple(tried for tried in self.trying if tried != change)
        table = self.planner.looseness if change.kind == PARAGRAPH else self.block_lines
        if was:
            table[change.key] = was
        else:
            table.pop(change.key, None)

    def runs_before(self, recto: int, most: int = MOST_RUNS_BACK) -> tuple[tuple, tuple, tuple]:
        """Return the pages before a spread that may be made again with it (what each was made from, the page made)
        and how many pages each run holds: the text spreads before it, or a chapter's opening page alone."""
        chain, olds, units = [], [], []
        while recto in self.rectos and len(units) < most:
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
