"""A paragraph set a line longer or shorter than its best (TeX's \\looseness), for the spread leveller.

The total-fit breaker (``linebreak``) gives a paragraph's best breaks; this module gives its best breaks with a line
more or fewer (``spreads`` levels a spread with them), only where every line stays even: no loose line, no runt, no
line set past the usual limits.
"""

from __future__ import annotations

from ebookgen.pdf.weasy.linebreak import (
    OVERFULL_COST,
    RUNT_COST,
    SPARED_COST,
    SPARING,
    Breaks,
    Measure,
    best_breaks,
    extend,
    letters_of,
    line_width,
    spread,
)

# A paragraph set a line longer or shorter than its best (TeX's \looseness) to level a spread: only when none of its
# lines opens its word spaces past this many natural spaces (a hair under LOOSEST: tracking widens the gaps a
# little more on the page) and its last line is no runt; no line costs as much as a runt.
LOOSENESS_SPACE = 1.8


# A ragged paragraph (large print) set a line longer or shorter: no line but its last under this share of the
# measure, about what first-fit leaves before a long word.
RAGGED_LEAST = 0.7


def even_enough(breaks: Breaks, measure: Measure, i: int, j: int, since: int) -> bool:
    """Tell whether a justified line from point i to point j opens its word spaces no wider than LOOSENESS_SPACE
    (a ragged one: whether it fills RAGGED_LEAST of the measure)."""
    first = i == 0 and since == 0 and bool(breaks.first_end)
    natural = line_width(breaks, i, j, first)
    width = measure.first if first else measure.width
    if measure.ragged:
        return natural >= RAGGED_LEAST * width
    spaces = breaks.spaces_end[j] - breaks.spaces_start[i]
    stretch, _ = spread(width - natural, spaces, letters_of(breaks, i, j, measure), measure.space, measure.size)
    return stretch <= LOOSENESS_SPACE


class _Lines(dict):
    """A stand-in for the main breaker's table of best ways, which keeps every line tried from one state instead."""

    def __init__(self, state: tuple[int, int]) -> None:
        super().__init__({state: (0.0, None)})
        self.tried: list[tuple[tuple[int, int], float]] = []

    def get(self, state, default=None):
        """Know of no way to any state, so every line tried is kept."""
        return None

    def __setitem__(self, state, value) -> None:
        self.tried.append((state, value[0]))


def lines_from(breaks: Breaks, measure: Measure, state: tuple[int, int], since: int) -> list:
    """Return each line the main breaker may set from a state, as (the state it ends in, its demerits)."""
    table = _Lines(state)
    extend(breaks, measure, table, state, since)
    return table.tried


def allowed(breaks: Breaks, measure: Measure, line: tuple[int, int, int], cost: float) -> bool:
    """Tell whether a line from point i to point j (`line`: i, j, the paragraph's start) may stand in a paragraph set a
    line longer or shorter: no runt, nothing overfull, and even enough (``even_enough``)."""
    i, j, since = line
    if j == len(breaks.end) - 1:
        return cost < SPARED_COST  # neither a runt nor a line closed past the usual limit to spare one
    if cost >= (OVERFULL_COST if measure.ragged else RUNT_COST):
        return False
    return even_enough(breaks, measure, i, j, since)


def line_counts(breaks: Breaks, measure: Measure, since: int = 0, hyphens_above: int = 0) -> dict[int, tuple]:
    """Return, for each number of lines the paragraph may be set in with no loose line (ragged: no short one) and
    no runt, its cheapest breaks: (demerits, points)."""
    last = len(breaks.end) - 1
    best: dict[tuple[int, int, int], tuple[float, tuple | None]] = {(since, hyphens_above, 0): (0.0, None)}
    at: dict[int, set] = {since: {(hyphens_above, 0)}}  # point: the (row, count) states reached there
    for i in range(since, last):
        for row, count in sorted(at.pop(i, ())):
            base = best[(i, row, count)][0]
            for (j, after), cost in lines_from(breaks, measure, (i, row), since):
                key, total = (j, after, count + 1), base + cost
                if after == SPARING or not allowed(breaks, measure, (i, j, since), cost):
                    continue  # a loose line, a runt, one spared: never in a setting a line longer or shorter
                if key not in best or total < best[key][0]:
                    best[key] = (total, (i, row, count))
                    at.setdefault(j, set()).add((after, count + 1))
    counts: dict[int, tuple] = {}
    for (point, row, count), (cost, _) in best.items():
        if point == last and (count not in counts or cost < counts[count][0]):
            counts[count] = (cost, (point, row, count))
    return {count: (cost, walk_back(best, state, since)) for count, (cost, state) in counts.items()}


def walk_back(best: dict, state: tuple, since: int) -> list[int]:
    """Return the break points on the way to a state, in order."""
    chosen = []
    while state is not None and state[0] != since:
        chosen.append(state[0])
        state = best[state][1]
    return chosen[::-1]


def looser_breaks(breaks: Breaks, measure: Measure, looseness: int, since: int = 0, hyphens_above: int = 0) -> list:
    """Return the best breaks with `looseness` lines more (below zero: fewer) than the best of all (TeX's
    \\looseness), or [] when no such setting keeps every line within LOOSENESS_SPACE (ragged: RAGGED_LEAST) and its
    last line no runt."""
    best = best_breaks(breaks, measure, since, hyphens_above)
    if not looseness or not best:
        return []
    asked = (id(breaks), measure, since, hyphens_above)
    known = COUNTED.get(asked)
    if known is None or known[0] is not breaks:  # the same for a line more and a line fewer: counted once
        known = COUNTED[asked] = (breaks, line_counts(breaks, measure, since, hyphens_above))
        while len(COUNTED) > COUNTED_MOST:
            del COUNTED[next(iter(COUNTED))]
    found = known[1].get(len(best) + looseness)
    return list(found[1]) if found is not None else []


# The paragraphs last asked for a line more or fewer: (id of their breaks, measure, start, hyphens above): the breaks,
# and each count of lines' cheapest (the leveller asks for a line more and a line fewer in turn).
COUNTED: dict[tuple, tuple] = {}
COUNTED_MOST = 16
