"""Draw the planned sheets with pikepdf: each book page placed as a form XObject (vectors, text kept as text).

A page is cut to its TrimBox, set at its own size (scaled down only if the cell is smaller), against the
spine fold and centred between head and tail, moved toward the spine by its creep and clipped to its cell.
Marks are hairlines: fold marks at the sheet's edges on the front, sewing stations along the spine fold of
each signature's innermost sheet, crop marks at the corners of each page wherever no other page lies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ebookgen.errors import ConfigError
from ebookgen.impose.layouts import BACK, FRONT, Fold
from ebookgen.impose.plan import Placement, Sheet

if TYPE_CHECKING:
    import pikepdf

POINTS_PER_INCH = 72.0
MARK_LENGTH = 0.25 * POINTS_PER_INCH
MARK_GAP = 3.0
MARK_WIDTH = 0.3

# The sheets home printers take, portrait, in points.
NAMED_SHEETS = {
    "letter": (612.0, 792.0),
    "a4": (595.28, 841.89),
    "legal": (612.0, 1008.0),
    "tabloid": (792.0, 1224.0),
    "a3": (841.89, 1190.55),
}
SHEET_PATTERN = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[x×]\s*(\d+(?:\.\d+)?)\s*(in|mm)?\s*$", re.IGNORECASE)
MARKS = ("fold", "sewing", "crop")


@dataclass(frozen=True)
class Rect:
    """A rectangle on a sheet, in points from the sheet's lower left corner."""

    x: float
    y: float
    width: float
    height: float

    def holds(self, x: float, y: float) -> bool:
        """Tell whether a point lies strictly inside."""
        return self.x < x < self.x + self.width and self.y < y < self.y + self.height


@dataclass(frozen=True)
class SheetStyle:
    """How the sheets are drawn: their size as printed, the marks, the duplex edge the printer turns them on."""

    width: float
    height: float
    marks: frozenset[str] = frozenset()
    stations: int = 4
    duplex: str = ""  # "long" or "short"; "" is the layout's natural edge
    centred: bool = False  # pages centred in their cells (single leaves) instead of against the spine


def sheet_size(name: str, fold: Fold) -> tuple[float, float]:
    """Return a named or `WxH` (in, or mm) sheet's size in points, turned the way the fold lays it out."""
    key = name.strip().lower()
    if key in NAMED_SHEETS:
        width, height = NAMED_SHEETS[key]
    elif match := SHEET_PATTERN.match(key):
        unit = 72 / 25.4 if (match.group(3) or "").lower() == "mm" else POINTS_PER_INCH
        width, height = float(match.group(1)) * unit, float(match.group(2)) * unit
    else:
        raise ConfigError(
            f"--sheet {name!r} is not one of {', '.join(NAMED_SHEETS)} nor a size such as 11x17 or 297x420mm"
        )
    if width <= 0 or height <= 0:
        raise ConfigError(f"--sheet {name!r} has no area")
    small, large = sorted((width, height))
    return (large, small) if fold.landscape else (small, large)


def parse_marks(value: str | None) -> frozenset[str]:
    """Return the marks a comma list names (fold, sewing, crop), or fail naming the ones there are."""
    names = frozenset(part.strip().lower() for part in (value or "").split(",") if part.strip())
    unknown = names - set(MARKS)
    if unknown:
        raise ConfigError(f"--marks {', '.join(sorted(unknown))}: the marks are {', '.join(MARKS)}")
    return names


def cell_rect(placement: Placement, fold: Fold, style: SheetStyle) -> Rect:
    """Return the rectangle of a placement's cell on its side."""
    width, height = style.width / fold.columns, style.height / fold.rows
    return Rect(placement.face.column * width, placement.face.row * height, width, height)


def page_rect(cell: Rect, size: tuple[float, float], placement: Placement, centred: bool) -> Rect:
    """Return where a page of that size goes in its cell: against the spine (moved by its creep) or centred."""
    width, height = size
    y = cell.y + (cell.height - height) / 2
    if centred:
        return Rect(cell.x + (cell.width - width) / 2, y, width, height)
    if placement.face.spine_left:
        return Rect(cell.x - placement.creep, y, width, height)
    return Rect(cell.x + cell.width - width + placement.creep, y, width, height)


def placed(cell: Rect, target: Rect, trim: tuple[float, ...], scale: float, upside_down: bool, name: str) -> str:
    """Return the content drawing one page's form into its rectangle, clipped to the cell, turned if asked."""
    left, bottom = trim[0], trim[1]
    if upside_down:
        matrix = (
            -scale,
            0,
            0,
            -scale,
            target.x + target.width + scale * left,
            target.y + target.height + scale * bottom,
        )
    else:
        matrix = (scale, 0, 0, scale, target.x - scale * left, target.y - scale * bottom)
    numbers = " ".join(f"{value:.4f}" for value in matrix)
    return f"q {cell.x:.4f} {cell.y:.4f} {cell.width:.4f} {cell.height:.4f} re W n {numbers} cm /{name} Do Q\n"


