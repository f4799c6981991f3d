"""A template for authors who design their own cover: the wrap's size with its lines drawn, as a PDF and a PNG.

Red: the trim (where the printer cuts) and the folds either side of the spine; blue: the safe areas, inside
which text must stay (0.125 in inside the trim, 0.0625 in inside the folds on the spine); grey: the barcode
area on the back. Each area is named in small type.
"""

from __future__ import annotations

from pathlib import Path

from ebookgen.cover.geometry import SAFE_MARGIN, Box, Wrap
from ebookgen.output import atomic_path

TRIM_INK, SAFE_INK, BARCODE_INK = "1 0 0 RG", "0 0 1 RG", "0.5 G"


def outline(box: Box, ink: str) -> str:
    """Return the content stroking a box's outline in points."""
    return f"{ink} {box.x * 72:.2f} {box.y * 72:.2f} {box.width * 72:.2f} {box.height * 72:.2f} re S\n"


def label(text: str, x: float, y: float) -> str:
    """Return the content writing a small label at a point, in inches."""
    safe = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return f"BT /F1 7 Tf 0 g {x * 72:.2f} {y * 72:.2f} Td ({safe}) Tj ET\n"


def edge_name(wrap: Wrap) -> str:
    """Name what lies beyond the trim: a paperback's bleed, a hardcover's turn-in over the boards."""
    return "wrap-around (turn-in)" if wrap.hinge else "bleed"


def template_content(wrap: Wrap) -> str:
    """Return the template's drawing: trim, folds, safe areas, barcode area, labels."""
    spine = wrap.spine_box
    trim = Box(wrap.back.x, wrap.back.y, wrap.width - 2 * wrap.back.x, wrap.back.height)
    parts = [
        "0.5 w\n",
        outline(trim, TRIM_INK),
        outline(spine, TRIM_INK),
        outline(wrap.back.inset(SAFE_MARGIN), SAFE_INK),
        outline(wrap.front.inset(SAFE_MARGIN), SAFE_INK),
        outline(wrap.barcode, BARCODE_INK),
        label("back cover: safe area", wrap.back.x + 0.2, wrap.back.y + wrap.back.height - 0.3),
        label("front cover: safe area", wrap.front.x + 0.2, wrap.front.y + wrap.front.height - 0.3),
        label("barcode 2 x 1.2 in", wrap.barcode.x + 0.1, wrap.barcode.y + 0.1),
        label(f"spine {wrap.spine:.3f} in", spine.x, spine.y - 0.1),
        label(
            f"{wrap.label} with {wrap.edge:g} in {edge_name(wrap)}, {wrap.pages} pages, {wrap.paper}",
            trim.x + 0.2,
            trim.y + 0.15,
        ),
    ]
    if wrap.hinge:  # a hardcover's hinges: nothing that must be seen goes in them
        parts += [
            outline(Box(spine.x - wrap.hinge, spine.y, wrap.hinge, spine.height), TRIM_INK),
            outline(Box(spine.x + spine.width, spine.y, wrap.hinge, spine.height), TRIM_INK),
            label(f"hinges {wrap.hinge:g} in", spine.x - wrap.hinge, spine.y - 0.22),
        ]
    if wrap.spine_text:
        parts.append(outline(wrap.spine_text_box, SAFE_INK))
    else:
        parts.append(label("no spine text at this page count", spine.x, spine.y + spine.height + 0.02))
    return "".join(parts)


def write_template(wrap: Wrap, target: Path) -> tuple[Path, Path]:
    """Write the template as a PDF and, beside it, a 150 dpi PNG; return both paths."""
    import pikepdf
    import pypdfium2

    png = target.with_suffix(".png")
    with pikepdf.new() as pdf, atomic_path(target) as temporary:
        page = pdf.add_blank_page(page_size=(wrap.width * 72, wrap.height * 72))
        font = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica)
        page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        page.obj.Contents = pdf.make_stream(template_content(wrap).encode("latin-1"))
        pdf.save(temporary, deterministic_id=True)
        document = pypdfium2.PdfDocument(str(temporary))
        try:
            image = document[0].render(scale=150 / 72).to_pil()
        finally:
            document.close()
        with atomic_path(png) as picture:
            image.save(picture, format="PNG")
    return target, png
