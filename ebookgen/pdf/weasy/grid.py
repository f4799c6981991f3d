"""The page's baseline grid: text after an opener's heading, a part's title, a scene break or an author's note
starts on a whole line of the body's spacing, as on the facing page (part of the WeasyPrint seam).

WeasyPrint stacks blocks by their own heights and margins: a heading 22 pt high with a 0.45 in margin under it
leaves the text below it a fraction of a line off the grid of a full page, so the facing lines do not back each
other. Wrapped here, private and so free to change in any WeasyPrint release: ``layout.block.block_level_layout``.
After one of those blocks is laid out, the margin under it grows to the next line of the grid, counted from the
top of the page's text; nothing else moves. Where WeasyPrint lacks the function, the book is laid out without it.
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Iterator
from contextlib import contextmanager

GRID_HOOK = ("weasyprint.layout.block", "block_level_layout")
# The blocks after which the text returns to the grid, by class (an <hr> scene break, the titles, a note).
OFF_GRID = frozenset({"chapter-title", "part-title", "matter-title", "scene-break", "author-note", "part-line"})


class Grid:
    """Where the grid of the page being laid out starts, and its pitch (the body's line spacing)."""

    def __init__(self) -> None:
        self.origin = 0.0
        self.pitch = 0.0
        self.snapped = 0


def pitch_of(style) -> float:
    """Return a style's line spacing in CSS pixels, or 0 where it is "normal"."""
    height = style["line_height"]
    if isinstance(height, int | float):
        return height * style["font_size"]
    return float(getattr(height, "value", 0.0) or 0.0)


def snapped_margin(bottom: float, gap: float, grid: Grid) -> float:
    """Return the gap under a block's border that puts the next line's top on a line of the grid."""
    lines = math.ceil((bottom + gap - grid.origin) / grid.pitch - 0.001)
    return grid.origin + lines * grid.pitch - bottom


def classes_of(box) -> set[str]:
    """Return the classes of the element a box was made for (none for a pseudo-element's box)."""
    element = getattr(box, "element", None)
    if getattr(box, "element_tag", "").endswith(("::before", "::after")) or not hasattr(element, "get"):
        return set()
    return set(element.get("class", "").split())


def off_grid(box) -> bool:
    """Tell whether a block is one the text after it must come back to the grid from."""
    return bool(OFF_GRID & classes_of(box))


def raise_initial(paragraph, pitch: float) -> None:
    """Keep a chapter's first line one line high: its initial rises above it instead of pushing it down.

    An initial three lines tall sets its line box taller than the others, so every line of the opener's page
    below it falls a fraction of a line off the grid; the paragraph's lines move up by the difference.
    """
    lines = [child for child in paragraph.children if type(child).__name__ == "LineBox"]
    excess = lines[0].height - pitch if lines else 0.0
    if excess <= 0.01 or excess >= pitch:
        return
    for child in paragraph.children:
        child.translate(dy=-excess)
    paragraph.height -= excess


@contextmanager
def on_the_grid(grid: Grid | None = None) -> Iterator[Grid]:
    """Lay out with the text after titles, scene breaks and notes put back on the page's baseline grid."""
    grid = grid or Grid()
    module = importlib.import_module(GRID_HOOK[0])
    original = getattr(module, GRID_HOOK[1], None)
    if original is None:
        yield grid
        return

    def block_level_layout(context, box, *args, **named):
        if getattr(box, "element_tag", "") == "body":
            grid.origin, grid.pitch = box.position_y, pitch_of(box.style)
        laid = original(context, box, *args, **named)
        new_box, resume_at, next_page, adjoining, *rest = laid
        if new_box is not None and grid.pitch and not (args[1] if len(args) > 1 else named.get("skip_stack")):
            if "opening" in classes_of(box):
                raise_initial(new_box, grid.pitch)
        if new_box is None or resume_at is not None or not grid.pitch or not off_grid(box):
            return laid
        from weasyprint.layout.block import collapse_margin

        bottom = new_box.border_box_y() + new_box.border_height()
        new_box.margin_bottom = snapped_margin(bottom, collapse_margin([*adjoining, new_box.margin_bottom]), grid)
        grid.snapped += 1
        return (new_box, resume_at, next_page, [], *rest)

    setattr(module, GRID_HOOK[1], block_level_layout)
    try:
        yield grid
    finally:
        setattr(module, GRID_HOOK[1], original)
