"""Figures in print: each image carried in the document itself, sized to the text block, and its resolution.

An image is set as wide as the text block, or less when that would make it taller than a page holds
with its caption; printed under 300 dots per inch it looks soft, and the PDF says so (``PdfResult.notes``).
"""

from __future__ import annotations

import base64
import io

from ebookgen.model import Book, Image
from ebookgen.pdf.trim import Margins, Trim

# Dots per inch a printed image needs to look sharp; fewer are worth a warning.
PRINT_DPI = 300
# Inches of the text block's height a figure leaves for its caption and the space around it.
CAPTION_ALLOWANCE = 0.9


def image_sources(book: Book) -> dict[str, str]:
    """Return each figure image's source name and the data URL the printed book shows it from."""
    return {image.name: data_url(image) for image in book.images}


def data_url(image: Image) -> str:
    """Return an image as a data URL."""
    return f"data:{image.media_type};base64,{base64.b64encode(image.data).decode('ascii')}"


def text_block(trim: Trim, margins: Margins) -> tuple[float, float]:
    """Return the text block's width and the height a figure's image may take, in inches."""
    width = trim.width - margins.inside - margins.outside
    return width, trim.height - margins.top - margins.bottom - CAPTION_ALLOWANCE


def figure_css(trim: Trim, margins: Margins) -> str:
    """Bound a figure's image by the height of the text block, so that it never runs past a page."""
    return f"figure.figure img {{ max-height: {text_block(trim, margins)[1]:.3f}in; }}"


def printed_dpi(image: Image, trim: Trim, margins: Margins) -> int | None:
    """Return the dots per inch an image prints at, sized to the text block; None for a drawing (SVG)."""
    if image.media_type == "image/svg+xml":
        return None
    from PIL import Image as Picture

    try:
        with Picture.open(io.BytesIO(image.data)) as picture:
            pixels_wide, pixels_high = picture.size
    except (OSError, SyntaxError, ValueError):  # a picture Pillow cannot size (a metafile): no resolution to tell
        return None
    width, height = text_block(trim, margins)
    inches = min(width, height * pixels_wide / pixels_high)
    return int(pixels_wide / inches)


def resolution_notes(book: Book, trim: Trim, margins: Margins) -> tuple[str, ...]:
    """Say of each image that prints under 300 dpi its name, its dpi and the width it would need."""
    notes = []
    for image in book.images:
        dpi = printed_dpi(image, trim, margins)
        if dpi is not None and dpi < PRINT_DPI:
            wanted = int(PRINT_DPI * text_block(trim, margins)[0])
            notes.append(
                f"figure {image.name} prints at {dpi} dpi, under the {PRINT_DPI} dpi print needs to look sharp; "
                f"give an image about {wanted} pixels wide"
            )
    return tuple(notes)
