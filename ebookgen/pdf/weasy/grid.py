"""The baseline grid: what stands between lines of text (a chapter's or a matter page's title, a part's title, an
author's note, a scene break) takes a whole number of lines, so every text line under it sits where a full page's
lines sit and the two pages of a spread line up (the page hook ``block_level_layout`` in ``setting.py``).

Each such block, once laid out whole, is given the padding at its foot that brings the text after it (past the
larger of its bottom margin and the next block's top margin, as the two collapse) onto the page's grid, counted
in the root's line height from the top of the page's text block. Part of the WeasyPrint seam.
"""

from __future__ import annotations

import math

# The blocks that take whole lines: by a class of their element.
GRID_CLASSES = frozenset({"chapter-title", "matter-title", "part-title", "author-note", "scene-setting", "scene-break"})
# A block ending this close above a grid line (in lines) is taken as on it: rounding, not a line's worth of room.
ON_LINE = 0.02


def stands_on_grid(box) -> bool:
    """Tell whether a box is one of the blocks that take whole lines."""
    element = getattr(box, "element", None)
    if element is None or getattr(box, "element_tag", "").endswith(("::before", "::after", "::marker")):
        return False
    names = element.get("class")
    return bool(names) and not GRID_CLASSES.isdisjoint(names.split())


def leading_of(box) -> float:
    """Return a box's line height in px: its length, or its number times its font size."""
    height = box.style["line_height"]
    if height == "normal":
        return 0.0
    if isinstance(height, (int, float)):
        return float(height) * box.style["font_size"]
    return float(height.value) if getattr(height, "unit", None) == "px" else 0.0


def top_margin(box) -> float:
    """Return a box's computed top margin in px, before it is laid out (0 for a percentage or auto)."""
    margin = box.style["margin_top"]
    return float(margin.value) if getattr(margin, "unit", None) == "px" else 0.0


def following(parent, box):
    """Return the in-flow block after `box` among its parent's children, or None."""
    children = getattr(parent, "children", ())
    for index, child in enumerate(children):
        if child is box:
            return next((later for later in children[index + 1 :] if later.is_in_normal_flow()), None)
    return None


def grid_padding(foot: float, top: float, leading: float) -> float:
    """Return what brings a position (px, from the page's top) down onto the next line of the grid from `top`."""
    lines = (foot - top) / leading
    whole = math.ceil(lines - ON_LINE)
    return max(0.0, (whole - lines) * leading)


def on_grid(new_box, box, parent, top: float, leading: float) -> float:
    """Pad a laid-out block's foot so that the text after it starts on the grid; return the padding added."""
    after = following(parent, box)
    gap = max(new_box.margin_bottom or 0.0, top_margin(after) if after is not None else 0.0)
    foot = new_box.border_box_y() + new_box.border_height() + gap
    padding = grid_padding(foot, top, leading)
    if padding:
        new_box.padding_bottom += padding
    return padding


# The blocks that may take a line more or fewer of the grid to level a spread, by a class of their element: a scene
# break (its fleuron kept centred in the space it takes) and a chapter's title (the space under it: the sink stays).
RETIMED = {"scene-break": True, "chapter-title": False}


def retimable(box) -> str | None:
    """Return the class by which a box may take a line more or fewer (``RETIMED``), or None."""
    element = getattr(box, "element", None)
    names = (element.get("class") or "").split() if element is not None else ()
    return next((name for name in names if name in RETIMED), None)


def retimed(new_box, lines: int, leading: float, centred: bool) -> None:
    """Make a laid-out block on the grid take `lines` more lines of it (below zero: fewer), its content moved half
    as far when `centred` (a scene break's fleuron), else staying where it is; fewer only as far as the space below
    its content allows."""
    if not lines:
        return
    change = lines * leading
    moved = change / 2 if centred else 0.0
    below = change - moved
    if below < 0 and (new_box.padding_bottom or 0.0) + (new_box.margin_bottom or 0.0) < -below - 0.01:
        return
    if moved:
        new_box.translate(0, moved)
    if below >= 0:
        new_box.padding_bottom += below
    else:
        taken = min(new_box.padding_bottom, -below)
        new_box.padding_bottom -= taken
        new_box.margin_bottom += below + taken
