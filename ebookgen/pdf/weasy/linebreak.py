"""A paragraph-wide (total-fit) choice of line breaks, as TeX's and Typst's breakers make it.

WeasyPrint breaks lines first-fit: each line takes as many words as fit, whatever that leaves the next. This
module chooses all of a paragraph's breaks at once, from the widths WeasyPrint's own text measurement gives
(``linemeasure``): every line's word spaces as near the font's natural space as the paragraph allows, few
hyphens and never three in a row, no last line that is a hyphenated word's tail or a lone short word. It knows
nothing of WeasyPrint: a paragraph is a row of break points with widths, and the answer is which of them to use.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from ebookgen.pdf.weasy.linespacing import (
    BADNESS,
    LINE_COST,
    LOOSEST,
    TRACK,
    TRACK_MOST,
    Measure,
    closest,
    fitted_cost,
    spread,
)

# A line of small capitals (a chapter's opening line) may open its letters this much more: small capitals are set
# letterspaced (Bringhurst: 5 to 10 per cent; print.css gives them 0.03 em), so a little more does not show.
SMALL_CAPS_MOST = 0.05
# A line of small capitals may close its letters by all the spacing its style gives them (print.css's 0.03 em) and
# TRACK more, as far as a line of lower case closes: set solid, as many books set them, rather than a chapter's
# opening line left loose before a long word.
# To spare a runt (a paragraph's last word alone) or a loose line, a line may close its letters to RUNT_CLOSE em (a
# last line, pulling a lone word up: TRACK 0.02 em further, as InDesign users track a line -20 thousandths to save a
# runt); small capitals close as much further than their own limit. The line above the last may open its letters no
# further than any line (RUNT_OPEN): lower case opened to 0.05 em to push a name down reads as letterspaced at
# reading distance (seen at 300 dpi on the dialogue story), a worse fault than the runt it spares.
RUNT_CLOSE = 0.03
RUNT_OPEN = TRACK_MOST
# A hyphen at a line's end (TeX's hyphenpenalty of 50, squared), two in a row (doublehyphendemerits), and a hyphen
# on the last line but one (finalhyphendemerits): the reader turns to the last line to finish a word.
HYPHEN_COST = 2500.0
HYPHENS_IN_A_ROW_COST = 10000.0
LAST_HYPHEN_COST = 5000.0
MOST_HYPHENS_IN_A_ROW = 2
# A paragraph's last line of one word alone (a runt): worse than any line whose gaps stay under LOOSEST, however
# much its letters open (a stretch ratio of 4), so a runt is left only where the line above would be loose; a loose
# line is worse still. A line set past the usual limits (RUNT_CLOSE, RUNT_OPEN) costs SPARED_COST more: worse than
# any usual line, better than the runt or the loose line it spares.
RUNT_COST = 5e7
SPARED_COST = RUNT_COST / 2
# A line whose words overrun the measure: only when a single word is wider than the line.
OVERFULL_COST = 1e9
# A justified line this short a share of the measure opens its spaces past any use (4x at least).
SHORTEST = 0.6
# A ragged-right line (large print) is as bad as a justified line at a stretch ratio of 1 when it is this share of
# the measure short (TeX's \raggedright gives each line a few ems of stretch); shorter than RAGGED_SHORTEST it is
# never chosen when a longer one can be.
RAGGED_STRETCH = 0.25
RAGGED_SHORTEST = 0.4
# Lines may be this much (pt) wider than measured and still fit: WeasyPrint's and our sums differ by rounding.
FIT_SLACK = 0.01


@dataclass(frozen=True)
class Breaks:
    """A paragraph as its break points, measured.

    Point 0 is the paragraph's start, the last one its end; a line from point i to point j is
    ``end[j] - start[i]`` wide (``first_end[j] - first_start[0]`` for the paragraph's first line, which may
    have its own style, small capitals) and has ``spaces_end[j] - spaces_start[i]`` word spaces.
    """

    start: tuple[float, ...]  # where a line starting at each point begins (after its spaces)
    end: tuple[float, ...]  # where a line ending at each point ends (before its spaces, after its hyphen)
    spaces_start: tuple[int, ...]
    spaces_end: tuple[int, ...]
    hyphen: tuple[bool, ...]  # the break adds a hyphen
    runt: tuple[bool, ...]  # a last line from here would be one short word
    fragment: tuple[bool, ...]  # a last line from here would be a hyphenated word's tail alone
    first_start: float = 0.0
    first_end: tuple[float, ...] = ()
    first_hyphen_ok: bool = True  # the first line may end in a hyphen (not in small capitals)
    first_spacing: float = 0.0  # the letter spacing the first line's style gives (small capitals')
    letters_start: tuple[int, ...] = ()  # the characters before a line starting at each point (none: not tracked)
    letters_end: tuple[int, ...] = ()  # the characters before a line's end at each point, its hyphen counted


def ragged_cost(short: float, width: float) -> float:
    """Return the demerits of a ragged-right line `short` of its measure: the rag, as a stretch ratio."""
    badness = BADNESS * (max(short, 0.0) / (RAGGED_STRETCH * width)) ** 3
    return (LINE_COST + min(badness, 10000.0)) ** 2


def line_fit_cost(extra: float, spaces: int, letters: int, measure: Measure, width: float, tracks: tuple) -> float:
    """Return the demerits of a line (not a paragraph's last) `extra` short of its measure, justified or ragged;
    `tracks` is how far its letters may open (em) and the spacing its style gives them."""
    return ragged_cost(extra, width) if measure.ragged else fitted_cost(extra, spaces, letters, measure, *tracks)


def closed_last_cost(extra: float, spaces: int, letters: int, measure: Measure, tracks: tuple = ()) -> float:
    """Return the demerits of a paragraph's last line over its measure, closed as a justified line closes (TeX lets
    a last line shrink: a lone word joins the line above instead of standing alone); ragged lines never close."""
    return OVERFULL_COST if measure.ragged else fitted_cost(extra, spaces, letters, measure, *tracks)


def last_line_cost(breaks: Breaks, i: int) -> float:
    """Return the demerits of a paragraph's last line starting at point i (not justified: spacing is free)."""
    return LINE_COST**2 + (RUNT_COST if breaks.runt[i] else 0.0)


