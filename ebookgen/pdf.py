"""The PDF writer: a Book in, a print-ready novel interior out, through WeasyPrint.

``write_pdf`` names the steps; the page geometry (trim, mirrored margins, running heads) is a
small stylesheet generated from ``PdfOptions`` on top of the shared base and print layers.
WeasyPrint is imported here only, so ``ebookgen epub`` never loads it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import RenderError
from .model import Book
from .output import atomic_path
from .render import attribute, render_book, render_title_page, text
from .resources import styles_dir

# KDP's minimum inside margin (gutter) by page count: (up to pages, inches).
GUTTER_TABLE = ((150, 0.375), (300, 0.5), (500, 0.625), (700, 0.75), (828, 0.875))
TRIM_SIZES = {
    "5x8": (5.0, 8.0),
    "5.25x8": (5.25, 8.0),
    "5.5x8.5": (5.5, 8.5),
    "6x9": (6.0, 9.0),
    "a5": (5.83, 8.27),
}


@dataclass(frozen=True)
class PdfOptions:
    """The printed book's page: trim size in inches and margins."""

    width: float = 5.5
    height: float = 8.5
    top: float = 0.7
    bottom: float = 0.75
    outside: float = 0.55


@dataclass(frozen=True)
class PdfResult:
    """What was written: the file, its page count, where each element id begins and each page's folio."""

    path: Path
    pages: int
    anchors: dict[str, int] = field(default_factory=dict)  # element id -> 1-based physical page it begins on
    folios: list[str] = field(default_factory=list)  # the folio printed on each physical page, "" if none
    # For each physical page: the id of the element whose text opens the page, and how many non-space
    # characters of that element's text were laid out on earlier pages (0 when the page opens with it).
    page_starts: list[tuple[str, int]] = field(default_factory=list)


def write_pdf(book: Book, target: Path, options: PdfOptions = PdfOptions()) -> PdfResult:
    """Lay out the book and write it as a PDF at target, atomically."""
    html = book_html(book)
    document = lay_out(html, page_css(book, options, gutter_for(0)))
    wanted = page_css(book, options, gutter_for(len(document.pages)))
    if gutter_for(len(document.pages)) != gutter_for(0):
        document = lay_out(html, wanted)
    with atomic_path(target) as temporary:
        document.write_pdf(temporary)
    return PdfResult(target, len(document.pages), page_anchors(document), page_folios(document), page_starts(document))


def page_anchors(document) -> dict[str, int]:
    """Map every element id of the laid-out document to the 1-based page it begins on."""
    anchors: dict[str, int] = {}
    for number, page in enumerate(document.pages, start=1):
        for name in page.anchors:
            anchors.setdefault(name, number)
    return anchors


def box_text(box) -> str:
    """Return the text laid out inside a box."""
    own = getattr(box, "text", "") if type(box).__name__ == "TextBox" else ""
    return own + "".join(box_text(child) for child in getattr(box, "children", ()))


def page_folios(document) -> list[str]:
    """Return the folio printed in each page's margins (a page number, arabic or roman), or ""."""
    folios = []
    for page in document.pages:
        margins = [box_text(box).strip() for box in page._page_box.children if type(box).__name__ == "MarginBox"]
        folios.append(next((text for text in margins if re.fullmatch(r"\d+|[ivxlcdm]+", text)), ""))
    return folios


def text_boxes(box, anchor: str = ""):
    """Yield (id of the nearest element with one, text box) for the text laid out in a box, in order."""
    tag = getattr(box, "element_tag", "") or ""
    if tag.endswith(("::before", "::after", "::marker")) or type(box).__name__ == "MarginBox":
        return
    anchor = box.style["anchor"] or anchor
    if type(box).__name__ == "TextBox":
        yield anchor, box
    for child in getattr(box, "children", ()):
        yield from text_boxes(child, anchor)


def page_starts(document) -> list[tuple[str, int]]:
    """Say for each page which element's text opens it and how much of that text came before."""
    laid_out: dict[str, int] = {}
    starts = []
    for page in document.pages:
        start = ("", 0)
        for anchor, box in text_boxes(page._page_box):
            if start == ("", 0) and box.text.strip():
                start = (anchor, laid_out.get(anchor, 0))
            text = box.text.removesuffix(box.style["hyphenate_character"])
            laid_out[anchor] = laid_out.get(anchor, 0) + len("".join(text.split()))
        starts.append(start)
    return starts


def gutter_for(pages: int) -> float:
    """Return the inside margin's gutter for a page count (KDP's table)."""
    for limit, gutter in GUTTER_TABLE:
        if pages <= limit:
            return gutter
    return GUTTER_TABLE[-1][1]


def book_html(book: Book) -> str:
    """Assemble the whole book as one HTML document from the rendered chapters."""
    meta = book.metadata
    sections = [rendered.section for rendered in render_book(book, block_ids=True)]
    sections[0] = sections[0].replace('class="chapter"', 'class="chapter first-chapter"', 1)
    chapters = "\n".join(sections)
    lang = attribute(meta.language)
    return (
        f'<!DOCTYPE html>\n<html lang={lang} xml:lang={lang} xmlns:epub="http://www.idpf.org/2007/ops">\n'
        f'<head>\n<meta charset="utf-8"/>\n<title>{text(meta.title)}</title>\n'
        f'<meta name="author" content={attribute(meta.author)}/>\n'
        f'<meta name="description" content={attribute(meta.description)}/>\n'
        f'<meta name="generator" content="ebookgen"/>\n</head>\n'
        f'<body>\n<div class="front">\n{render_title_page(book)}\n</div>\n{chapters}\n</body>\n</html>\n'
    )


def css_string(value: str) -> str:
    """Quote a value as a CSS string."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{escaped}"'


def page_css(book: Book, options: PdfOptions, gutter: float) -> str:
    """Generate the page geometry: trim, mirrored margins with the gutter inside, running heads."""
    inside = gutter + 0.25
    meta = book.metadata
    return f"""
@page {{ size: {options.width}in {options.height}in;
         margin: {options.top}in {options.outside}in {options.bottom}in {inside}in; }}
@page :left {{ margin-left: {options.outside}in; margin-right: {inside}in;
               @top-left {{ content: {css_string(meta.author)}; }} }}
@page :right {{ margin-left: {inside}in; margin-right: {options.outside}in;
                @top-right {{ content: {css_string(meta.title)}; }} }}
@page front {{ @top-left {{ content: none; }} @top-right {{ content: none; }} }}
@page :nth(1 of chapter) {{ @top-left {{ content: none; }} @top-right {{ content: none; }} }}
@page :nth(1 of first-chapter) {{ @top-left {{ content: none; }} @top-right {{ content: none; }} }}
@page :blank {{ @top-left {{ content: none; }} @top-right {{ content: none; }} @bottom-center {{ content: none; }} }}
"""


def lay_out(html: str, geometry: str):
    """Lay out the document with the shared base, the print layer and the geometry."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    folder = styles_dir()
    fonts = FontConfiguration()
    sheets = [
        CSS(filename=str(folder / "base.css"), font_config=fonts),
        CSS(filename=str(folder / "print.css"), font_config=fonts),
        CSS(string=geometry, font_config=fonts),
    ]
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    try:
        return HTML(string=html, base_url=str(folder)).render(stylesheets=sheets, font_config=fonts)
    except Exception as error:  # WeasyPrint raises many kinds; the user needs one line.
        raise RenderError(f"PDF layout failed: {error}") from error
