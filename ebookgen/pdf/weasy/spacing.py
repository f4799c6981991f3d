"""A justified line's word spacing set without shaping its text again (part of the WeasyPrint seam).

WeasyPrint 70 justifies a line by giving each of its text boxes a new layout with the word spacing
(``layout.inline.add_word_spacing``): it makes a Pango layout of the text, shapes it, and deactivates it at once,
keeping only the text and the spacing, for the writer to make the layout again when it draws the line. The
shaping is thrown away unread. Here ``layout.inline.create_layout``, which only ``add_word_spacing`` calls, hands
it the same object unshaped: a ``Layout`` holding what a deactivated one holds (its text, spacing, width limit,
direction, and no text decoration's metrics). Where the text or style asks for more (a tab, a line break, a lone
space with word spacing, an underline or strike-through, a width limit), or the release's code is not the one this
knows, the layout is made as WeasyPrint makes it. A saving only: the book is the same to the byte.
"""

from __future__ import annotations

import inspect

from ebookgen.pdf.weasy.hook import wrapped

SPACING_HOOK = ("weasyprint.layout.inline", "create_layout")


def spacing_unshaped():
    """Lay out with a justified line's text boxes given their word spacing unshaped."""
    return wrapped(SPACING_HOOK, unshaped_layouts)


def unshaped_layouts(original):
    """Return ``create_layout`` for ``add_word_spacing`` making its layouts unshaped, or None where the release's
    inline layout calls it elsewhere or keeps the layout active."""
    import importlib

    inline = importlib.import_module(SPACING_HOOK[0])
    from weasyprint.text.line_break import Layout

    source = inspect.getsource(inline)
    spacing = inspect.getsource(getattr(inline, "add_word_spacing", lambda: None))
    if source.count("create_layout(") != 1 or "layout.deactivate()" not in spacing:
        return None
    if not all(hasattr(Layout, name) for name in ("setup", "set_text", "deactivate", "reactivate")):
        return None

    def create_layout(text, style, context, max_width, justification_spacing):
        if not plain(text, style, max_width):
            return original(text, style, context, max_width, justification_spacing)
        layout = Layout.__new__(Layout)
        layout.justification_spacing, layout.max_width, layout.text = justification_spacing, max_width, text
        layout.style, layout.first_line_direction, layout.layout, layout.language = style, 0, None, None
        layout.ascent = layout.underline_position = layout.strikethrough_position = None  # no text decoration
        return layout

    return create_layout


def plain(text: str, style, max_width) -> bool:
    """Tell whether a layout of a text is what WeasyPrint's would be once deactivated, made without Pango: no width
    limit, no tab or line break (its text kept whole, no tabs set), not a lone space given word spacing (which
    WeasyPrint sets as a space and a zero-width space), no text decoration (whose metrics Pango gives)."""
    lone_space = text == " " and style["word_spacing"] != 0
    undecorated = style["text_decoration_line"] == "none"
    return max_width is None and "\t" not in text and "\n" not in text and not lone_space and undecorated