def hyphen_cost(breaks: Breaks, j: int, in_row: int) -> float:
    """Return the demerits a hyphen at point j adds, given the hyphenated lines right above it."""
    if not breaks.hyphen[j]:
        return 0.0
    return HYPHEN_COST + (HYPHENS_IN_A_ROW_COST if in_row else 0.0)


def line_width(breaks: Breaks, i: int, j: int, first: bool) -> float:
    """Return the natural width of a line from point i to point j."""
    if first:
        return breaks.first_end[j] - breaks.first_start
    return breaks.end[j] - breaks.start[i]


# The row of a state reached by a line set past the usual limits to spare a runt (RUNT_OPEN): the next line is the
# paragraph's last, and no runt.
SPARING = MOST_HYPHENS_IN_A_ROW + 1


def best_breaks(breaks: Breaks, measure: Measure, since: int = 0, hyphens_above: int = 0) -> list[int]:
    """Return the break points (after `since`, the paragraph's end last) that cost the least in all."""
    return [point for point, _ in best_lines(breaks, measure, since, hyphens_above)]


def best_lines(breaks: Breaks, measure: Measure, since: int = 0, hyphens_above: int = 0) -> list[tuple[int, int]]:
    """Return the break points that cost the least in all, each with the row of the state it ends in (SPARING: the
    line ending there opens its letters to RUNT_OPEN)."""
    last = len(breaks.end) - 1
    # best[(point, hyphenated lines in a row ending there)] = (demerits, previous state)
    best: dict[tuple[int, int], tuple[float, tuple[int, int] | None]] = {(since, hyphens_above): (0.0, None)}
    for i in range(since, last):
        for row in range(SPARING + 1):
            if (i, row) in best:
                extend(breaks, measure, best, (i, row), since)
    ends = [(cost, state) for state, (cost, _) in best.items() if state[0] == last]
    if not ends:
        return []  # no way through the paragraph's rules: the caller breaks it first-fit
    state: tuple[int, int] | None = min(ends)[1]
    chosen = []
    while state is not None and state[0] != since:
        chosen.append(state)
        state = best[state][1]
    return chosen[::-1]


