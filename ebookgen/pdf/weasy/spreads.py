"""How deep a spread of text runs at its foot: the rooms the page maker tries to end a verso and its recto on one
line, and whether a page ended where it was set to (part of the WeasyPrint seam, used by ``setting.level``).
"""

from __future__ import annotations

import math

# A spread may run this many lines short, both its pages together, to end on one line.
MOST_LINES_SHORT = 2
# Or a line long, both its pages together, into the foot margin (as Vellum and book typesetters do).
RUN_LONG = True


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
