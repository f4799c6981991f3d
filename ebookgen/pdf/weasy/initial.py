"""A raised initial that rises: a chapter's first line stays one line of the grid high (part of the WeasyPrint seam).

An initial three lines tall, standing on the first line, sets that line box taller than the others, so every line
of the opener's page below it fell a fraction of a line off the page's grid (``grid.py`` puts the text under a
title on the grid; this keeps it there through the initial). Wrapped here, private and so free to change in any
WeasyPrint release: ``layout.block.block_level_layout``. Where WeasyPrint lacks it, the book is laid out without.

A quotation mark before the initial (``“W``) is set apart at half the initial's size, its top level with the
letter's, and hangs in the margin (the themes' ``.opening.quoted`` text-indent is its width), so the letter stands
flush with the text, as book typography sets it; WeasyPrint would carry it at the letter's size
(``layout.inline.first_letter_to_box``, wrapped here too).
"""

from __future__ import annotations

from ebookgen.pdf.weasy.grid import leading_of
from ebookgen.pdf.weasy.hook import wrapped

INITIAL_HOOK = ("weasyprint.layout.block", "block_level_layout")
QUOTE_HOOK = ("weasyprint.layout.inline", "first_letter_to_box")
# An opening quotation mark beside a raised initial is set at this share of the initial's size.
QUOTE_SIZE = 0.5
# The marks that open a quotation (double and single, English, German and French): set apart before an initial.
OPENING_QUOTES = frozenset("\u201c\u201e\u2018\u201a\u00ab\u2039\"'")


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


def ink_top(style, text: str) -> float:
    """Return how far (px) a text's ink rises above its baseline, laid out with Pango in a style."""
    from weasyprint.text.ffi import FROM_UNITS, ffi, pango
    from weasyprint.text.line_break import Layout

    layout = Layout(style)
    layout.set_text(text)
    line, _ = layout.get_first_line()
    ink, logical = ffi.new("PangoRectangle *"), ffi.new("PangoRectangle *")
    pango.pango_layout_line_get_extents(line, ink, logical)
    top = -ink.y * FROM_UNITS
    layout.deactivate()
    return top


def quote_apart(box) -> None:
    """Set an opening quotation mark that WeasyPrint put in a raised initial apart: smaller, its top level with the
    letter's (its own inline box before the initial's, in the same style but its size)."""
    from weasyprint.css.properties import Dimension
    from weasyprint.formatting_structure.boxes import InlineBox, TextBox

    letter = box.children[0] if getattr(box, "children", ()) else None
    if not isinstance(letter, InlineBox) or not letter.element_tag.endswith("::first-letter") or not letter.children:
        return
    text = letter.children[0]
    if not isinstance(text, TextBox) or len(text.text) < 2 or text.text[0] not in OPENING_QUOTES:
        return
    mark, text.text = text.text[0], text.text[1:]
    outer, inner = letter.style.copy(), text.style.copy()
    outer["font_size"] = inner["font_size"] = text.style["font_size"] * QUOTE_SIZE
    outer["margin_right"] = outer["margin_left"] = Dimension(0, "px")  # the letter keeps its own margin
    quote = InlineBox(letter.element_tag, outer, letter.element, [])
    quote.children = (TextBox(letter.element_tag, inner, letter.element, mark),)
    # Moved up once its line is laid out (``raise_quote``): raised in the layout, it would make the line taller.
    quote.rise = ink_top(text.style, text.text[0]) - ink_top(inner, mark)
    box.children = (quote, *box.children)


# The boxes a first line's quotation mark may sit in: its line, the ::first-line's, inline boxes.
INLINE = ("LineBox", "InlineBox")


def raise_quote(paragraph) -> None:
    """Move an opening quotation mark set apart before an initial up, its top level with the letter's."""
    lines = [child for child in paragraph.children if type(child).__name__ == "LineBox"]
    boxes = list(lines[:1])
    while boxes:
        box = boxes.pop()
        if getattr(box, "rise", 0.0):
            box.translate(dy=-box.rise)
        else:
            boxes += [child for child in getattr(box, "children", ()) if type(child).__name__ in INLINE]


def quotes_apart():
    """Lay out with an opening quotation mark before a raised initial set apart, smaller and hung."""
    return wrapped(QUOTE_HOOK, quote_set_apart)


def quote_set_apart(original):
    """Return WeasyPrint's first-letter maker setting an opening quote apart from the initial."""

    def first_letter_to_box(box, skip_stack, first_letter_style):
        skip_stack = original(box, skip_stack, first_letter_style)
        if first_letter_style and not skip_stack:
            quote_apart(box)
        return skip_stack

    return first_letter_to_box


def initials_raised():
    """Lay out with each chapter's raised initial rising above its first line, the lines under it on the grid."""
    return wrapped(INITIAL_HOOK, initial_raised)


def initial_raised(original):
    """Return WeasyPrint's block layout raising a chapter's initial once its opening is laid out."""

    def block_level_layout(context, box, bottom_space, skip_stack, *args, **named):
        laid = original(context, box, bottom_space, skip_stack, *args, **named)
        if laid[0] is not None and not skip_stack and opens_chapter(box) and (pitch := leading_of(box)):
            raise_initial(laid[0], pitch)
            raise_quote(laid[0])
        return laid

    return block_level_layout