def line_tracks(breaks: Breaks, measure: Measure, first: bool) -> tuple[float, float, float]:
    """Return how far (em) a line's letters may open, the spacing its style gives them, and how far (em) they may
    close: an opening line of small capitals opens further and may close all its style's spacing and TRACK more."""
    if first and not breaks.first_hyphen_ok and measure.size:
        return SMALL_CAPS_MOST, breaks.first_spacing, breaks.first_spacing / measure.size + TRACK
    return TRACK_MOST, 0.0, TRACK


def extend(breaks: Breaks, measure: Measure, best: dict, state: tuple[int, int], since: int) -> None:
    """Try every line that can start at a state's point, keeping the cheapest way to reach each end."""
    i, row = state
    last = len(breaks.end) - 1
    first = i == 0 and since == 0 and bool(breaks.first_end)
    width = measure.first if first else measure.width
    base = best[state][0]
    tracks = line_tracks(breaks, measure, first)
    if row == SPARING:  # the line above spared a runt: this one is the last
        relax(best, (last, 0), base + last_cost(breaks, measure, (i, last, first), tracks), state)
        return
    # Lines under SHORTEST of the measure are never chosen when a longer one can be (and the next point always can).
    least = RAGGED_SHORTEST if measure.ragged else SHORTEST
    begin = breaks.first_start if first else breaks.start[i]
    shortest = bisect.bisect_left(breaks.end, begin + least * width)
    # The loop's lookups read once: a line from i to j is ``ends[j] - begin`` wide (``line_width``), has
    # ``spaces_end[j] - spaces_from`` spaces and, where letters are counted, ``letters_end[j] - letters_from`` letters
    # (``letters_of``); it fits its usual tracks when at most FIT_SLACK over (``closing_of``'s first test).
    ends, spaces_end, spaces_from = (
        (breaks.first_end if first else breaks.end),
        breaks.spaces_end,
        breaks.spaces_start[i],
    )
    counted = bool(breaks.letters_end) and bool(measure.size)
    letters_end, letters_from = breaks.letters_end, (breaks.letters_start[i] if counted else 0)
    hyphen, ragged, tail = breaks.hyphen, measure.ragged, breaks.fragment[i] and i != since
    barred = row >= MOST_HYPHENS_IN_A_ROW or (first and not breaks.first_hyphen_ok)  # no hyphen may end the line
    after = measure.width + FIT_SLACK  # the widest the rest of the paragraph may be to fit one line
    for j in (i + 1, *range(max(i + 2, shortest - 1), last + 1)):
        natural = ends[j] - begin
        spaces = spaces_end[j] - spaces_from
        letters = max(letters_end[j] - letters_from, 0) if counted else 0
        over = natural - width
        closing = tracks if over <= FIT_SLACK else closing_of(over, spaces, letters, measure, tracks)
        if closing is None and j > i + 1:
            if j < last and not tail:  # closed further, the last line may fit
                cost = last_cost(breaks, measure, (i, last, first), tracks)
                if cost < OVERFULL_COST:
                    relax(best, (last, 0), base + cost, state)
            break  # every later point makes a wider line
        if j == last:
            if tail:
                continue  # never a paragraph ending in a hyphenated word's tail
            relax(best, (j, 0), base + last_cost(breaks, measure, (i, j, first), tracks), state)
            continue
        if hyphen[j] and barred:
            continue
        if closing is None:
            cost = OVERFULL_COST
        else:
            if ragged:
                cost = ragged_cost(width - natural, width)
            else:
                cost = fitted_cost(width - natural, spaces, letters, measure, *closing)
            cost += SPARED_COST if closing[2] > tracks[2] else 0.0
        cost += hyphen_cost(breaks, j, row)
        reached, total = (j, row + 1 if hyphen[j] else 0), base + cost
        known = best.get(reached)
        if known is None or total < known[0]:  # ``relax``, inline
            best[reached] = (total, state)
        if cost < SPARED_COST or natural >= width or breaks.end[last] - breaks.start[j] > after:
            continue  # no runt to spare (``spares_above``'s first test: the rest does not fit the next line)
        if spares_above(breaks, measure, j, tracks):
            stretch, _ = spread(width - natural, spaces, letters, measure.space, measure.size, RUNT_OPEN, tracks[1])
            if stretch <= LOOSEST:  # opened to spare a runt or a loose line, and not loose itself
                opened = fitted_cost(width - natural, spaces, letters, measure, RUNT_OPEN, tracks[1], tracks[2])
                relax(best, (j, SPARING), base + opened + SPARED_COST + hyphen_cost(breaks, j, row), state)


