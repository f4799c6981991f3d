"""SVG in an EPUB's pages: a fixed-layout book's text set in SVG, and pages that are only pictures.

A fixed-layout EPUB may list SVG documents in its spine, or draw a page's text as SVG inside XHTML; mapped as
HTML, that text vanished (a 0-word book, exit 0). Its `<text>` elements are read line by line, in document
order, into a paragraph (their placing on the page is not kept, and check says so). An SVG page with no text
is a picture: it becomes a figure, its own image (or the raster it draws), so an image-only EPUB is a book.
"""

from __future__ import annotations

import posixpath

from ebookgen.readers.htmltext import tag_of, words_of

XLINK = "{http://www.w3.org/1999/xlink}href"


def svg_lines(svg) -> list[str]:
    """Return the lines an SVG draws as text: each `<text>` element's words, in document order."""
    texts = [element for element in svg.iter() if tag_of(element) == "text"]
    return [line for line in (" ".join("".join(element.itertext()).split()) for element in texts) if line]


def svg_page(data: bytes, href: str):
    """Turn an SVG spine page into an HTML page: its text as a paragraph of lines, else a figure of the page."""
    import lxml.html
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
    try:
        svg = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        svg = None
    page = lxml.html.document_fromstring("<html><body></body></html>")
    body = page.find("body")
    lines = svg_lines(svg) if svg is not None else []
    if lines:
        body.append(lines_paragraph(lines))
        return page
    drawn = [element.get(XLINK) or element.get("href") for element in (svg.iter() if svg is not None else ())
             if tag_of(element) == "image"]  # fmt: skip
    rasters = [src for src in drawn if src and not src.startswith(("data:", "http:", "https:"))]
    source = rasters[0] if len(rasters) == 1 else posixpath.basename(href)
    body.append(lxml.html.fragment_fromstring(f'<img src="{source}" alt=""/>'))
    return page


def lines_paragraph(lines: list[str]):
    """Return a paragraph holding lines, a line break between each."""
    import lxml.html

    paragraph = lxml.html.fragment_fromstring("<p></p>")
    paragraph.text = lines[0]
    for line in lines[1:]:
        breaking = lxml.html.fragment_fromstring("<br/>")
        breaking.tail = line
        paragraph.append(breaking)
    return paragraph


def svg_text_in_place(body) -> int:
    """Replace each inline SVG that draws text with a paragraph of its lines; return how many there were."""
    drawn = [element for element in body.iter() if tag_of(element) == "svg" and svg_lines(element)]
    for svg in drawn:
        if svg.getparent() is None or any(tag_of(parent) == "svg" for parent in svg.iterancestors()):
            continue
        paragraph = lines_paragraph(svg_lines(svg))
        paragraph.tail = svg.tail
        svg.getparent().replace(svg, paragraph)
    return len(drawn)


def svg_notes(href: str, spine_svg: bool, tree, inline: int) -> tuple[str, ...]:
    """Say how a page's SVG was read: its text line by line (its layout lost), or the page kept as a picture."""
    if inline:
        return (f"{href}: the text of {inline} SVG drawing(s) read line by line; their layout is not kept",)
    if not spine_svg:
        return ()
    if words_of(tree.find("body")):
        return (f"{href}: an SVG page; its text read line by line, its layout not kept",)
    return (f"{href}: an SVG page without text, kept as a picture",)
