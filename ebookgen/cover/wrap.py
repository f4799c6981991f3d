"""Typeset the wrap with WeasyPrint: the blurb on the back, title and author on the spine, the front.

The front is the book's ``cover`` image, filling the front panel to the bleed, or a typographic front in the
theme's face: title, subtitle, author. The back carries the ``description`` and keeps the barcode area
clear; the spine carries its text only where the printer allows it. Everything is placed in inches from
the wrap's geometry, so what is typeset is what ``geometry`` computed.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from ebookgen.cover.geometry import Box, Wrap
from ebookgen.output import atomic_path

if TYPE_CHECKING:
    from ebookgen.model import Image, Metadata
    from ebookgen.themes import Theme

PAPER = "#f6f1e7"
INK = "#1b1b1b"


def placed(box: Box, wrap: Wrap, css_class: str, body: str, extra: str = "") -> str:
    """Return a div placed over a box of the wrap (CSS measures from the top, the geometry from the bottom)."""
    top = wrap.height - box.y - box.height
    style = f"left:{box.x:.4f}in;top:{top:.4f}in;width:{box.width:.4f}in;height:{box.height:.4f}in;{extra}"
    return f'<div class="{css_class}" style="{style}">{body}</div>'


def paragraphs(text: str) -> str:
    """Return a text's paragraphs (parted by blank lines) as HTML."""
    parts = [" ".join(part.split()) for part in text.split("\n\n") if part.strip()]
    return "".join(f"<p>{escape(part)}</p>" for part in parts)


def spine(wrap: Wrap, metadata: Metadata) -> str:
    """Return the spine's text, turned to read from head to tail, or nothing where the printer allows none."""
    if not wrap.spine_text:
        return ""
    box = wrap.spine_text_box
    size = min(14.0, box.width * 72 * 0.6)
    centre_x, centre_y = box.x + box.width / 2, wrap.height - (box.y + box.height / 2)
    length, thickness = box.height, box.width
    style = (
        f"left:{centre_x - length / 2:.4f}in;top:{centre_y - thickness / 2:.4f}in;width:{length:.4f}in;"
        f"height:{thickness:.4f}in;line-height:{thickness:.4f}in;font-size:{size:.2f}pt;transform:rotate(90deg)"
    )
    text = f"{escape(metadata.title)}<span class='gap'></span>{escape(metadata.author)}"
    return f'<div class="spine" style="{style}">{text}</div>'


def image_url(cover: Image) -> str:
    """Return the cover image as a data: URL: the layout's one fetcher opens nothing outside the book's own files,
    and an SVG cover loses what it would fetch from outside."""
    import base64

    from ebookgen.render.svg import safe_svg

    data, kind = cover.data, cover.media_type
    if kind == "image/svg+xml":
        data = safe_svg(data).data
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


def front(wrap: Wrap, metadata: Metadata, cover: Image | None) -> str:
    """Return the front: the cover image to the bleed, or title, subtitle and author set in type."""
    if cover is not None:
        bled = Box(wrap.front.x, 0, wrap.width - wrap.front.x, wrap.height)  # to the bleed or over the turn-in
        return placed(bled, wrap, "image", f'<img src="{image_url(cover)}" alt=""/>')
    subtitle = f'<p class="subtitle">{escape(metadata.subtitle)}</p>' if metadata.subtitle else ""
    body = f'<h1>{escape(metadata.title)}</h1>{subtitle}<p class="author">{escape(metadata.author)}</p>'
    return placed(wrap.front.inset(0.5), wrap, "front", body)


def wrap_css(wrap: Wrap, theme: Theme) -> str:
    """Return the wrap's stylesheet: one page the wrap's size, the theme's faces."""
    faces = "".join(
        f'@font-face {{ font-family: "{face.family}"; src: url("{face.path().as_uri()}"); '
        f"font-weight: {face.weight}; font-style: {face.style}; }}\n"
        for face in theme.faces
    )
    page = f"size: {wrap.width:.4f}in {wrap.height:.4f}in; margin: 0; background: {PAPER};"
    blank = " ".join(f"@{box} {{ content: none; }}" for box in ("top-left", "top-right", "bottom-center"))
    return f"""{faces}
@page {{ {page} {blank} }}
@page :left {{ {page} {blank} }}
@page :right {{ {page} {blank} }}
@page :first {{ {page} {blank} }}
html, body {{ margin: 0; padding: 0; }}
body {{ font-family: "{theme.body_face}", "EB Garamond"; color: {INK}; }}
div {{ position: absolute; box-sizing: border-box; overflow: hidden; }}
.front {{ text-align: center; padding-top: 1.5in; }}
.front h1 {{ font-size: 34pt; line-height: 1.1; font-weight: normal; margin: 0 0 0.3in; }}
.front .subtitle {{ font-size: 15pt; font-style: italic; margin: 0; }}
.front .author {{ font-size: 17pt; margin-top: 1.2in; letter-spacing: 0.08em; text-transform: uppercase; }}
.back {{ font-size: 11pt; line-height: 1.45; text-align: justify; hyphens: auto; }}
.back p {{ margin: 0 0 0.6em; text-indent: 0; }}
.barcode {{ background: #ffffff; }}
.spine {{ text-align: center; white-space: nowrap; overflow: visible; letter-spacing: 0.05em; }}
.spine .gap {{ display: inline-block; width: 0.4in; }}
.image img {{ width: 100%; height: 100%; object-fit: cover; display: block; }}
"""


def wrap_html(wrap: Wrap, metadata: Metadata, cover: Image | None) -> str:
    """Return the wrap's document: back, barcode area, spine, front."""
    back = wrap.back.inset(0.5)
    back_text = Box(back.x, wrap.barcode.y + wrap.barcode.height + 0.25, back.width,
                    back.y + back.height - (wrap.barcode.y + wrap.barcode.height + 0.25))  # fmt: skip
    parts = [
        placed(back_text, wrap, "back", paragraphs(metadata.description)),
        placed(wrap.barcode, wrap, "barcode", ""),
        spine(wrap, metadata),
        front(wrap, metadata, cover),
    ]
    return f'<!DOCTYPE html><html lang="{escape(metadata.language)}"><body>{"".join(parts)}</body></html>'


def write_wrap(wrap: Wrap, metadata: Metadata, theme: Theme, cover: Image | None, target: Path) -> Path:
    """Typeset the wrap and write it as a PDF whose TrimBox is the whole wrap less its bleed."""
    import pikepdf

    from ebookgen.pdf.weasy import laid_out, write

    document = laid_out(wrap_html(wrap, metadata, cover), wrap_css(wrap, theme))
    with atomic_path(target) as temporary:
        write(document, temporary)
        with pikepdf.open(temporary, allow_overwriting_input=True) as pdf:
            bleed = wrap.edge * 72
            box = [bleed, bleed, (wrap.width * 72) - bleed, (wrap.height * 72) - bleed]
            for page in pdf.pages:
                page.obj.TrimBox = pikepdf.Array(box)
                page.obj.BleedBox = pikepdf.Array([0, 0, wrap.width * 72, wrap.height * 72])
            pdf.save(temporary, deterministic_id=True)  # its /ID from its content: the same wrap, the same bytes
    return target
