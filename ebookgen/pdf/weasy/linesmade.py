"""The lines a layout made lately, kept so that a page made again sets them without shaping them again (part of the
WeasyPrint seam, used by ``setting.Setter``).

The spread leveller makes pages again: a verso at another room, a spread with a paragraph set a line looser, the
runs before it moved. Most lines of a page made again are the lines it held before, from the same place in the same
paragraph at the same height, and WeasyPrint would break, shape and justify each of them again (Pango's line
breaking and our tracking are most of a line's cost). Here a line of plain text made from all the same is taken as
made: a fresh copy of its boxes, WeasyPrint's line box left as making it leaves it. A cache only: the book is the
same to the byte with it and without it (tests/test_lines_kept.py).

A line is kept only where nothing but its text and inline boxes goes into it: no float beside it (excluded
shapes), no footnote call, running element, image, inline block or placeholder in its paragraph, no first letter or
first-line style being set on it. What else a line depends on is in its key: the paragraph's boxes (they change
when an initial is set in its first line), where it resumes, its height on the page, the block's width and left
edge, its indent, and what the setting's hooks give WeasyPrint's breaker (the planned width, hyphens barred, how far
its letters may open and close). The room a page keeps at its foot is not: it decides whether a line is kept on
the page, not how the line is set.
"""

from __future__ import annotations

# Lines kept: about thirty pages of a novel's, more than the leveller reaches back (``pagesmade.KEPT_BACK`` pages).
KEPT_LINES = 1200


def text_only(box, ids: list) -> bool:
    """Tell whether a paragraph's line box holds text and inline boxes alone, all in the flow and none a footnote
    call; collect the boxes' ids (the paragraph's boxes, which a first letter set in it replaces)."""
    for child in box.children:
        kind = type(child).__name__
        ids.append(id(child))
        if kind == "TextBox":
            continue
        if kind != "InlineBox" or not child.is_in_normal_flow() or getattr(child, "footnote", None) is not None:
            return False
        if child.element_tag.endswith(("::footnote-call", "::footnote-marker")) or not text_only(child, ids):
            return False
    return True


def copied(box):
    """Return a copy of a laid-out box and every box in it (WeasyPrint's ``deepcopy``, its children's sequence type
    and each inline box's own set of removed decorations kept)."""
    new = box.copy()
    children = getattr(box, "children", None)
    if children is not None:
        new.children = type(children)(copied(child) for child in children)
    sides = getattr(box, "remove_decoration_sides", None)
    if sides is not None:
        new.remove_decoration_sides = set(sides)
    return new


def copied_stack(stack):
    """Return a copy of a WeasyPrint skip stack (nested dicts of child indexes)."""
    return None if stack is None else {index: copied_stack(rest) for index, rest in stack.items()}


class LinesMade:
    """The lines made lately, by what each was made from (``key``)."""

    def __init__(self) -> None:
        self.lines: dict[tuple, tuple] = {}
        self.counts = {"taken": 0, "made": 0}

    def key(self, context, linebox, position_y: float, skip_stack, rest: tuple, given: tuple) -> tuple | None:
        """Return what a line is made from, or None when it is not kept (`rest`: WeasyPrint's arguments after the
        skip stack; `given`: what the setting's hooks give its breaker)."""
        containing_block, _, _, first_letter_style, first_line_style = rest[:5]
        if first_letter_style or first_line_style or context.excluded_shapes:
            return None
        ids: list = []
        if not text_only(linebox, ids):
            return None
        place = (position_y, containing_block.width, containing_block.content_box_x(), linebox.text_indent)
        return (id(linebox), tuple(ids), repr(skip_stack), place, given)

    def taken(self, key: tuple | None, linebox):
        """Return a kept line for this key as (line, resume_at), each a fresh copy, WeasyPrint's line box set as
        making the line left it; None when there is none."""
        kept = self.lines.get(key) if key is not None else None
        if kept is None:
            return None
        line, resume_at, (x, y, width, height) = kept
        linebox.position_x, linebox.position_y, linebox.width, linebox.height = x, y, width, height
        self.counts["taken"] += 1
        return (copied(line) if line is not None else None), copied_stack(resume_at)

    def keep(self, key: tuple | None, context, linebox, made: tuple, added: bool) -> None:
        """Keep a line just made (`added`: it added absolute or fixed boxes, or left shapes behind: not kept)."""
        self.counts["made"] += 1
        if key is None or added or context.excluded_shapes:
            return
        line, resume_at = made
        where = (linebox.position_x, linebox.position_y, linebox.width, linebox.height)
        self.lines[key] = (copied(line) if line is not None else None, copied_stack(resume_at), where)
        while len(self.lines) > KEPT_LINES:
            del self.lines[next(iter(self.lines))]
