"""What a PDF's pages put on paper, for the preflight: where the ink lies, and whether any of it is RGB.

The bounds come from PDFium (pypdfium2): each page object's box in page space, so text, rules and
images all count. An object that crosses a trim edge is bleed art, meant to run off the page, and
is left out. The colours come from the content streams' colour operators, read with pikepdf.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ebookgen.errors import PdfUnreadableError

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
        raise PdfUnreadableError(f"{path}: PDFium cannot read its pages ({error})") from None
    try:
        return [page_ink(document[index]) for index in range(len(document))]
    except pypdfium2.PdfiumError as error:
        raise PdfUnreadableError(f"{path}: PDFium cannot read a page of it ({error})") from None
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
    known: dict[tuple[int, int], bool] = {}  # a form's own painting, read once however many pages draw it
    return [number for number, page in enumerate(pdf.pages, start=1) if paints_rgb(page.obj, known)]


def paints_rgb(page, known: dict) -> bool:
    """Tell whether a page paints in RGB, itself or in the forms it draws, however deeply nested."""
    seen: set[tuple[int, int]] = set()
    stack = [page]
    while stack:
        holder = stack.pop()
        if holder.objgen != (0, 0) and holder.objgen in seen:
            continue
        seen.add(holder.objgen)
        own = known.get(holder.objgen) if holder.objgen != (0, 0) else None
        if own is None:
            own = paints_rgb_itself(holder)
            if holder.objgen != (0, 0):
                known[holder.objgen] = own
        if own:
            return True
        stack += [xobject for xobject in xobjects(holder) if xobject.get("/Subtype") == "/Form"]
    return False


def xobjects(holder) -> list:
    """Return the XObjects a page's or form's resources name (none where its resources are not a dictionary)."""
    import pikepdf

    resources = holder.get("/Resources")
    found = resources.get("/XObject") if isinstance(resources, pikepdf.Dictionary) else None
    if not isinstance(found, pikepdf.Dictionary):
        return []
    return [each for each in found.values() if isinstance(each, pikepdf.Dictionary | pikepdf.Stream)]


def paints_rgb_itself(holder) -> bool:
    """Tell whether a page's or form's own content paints in RGB: its colour operators and its images."""
    import pikepdf

    resources = holder.get("/Resources")
    resources = resources if isinstance(resources, pikepdf.Dictionary) else pikepdf.Dictionary()
    spaces = resources.get("/ColorSpace")
    spaces = spaces if isinstance(spaces, pikepdf.Dictionary) else pikepdf.Dictionary()
    for operands, operator in pikepdf.parse_content_stream(holder, COLOUR_OPERATORS):
        if str(operator) in ("rg", "RG"):
            return True
        name = str(operands[0]) if operands else ""
        if is_rgb(spaces.get(name) if name in spaces else pikepdf.Name(name) if name.startswith("/") else None):
            return True
    return any(
        xobject.get("/Subtype") == "/Image" and is_rgb(xobject.get("/ColorSpace")) for xobject in xobjects(holder)
    )


def is_rgb(space, depth: int = 0) -> bool:
    """Tell whether a colour space is RGB: by name, as an ICC profile of three components, or indexed over one."""
    import pikepdf

    if space is None or depth > 4:  # an indexed space over itself is no space at all
        return False
    if isinstance(space, pikepdf.Name):
        return str(space) in RGB_SPACES
    if isinstance(space, pikepdf.Array) and len(space):
        family = str(space[0])
        if family in RGB_SPACES:
            return True
        if family == "/ICCBased" and len(space) > 1 and isinstance(space[1], pikepdf.Stream):
            components = space[1].get("/N", 0)
            return isinstance(components, int) and int(components) == 3
        if family == "/Indexed" and len(space) > 1:
            return is_rgb(space[1], depth + 1)
    return False