def line(x1: float, y1: float, x2: float, y2: float) -> str:
    """Return the content stroking one line."""
    return f"{x1:.3f} {y1:.3f} m {x2:.3f} {y2:.3f} l S\n"


def fold_marks(fold: Fold, style: SheetStyle) -> str:
    """Return ticks at both ends of every fold line, on the sheet's edges."""
    marks = []
    for column in range(1, fold.columns):
        x = column * style.width / fold.columns
        marks += [line(x, 0, x, MARK_LENGTH), line(x, style.height - MARK_LENGTH, x, style.height)]
    for row in range(1, fold.rows):
        y = row * style.height / fold.rows
        marks += [line(0, y, MARK_LENGTH, y), line(style.width - MARK_LENGTH, y, style.width, y)]
    return "".join(marks)


def sewing_marks(sheet: Sheet, side: str, fold: Fold, style: SheetStyle) -> str:
    """Return sewing-station ticks across the spine fold where the signature's middle spread lies."""
    middle = fold.pages // 2
    spread = [p for p in sheet.placements if p.face.side == side and p.face.page in (middle, middle + 1)]
    if len(spread) != 2:
        return ""
    cells = [cell_rect(placement, fold, style) for placement in spread]
    x = max(cell.x for cell in cells)  # the spine: the edge the two cells share
    bottom, top = cells[0].y, cells[0].y + cells[0].height
    step = (top - bottom) / (style.stations + 1)
    half = MARK_LENGTH / 4
    return "".join(line(x - half, bottom + step * n, x + half, bottom + step * n) for n in range(1, style.stations + 1))


def crop_marks(pages: list[Rect]) -> str:
    """Return crop marks at each page's corners, left out wherever they would fall on another page."""
    marks = []
    for page in pages:
        others = [other for other in pages if other is not page]
        for x, dx in ((page.x, -1), (page.x + page.width, 1)):
            for y, dy in ((page.y, -1), (page.y + page.height, 1)):
                horizontal = (x + dx * MARK_GAP, y, x + dx * (MARK_GAP + MARK_LENGTH), y)
                vertical = (x, y + dy * MARK_GAP, x, y + dy * (MARK_GAP + MARK_LENGTH))
                for x1, y1, x2, y2 in (horizontal, vertical):
                    if not any(other.holds((x1 + x2) / 2, (y1 + y2) / 2) for other in [page, *others]):
                        marks.append(line(x1, y1, x2, y2))
    return "".join(marks)


def side_content(sheet: Sheet, side: str, fold: Fold, style: SheetStyle, sizes: dict) -> str:
    """Return one side's content: its pages, then its marks."""
    content, rects = [], []
    for placement in (p for p in sheet.placements if p.face.side == side):
        cell = cell_rect(placement, fold, style)
        if placement.page is None:
            continue
        trim = sizes[placement.page]
        width, height = trim[2] - trim[0], trim[3] - trim[1]
        scale = min(1.0, cell.width / width, cell.height / height)
        target = page_rect(cell, (width * scale, height * scale), placement, style.centred)
        rects.append(target)
        content.append(placed(cell, target, trim, scale, placement.face.upside_down, form_name(placement.page)))
    marks = fold_marks(fold, style) if "fold" in style.marks and side == FRONT and not style.centred else ""
    if "sewing" in style.marks and sheet.innermost:
        marks += sewing_marks(sheet, side, fold, style)
    if "crop" in style.marks:
        marks += crop_marks(rects)
    if marks:
        content.append(f"q {MARK_WIDTH} w 0 G\n{marks}Q\n")
    body = "".join(content)
    if side == BACK and style.duplex and style.duplex != fold.natural_duplex:
        body = f"q -1 0 0 -1 {style.width:.4f} {style.height:.4f} cm\n{body}Q\n"  # turned for the printer's edge
    return body


def add_sheet(pdf: pikepdf.Pdf, sheet: Sheet, fold: Fold, style: SheetStyle, forms: dict, sizes: dict) -> None:
    """Append a sheet's front and back to the PDF as two pages; ``forms`` are its source pages copied in."""
    import pikepdf

    for side in (FRONT, BACK):
        content = side_content(sheet, side, fold, style, sizes)
        used = {p.page for p in sheet.placements if p.face.side == side and p.page is not None}
        page = pdf.add_blank_page(page_size=(style.width, style.height))
        xobjects = pikepdf.Dictionary({f"/{form_name(index)}": forms[index] for index in sorted(used)})
        page.obj.Resources = pikepdf.Dictionary(XObject=xobjects)
        page.obj.Contents = pdf.make_stream(content.encode("ascii"))


def form_name(index: int) -> str:
    """Return the resource name of a source page's form."""
    return f"Page{index + 1}"


def copy_forms(pdf: pikepdf.Pdf, source: pikepdf.Pdf, skip: int, pages: set[int]) -> dict:
    """Copy each source page the PDF shows into it once, as a form XObject cut to the page's TrimBox."""
    import pikepdf

    forms = {}
    for index in sorted(pages):
        page = source.pages[skip + index]
        form = page.as_form_xobject()
        form.BBox = pikepdf.Array([float(value) for value in page.trimbox])
        forms[index] = pdf.copy_foreign(form)
    return forms
