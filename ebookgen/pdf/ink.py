"""What a PDF's pages put on paper, for the preflight: where the ink lies, and whether any of it is RGB.

The bounds come from PDFium (pypdfium2): each page object's box in page space, so text, rules and
images all count. An object that crosses a trim edge is bleed art, meant to run off the page, and
is left out. The colours come from the content streams' colour operators, read with pikepdf.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ebookgen.errors import InputError

# Colour-setting operators: RGB directly (rg, RG), or by a colour space named in the resources (cs, CS).
COLOUR_OPERATORS = "rg RG cs CS"
RGB_SPACES = ("/DeviceRGB", "/CalRGB")


@dataclass(frozen=True)
class InkBounds:
    """The box, in points, around the ink a page lays inside its trim; empty on a blank page."""

    left: float = 0.0
    bottom: float = 0.0
    right: float = 0.0
    top: float = 0.0
    empty: bool = True


def ink_bounds(path: Path) -> list[InkBounds]:
    """Measure the ink inside the trim of every page."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError as error:
        raise InputError(f"{path}: PDFium cannot read its pages ({error})") from None
    try:
        return [page_ink(document[index]) for index in range(len(document))]
    finally:
        document.close()


def page_ink(page) -> InkBounds:
    """Return the box around a page's objects that lie inside its trim."""
    try:
        trim = page.get_trimbox()
        inside = [bounds for bounds in object_bounds(page) if within(bounds, trim)]
    finally:
        page.close()
    if not inside:
        return InkBounds()
    return InkBounds(
        min(b[0] for b in inside),
        min(b[1] for b in inside),
        max(b[2] for b in inside),
        max(b[3] for b in inside),
        False,
    )


def object_bounds(page) -> list[tuple[float, float, float, float]]:
    """Return the box of each top-level object on a page (a form counts as one)."""
    return [tuple(item.get_bounds()) for item in page.get_objects(max_depth=1)]


def within(bounds: tuple[float, ...], trim: tuple[float, ...]) -> bool:
    """Tell whether an object lies inside the trim (half a point of slack for rounding)."""
    left, bottom, right, top = bounds
    return left >= trim[0] - 0.5 and bottom >= trim[1] - 0.5 and right <= trim[2] + 0.5 and top <= trim[3] + 0.5


def rgb_pages(pdf) -> list[int]:
    """List the 1-based pages that paint in RGB: colour operators, colour spaces or images."""
    return [number for number, page in enumerate(pdf.pages, start=1) if paints_rgb(page.obj, set())]


def paints_rgb(holder, seen: set) -> bool:
    """Tell whether a page or form paints in RGB, looking inside the forms it draws."""
    import pikepdf

    if holder.objgen != (0, 0) and holder.objgen in seen:
        return False
    seen.add(holder.objgen)
    resources = holder.get("/Resources") or pikepdf.Dictionary()
    spaces = resources.get("/ColorSpace") or pikepdf.Dictionary()
    for operands, operator in pikepdf.parse_content_stream(holder, COLOUR_OPERATORS):
        if str(operator) in ("rg", "RG"):
            return True
        name = str(operands[0]) if operands else ""
        if is_rgb(spaces.get(name) if name in spaces else pikepdf.Name(name) if name else None):
            return True
    for xobject in (resources.get("/XObject") or {}).values():
        if xobject.get("/Subtype") == "/Image" and is_rgb(xobject.get("/ColorSpace")):
            return True
        if xobject.get("/Subtype") == "/Form" and paints_rgb(xobject, seen):
            return True
    return False


def is_rgb(space) -> bool:
    """Tell whether a colour space is RGB: by name, as an ICC profile of three components, or indexed over one."""
    import pikepdf

    if space is None:
        return False
    if isinstance(space, pikepdf.Name):
        return str(space) in RGB_SPACES
    if isinstance(space, pikepdf.Array) and len(space):
        family = str(space[0])
        if family in RGB_SPACES:
            return True
        if family == "/ICCBased":
            return int(space[1].get("/N", 0)) == 3
        if family == "/Indexed":
            return is_rgb(space[1])
    return False
