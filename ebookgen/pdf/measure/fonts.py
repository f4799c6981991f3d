"""Read what the word boxes do not say from the PDF itself: the body font's natural space and the chapters' pages."""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

SPACE_CODE = re.compile(r"<([0-9a-fA-F]+)>\s*<0020>")  # a bfchar line of a ToUnicode map giving U+0020
SAMPLED_PAGES = 40  # pages read for the body font: enough to outvote titles and notes


@dataclass(frozen=True)
class BodyType:
    """The body font and size, and the width of its space at that size: the natural word space."""

    font: str
    size: float
    space: float


def body_type(pdf: Path) -> BodyType:
    """Find the font and size most of the text is set in, and its space glyph's advance at that size."""
    import pikepdf

    with pikepdf.open(pdf) as document:
        shown: Counter[tuple[str, float]] = Counter()
        fonts = {}
        pages = document.pages
        step = max(1, len(pages) // SAMPLED_PAGES)
        for page in list(pages)[::step]:
            for (name, size), glyphs in text_shown(page).items():
                shown[(name, size)] += glyphs
            fonts.update({str(key): page.Resources.Font[key] for key in page.Resources.get("/Font", {}).keys()})
        if not shown:
            return BodyType("", 0.0, 0.0)
        (name, size), _ = shown.most_common(1)[0]
        font = fonts[name]
        return BodyType(str(font.get("/BaseFont", name)).lstrip("/"), size, space_advance(font) * size)


def text_shown(page) -> Counter[tuple[str, float]]:
    """Count the glyph bytes a page shows in each font and size (in points, the page's scale applied)."""
    import pikepdf

    counted: Counter[tuple[str, float]] = Counter()
    scale, stack, font = 1.0, [], ("", 0.0)
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op == "q":
            stack.append(scale)
        elif op == "Q" and stack:
            scale = stack.pop()
        elif op == "cm":
            a, b, c, d = (float(value) for value in operands[:4])
            scale *= abs(a * d - b * c) ** 0.5
        elif op == "Tf":
            font = (str(operands[0]), float(operands[1]))
        elif op in ("TJ", "Tj", "'", '"'):
            text = operands[-1]
            items = text if isinstance(text, pikepdf.Array) else [text]
            glyphs = sum(len(bytes(item)) // 2 for item in items if isinstance(item, pikepdf.String))
            counted[(font[0], round(font[1] * scale, 2))] += glyphs
    return counted


def space_advance(font) -> float:
    """Return a font's space advance in ems: from its embedded program's cmap, else its ToUnicode map and widths."""
    embedded = embedded_program(font)
    if embedded is not None:
        from fontTools.ttLib import TTFont

        program = TTFont(io.BytesIO(embedded))
        glyph = program.getBestCmap().get(0x20) if "cmap" in program else None
        if glyph:
            return program["hmtx"][glyph][0] / program["head"].unitsPerEm
    return width_of_space(font)


def embedded_program(font) -> bytes | None:
    """Return the TrueType program embedded for a (composite) font, if any."""
    descendant = font.DescendantFonts[0] if "/DescendantFonts" in font else font
    descriptor = descendant.get("/FontDescriptor")
    stream = descriptor.get("/FontFile2") if descriptor is not None else None
    return stream.read_bytes() if stream is not None else None


def width_of_space(font) -> float:
    """Return the width the font's W array gives the code its ToUnicode map turns into a space, in ems."""
    if "/ToUnicode" not in font or "/DescendantFonts" not in font:
        return 0.0
    found = SPACE_CODE.search(font.ToUnicode.read_bytes().decode("latin-1"))
    if not found:
        return 0.0
    code, widths = int(found.group(1), 16), list(font.DescendantFonts[0].get("/W", []))
    index = 0
    while index < len(widths) - 1:
        first, run = int(widths[index]), widths[index + 1]
        if isinstance(run, (list,)) or hasattr(run, "__len__"):
            if first <= code < first + len(run):
                return float(run[code - first]) / 1000
            index += 2
        else:
            if first <= code <= int(run):
                return float(widths[index + 2]) / 1000
            index += 3
    return float(font.DescendantFonts[0].get("/DW", 1000)) / 1000


def chapter_pages(pdf: Path) -> list[int]:
    """Return the pages (numbered from 1) the PDF's outline points at: where chapters, parts and back matter open."""
    import pikepdf

    with pikepdf.open(pdf) as document:
        found: set[int] = set()
        with document.open_outline() as outline:
            items = list(outline.root)
            while items:
                item = items.pop()
                items.extend(item.children)
                page = page_of(document, item.destination)
                if page is not None:
                    found.add(page)
        return sorted(found)


def page_of(document, destination) -> int | None:
    """Return the page number an outline item's destination names (an explicit one or a named one)."""
    import pikepdf

    if isinstance(destination, (pikepdf.String, str, pikepdf.Name)):
        names = document.Root.get("/Names")
        tree = names.get("/Dests") if names is not None else None
        if tree is None:
            return None
        destination = pikepdf.NameTree(tree).get(str(destination).lstrip("/"))
        if isinstance(destination, pikepdf.Dictionary):
            destination = destination.get("/D")
    if isinstance(destination, pikepdf.Array) and len(destination):
        try:
            return document.pages.index(pikepdf.Page(destination[0])) + 1
        except (ValueError, TypeError):
            return None
    return None
