"""What a justified line loses when WeasyPrint writes it to the PDF, so that its letters' tracking is given back.

WeasyPrint's PDF writer places each glyph at its font's advance (in thousandths of an em, rounded) and moves it by
the difference to Pango's advance, truncated to a whole thousandth (``draw.text.draw_first_line``: ``int(kerning)``).
A glyph Pango set wider than its font's advance, as every letter of a tracked line is, loses up to a thousandth of an
em: over a line of 60 tracked letters, up to 0.7 pt, and the justified line ends short of the right margin. This
module adds up that loss from the line's own glyphs, the writer's arithmetic repeated, so justification can give it
to the word spaces and the line ends flush again. It also tracks a laid-out line (``track``, for the setting's
justification and the planner's closing of lines), counting each text box's loss while its new layout is at hand.
"""

from __future__ import annotations

# Glyph advances the writer takes from the font, in thousandths of an em: (font key, glyph) -> advance.
ADVANCES: dict[tuple, int] = {}


def track(context, box, spacing: float, advance: float) -> float:
    """Add `spacing` points between the letters of a laid-out line's text; return how much wider it grew."""
    from weasyprint.text.line_break import create_layout, line_size

    kind = type(box).__name__
    if kind == "TextBox" and box.text:
        box.position_x += advance
        style = box.style.copy()
        style["letter_spacing"] = (0 if style["letter_spacing"] == "normal" else style["letter_spacing"]) + spacing
        layout = create_layout(box.text, style, context, None, box.justification_spacing)
        width, _ = line_size(layout.get_first_line()[0], style)
        kept_loss(layout, style)  # what the writer loses of its glyphs, counted while its glyphs are at hand
        layout.deactivate()
        advance += width - box.width
        box.style, box.pango_layout, box.width = style, layout, width
    elif kind in ("LineBox", "InlineBox"):
        box.position_x += advance
        before = advance
        for child in box.children:
            if child.is_in_normal_flow():
                advance = track(context, child, spacing, advance)
        box.width += advance - before
    else:
        box.translate(advance, 0)
    return advance


def flush_loss(line) -> float:
    """Return how much (px) a tracked line's text ends short of its laid-out width on the PDF page: the writer's
    truncation, and the last letter's tracking, which sets no ink at the margin. A right-to-left line is placed from
    its right edge, where the writer's loss does not gather: it is left as it is."""
    if line.style["direction"] != "ltr":
        return 0.0
    last = last_tracked(line)
    return drawn_shortfall(line) + (last.style["letter_spacing"] if last is not None else 0.0)


def last_tracked(box):
    """Return a line's last text box when its letters are tracked, or None."""
    kind = type(box).__name__
    if kind == "TextBox":
        return box if box.text and box.style["letter_spacing"] not in ("normal", 0) else None
    children = [child for child in getattr(box, "children", ()) if child.is_in_normal_flow()]
    return last_tracked(children[-1]) if children else None


def drawn_shortfall(box) -> float:
    """Return how much shorter (px) the PDF writer draws a laid-out line's text than its layout says."""
    kind = type(box).__name__
    if kind == "TextBox":
        return text_shortfall(box) if box.text else 0.0
    if kind in ("LineBox", "InlineBox"):
        return sum(drawn_shortfall(child) for child in box.children if child.is_in_normal_flow())
    return 0.0


def text_shortfall(box) -> float:
    """Return the loss of one text box's glyphs, laid out as the writer lays them out (justification included): as
    counted when its layout was made (``kept_loss``), else from its layout made again."""
    layout = box.pango_layout
    kept = getattr(layout, KEPT, None)
    if kept is not None and kept[0] is box.style:
        return kept[1]
    layout.reactivate(box.style)
    line, _ = layout.get_first_line()
    return glyphs_lost(line, box.style)


# The attribute of a WeasyPrint layout that holds the loss counted when it was made: (its style, the loss).
KEPT = "ebookgen_loss"


def kept_loss(layout, style) -> None:
    """Count the writer's loss of a layout just made in a style (``track``), for ``text_shortfall``: only
    where it has no justification spacing, which the writer's layout adds (the same glyphs, the same loss)."""
    if layout.justification_spacing == 0:
        setattr(layout, KEPT, (style, glyphs_lost(layout.get_first_line()[0], style)))


def glyphs_lost(line, style) -> float:
    """Return what the writer loses of a laid-out Pango line's glyphs (px)."""
    from weasyprint.text.ffi import FROM_UNITS, ffi, pango
    from weasyprint.text.fonts import get_pango_font_key

    lost = 0.0
    run = line.runs[0]
    while run != ffi.NULL:
        glyph_item = run.data
        run = run.next
        font = glyph_item.item.analysis.font
        key, _, size = get_pango_font_key(font)
        if pango.pango_version() < 14802:
            size = style["font_size"]
        glyphs = glyph_item.glyphs
        for info in glyphs.glyphs[0 : glyphs.num_glyphs]:
            if info.glyph == pango.PANGO_GLYPH_EMPTY or info.glyph & pango.PANGO_GLYPH_UNKNOWN_FLAG:
                continue
            advance = font_advance(font, key, info.glyph, size)
            kerning = advance + info.geometry.x_offset / size - info.geometry.width * 1000 * FROM_UNITS / size
            if kerning:
                lost += (int(kerning) - kerning) * size / 1000
    return lost


def font_advance(font, key, glyph: int, size: float) -> int:
    """Return a glyph's advance as the writer takes it from the font (thousandths of an em, rounded)."""
    if (key, glyph) not in ADVANCES:
        from weasyprint.text.ffi import FROM_UNITS, ffi, pango

        ink, logical = ffi.new("PangoRectangle *"), ffi.new("PangoRectangle *")
        pango.pango_font_get_glyph_extents(font, glyph, ink, logical)
        ADVANCES[(key, glyph)] = round(logical.width * 1000 * FROM_UNITS / size)
    return ADVANCES[(key, glyph)]
