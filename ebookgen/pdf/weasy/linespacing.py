"""How a justified line shares its extra width between word spaces and letters, and what its spacing costs: the
arithmetic of one line for the total-fit breaker (``linebreak``), the setting's justification (``setting``) and the
planner's closing of lines (``lineplan``). Moved out of ``linebreak`` (which stays under 400 lines) unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass

# A line's cost grows with the cube of its stretch ratio: how much of its comfortable adjustment it uses (TeX's
# badness, 100 x ratio cubed), shrinking alike.
BADNESS = 100.0
# Each line costs this much whatever its spacing, so that, all else equal, fewer lines are better (TeX's linepenalty).
LINE_COST = 10.0
# A line's adjustment is shared between its word spaces and its letters, as pdfTeX's font expansion and InDesign's
# letter spacing share it: at a ratio of 1 word spaces open by a third of natural (InDesign's 133%) or close by a
# quarter (TeX closes them by a third), and letters take TRACK em each, more or less; a line closes no further.
SPACE_STRETCH = 1 / 3
SPACE_SHRINK = 0.25
TRACK = 0.01
# Past a ratio of 1 letters open up to this (em), so that word spaces open past LOOSEST in as few lines as can be.
TRACK_MOST = 0.03
# Spaces opened past this many natural spaces make a loose line, which the issue allows in 1% of lines only.
LOOSEST = 2.0
# Once a line's word gaps would open past this, its letters take the rest (up to TRACK_MOST): a hair under LOOSEST.
HELD = 1.95
# What the PDF writer loses of each spaced letter (em, on average: it truncates to whole thousandths), which the
# line's word spaces are given back with its last letter's spacing (``linedrawn``), so its gaps open by as much.
WRITER_LOSS = 0.0005
LOOSE_COST = 1e8
# A line that cannot be justified at all (one word, no space) short of its measure: worse than any loose line.
UNJUSTIFIABLE_COST = 5e8


@dataclass(frozen=True)
class Measure:
    """The widths the lines are set to, and the natural word space of the paragraph's face."""

    first: float  # the first line's width (the measure less the indent)
    width: float
    space: float
    size: float = 0.0  # the font size letters are tracked in ems of (0: letters are not tracked)
    ragged: bool = False  # lines are set ragged right: never stretched nor closed, their shortfall a cost


def ratio(width: float, natural: float, spaces: int, space: float) -> float:
    """Return how many natural spaces wide a justified line's word spaces open, its letters untracked."""
    return spread(width - natural, spaces, 0, space, 0.0)[0]


def capacity(extra: float, spaces: int, letters: int, space: float, size: float) -> float:
    """Return how much a line's spaces and letters open (extra >= 0) or close at a stretch ratio of 1."""
    per_space = space * (SPACE_STRETCH if extra >= 0 else SPACE_SHRINK)
    return spaces * per_space + letters * TRACK * size


def closest(spaces: int, letters: int, space: float, size: float, close_em: float = TRACK, base: float = 0.0) -> float:
    """Return how much a line's spaces and letters close at the most: at a stretch ratio of 1, and past it as much
    more as its letters close down to `close_em` (``closing_past``)."""
    room = capacity(-1.0, spaces, letters, space, size)
    further = max(close_em - TRACK, 0.0) * size
    solid = min(base, further)  # the style's own spacing, closed with the word spaces held
    return room + solid * letters + (further - solid) * max(letters - 2 * spaces, 0)


def closing_past(need: float, spaces: int, letters: int, base: float) -> float:
    """Return how much more (px) each letter closes for a line `need` over what it closes at a stretch ratio of 1:
    first the spacing its style gives its letters (small capitals set solid), the word spaces held at their closest;
    then as much as keeps its word gaps as a reader sees them (a letter's spacing is on each side of a space)."""
    solid = base * letters
    if need <= solid:
        return need / letters
    return base + (need - solid) / (letters - 2 * spaces) if letters > 2 * spaces else float("inf")


