"""A raised initial that rises: a chapter's first line stays one line of the grid high (part of the WeasyPrint seam).

An initial three lines tall, standing on the first line, sets that line box taller than the others, so every line
of the opener's page below it fell a fraction of a line off the page's grid (``grid.py`` puts the text under a
title on the grid; this keeps it there through the initial). Wrapped here, private and so free to change in any
WeasyPrint release: ``layout.block.block_level_layout``. Where WeasyPrint lacks it, the book is laid out without.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from contextlib import contextmanager

from ebookgen.pdf.weasy.grid import leading_of

INITIAL_HOOK = ("weasyprint.layout.block", "block_level_layout")


def opens_chapter(box) -> bool:
    """Tell whether a block is a chapter's opening paragraph (the one a raised initial stands in)."""
    element = getattr(box, "element", None)
    if getattr(box, "element_tag", "").endswith(("::before", "::after")) or not hasattr(element, "get"):
        return False
    return "opening" in (element.get("class") or "").split()


def raise_initial(paragraph, pitch: float) -> None:
    """Move a paragraph's lines up by what its first line is taller than the others: the initial rises instead."""
    lines = [child for child in paragraph.children if type(child).__name__ == "LineBox"]
    excess = lines[0].height - pitch if lines else 0.0
    if excess <= 0.01 or excess >= pitch:
        return
    for child in paragraph.children:
        child.translate(dy=-excess)
    paragraph.height -= excess


@contextmanager
def initials_raised() -> Iterator[None]:
    """Lay out with each chapter's raised initial rising above its first line, the lines under it on the grid."""
    module = importlib.import_module(INITIAL_HOOK[0])
    original = getattr(module, INITIAL_HOOK[1], None)
    if original is None:
        yield
        return

    def block_level_layout(context, box, bottom_space, skip_stack, *args, **named):
        laid = original(context, box, bottom_space, skip_stack, *args, **named)
        if laid[0] is not None and not skip_stack and opens_chapter(box) and (pitch := leading_of(box)):
            raise_initial(laid[0], pitch)
        return laid

    setattr(module, INITIAL_HOOK[1], block_level_layout)
    try:
        yield
    finally:
        setattr(module, INITIAL_HOOK[1], original)