def closing_of(over: float, spaces: int, letters: int, measure: Measure, tracks: tuple) -> tuple | None:
    """Return the tracks a line `over` its measure (px; below zero, short of it) is set with: its usual ones where
    it fits them, its letters closing RUNT_CLOSE - TRACK em further where only that fits (``spared_closing``), or
    None where nothing fits."""
    if over <= FIT_SLACK or over <= tightest(spaces, letters, measure, tracks[2], tracks[1]) + FIT_SLACK:
        return tracks
    spared = spared_closing(tracks)
    if over <= tightest(spaces, letters, measure, spared[2], spared[1]) + FIT_SLACK:
        return spared
    return None


def spared_closing(tracks: tuple) -> tuple:
    """Return a line's tracks with its letters closing past the usual limit, to spare a runt or a loose line."""
    return (*tracks[:2], tracks[2] + RUNT_CLOSE - TRACK)


def tightest(spaces: int, letters: int, measure: Measure, close_em: float = TRACK, base: float = 0.0) -> float:
    """Return how much a line may close (none when ragged)."""
    return 0.0 if measure.ragged else closest(spaces, letters, measure.space, measure.size, close_em, base)


def spares_above(breaks: Breaks, measure: Measure, j: int, tracks: tuple) -> bool:
    """Tell whether a line ending at point j may open its letters to RUNT_OPEN: the paragraph's last word alone would
    be a runt, the rest from j fits the next line and is no runt, and its letters open less without it."""
    last = len(breaks.end) - 1
    if line_width(breaks, j, last, False) > measure.width + FIT_SLACK or breaks.runt[j] or breaks.fragment[j]:
        return False
    return not (measure.ragged or not measure.size or tracks[0] >= RUNT_OPEN or not breaks.runt[last - 1])


def last_cost(breaks: Breaks, measure: Measure, line: tuple[int, int, bool], tracks: tuple) -> float:
    """Return the demerits of a paragraph's last line (`line`: from point i to the end, and whether it is also its
    first): closed to fit where it is over the measure, past the usual limit at SPARED_COST more."""
    i, j, first = line
    cost = last_line_cost(breaks, i) + (LAST_HYPHEN_COST if breaks.hyphen[i] else 0.0)
    natural = line_width(breaks, i, j, first)
    width = measure.first if first else measure.width
    if natural <= width + FIT_SLACK:
        return cost
    spaces = breaks.spaces_end[j] - breaks.spaces_start[i]
    letters = letters_of(breaks, i, j, measure)
    closing = None if measure.ragged else closing_of(natural - width, spaces, letters, measure, tracks)
    if closing is None:
        return cost + OVERFULL_COST  # one word wider than the line
    spared = SPARED_COST if closing[2] > tracks[2] else 0.0
    return cost + closed_last_cost(width - natural, spaces, letters, measure, closing) + spared


def letters_of(breaks: Breaks, i: int, j: int, measure: Measure) -> int:
    """Return the characters a line from point i to point j tracks (none where the paragraph's are not counted)."""
    if not breaks.letters_end or not measure.size:
        return 0
    return max(breaks.letters_end[j] - breaks.letters_start[i], 0)


def relax(best: dict, state: tuple[int, int], cost: float, previous: tuple[int, int]) -> None:
    """Keep a way to reach a state when it is cheaper than the one known."""
    known = best.get(state)
    if known is None or cost < known[0]:
        best[state] = (cost, previous)