def spread(
    extra: float,
    spaces: int,
    letters: int,
    space: float,
    size: float,
    most_em: float = TRACK_MOST,
    base: float = 0.0,
    close_em: float = TRACK,
) -> tuple[float, float]:
    """Share a justified line's extra width (negative: too long) between its word spaces and letters, in
    proportion as at the same stretch ratio, the letters taking the rest once the word gaps would open past
    HELD (or, closing, past a stretch ratio of 1, down to `close_em`): return the word gap a reader sees (natural
    spaces) and each letter's tracking.

    `base` is the letter spacing the line's style gives already (small capitals'): a gap holds it twice, the
    space's own and the letter's before it, and a share of what the PDF writer loses of spaced letters."""
    room = capacity(extra, spaces, letters, space, size)
    return spread_in(room, extra, spaces, letters, space, size, most_em, base, close_em)


def spread_in(room: float, extra: float, spaces: int, letters: int, *args: float) -> tuple[float, float]:
    """Return ``spread``'s word gap and tracking, the line's `room` (``capacity``) given (`args`: its space, size,
    most_em, base and close_em)."""
    space, size, most_em, base, close_em = args
    if room <= 0:
        return (1.0 if abs(extra) < 0.5 else float("inf")), 0.0
    most = (most_em if extra >= 0 else max(close_em, TRACK)) * size
    tracking = extra / room * TRACK * size
    if extra > 0 and letters > 2 * spaces + 1 and spaces:
        held = (HELD - 1.0) * space * spaces - base * (2 * spaces + 1) - letters * WRITER_LOSS * size
        tracking = max(tracking, (extra - held) / (letters - 2 * spaces - 1))
    elif extra < -room and close_em > TRACK and letters:  # past a stretch ratio of 1 the letters close further
        tracking = -TRACK * size - closing_past(-extra - room, spaces, letters, base)
    tracking = max(-most, min(most, tracking))
    rest = extra - tracking * letters
    if spaces == 0:
        return (1.0 if abs(rest) < 0.5 else float("inf")), tracking
    spaced = tracking + base
    lost = spaced + letters * WRITER_LOSS * size if spaced > 0 else 0.0
    return 1.0 + (rest / spaces + 2 * spaced + lost / spaces) / space, tracking


def line_cost(stretch: float, rho: float | None = None) -> float:
    """Return a justified line's demerits from its word space (natural spaces) and its stretch ratio (by default
    the ratio its spaces alone give)."""
    if stretch == float("inf"):
        return UNJUSTIFIABLE_COST
    if rho is None:
        rho = (stretch - 1.0) / (SPACE_STRETCH if stretch >= 1.0 else SPACE_SHRINK)
    badness = BADNESS * abs(rho) ** 3
    cost = (LINE_COST + min(badness, 10000.0)) ** 2
    return cost + (LOOSE_COST * (1.0 + stretch - LOOSEST) if stretch > LOOSEST else 0.0)


def fitted_cost(
    extra: float,
    spaces: int,
    letters: int,
    measure: Measure,
    most_em: float = TRACK_MOST,
    base: float = 0.0,
    close_em: float = TRACK,
) -> float:
    """Return the demerits of a justified line `extra` short of its measure (negative: over it): ``line_cost`` of
    its ``spread`` at its stretch ratio, ``capacity`` and ``line_cost`` written out (the breaker's inner loop calls
    it for every line it tries; tests/test_linebreak.py holds the two ways equal)."""
    space, size = measure.space, measure.size
    room = spaces * (space * (SPACE_STRETCH if extra >= 0 else SPACE_SHRINK)) + letters * TRACK * size
    stretch, _ = spread_in(room, extra, spaces, letters, space, size, most_em, base, close_em)
    if stretch == INFINITE:
        return UNJUSTIFIABLE_COST
    rho = extra / room if room > 0 else (stretch - 1.0) / (SPACE_STRETCH if stretch >= 1.0 else SPACE_SHRINK)
    cost = (LINE_COST + min(BADNESS * abs(rho) ** 3, 10000.0)) ** 2
    return cost + (LOOSE_COST * (1.0 + stretch - LOOSEST) if stretch > LOOSEST else 0.0)


INFINITE = float("inf")
