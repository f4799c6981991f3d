"""The wrap's geometry, in inches: bleed + back + spine + front + bleed across, bleed + trim + bleed down.

A case laminate (hardcover) wrap has the printer's turn-in instead of the bleed on each outer edge, and a hinge
between each board and the spine: turn-in + back + hinge + spine + hinge + front + turn-in.

The spine is the pages times the paper's thickness a page (the printer's row); its text is allowed from the
printer's least page count and kept 0.0625 in from each fold; the back keeps a 2 x 1.2 in barcode area clear,
lower right, 0.25 in from the spine fold and the bottom trim; everything that must not be cut stays 0.125 in
inside the trim (the safe area).
"""

from __future__ import annotations

from dataclasses import dataclass

from ebookgen.errors import ConfigError
from ebookgen.pdf.printers import BLEED_INCHES, Printer

SPINE_TEXT_MARGIN = 0.0625  # from each fold
SAFE_MARGIN = 0.125  # inside the trim
BARCODE = (2.0, 1.2)
BARCODE_INSET = 0.25


@dataclass(frozen=True)
class Box:
    """A rectangle on the wrap, in inches from its lower left corner."""

    x: float
    y: float
    width: float
    height: float

    def inset(self, by: float) -> Box:
        """Return the rectangle shrunk by that much on every side."""
        return Box(self.x + by, self.y + by, self.width - 2 * by, self.height - 2 * by)


@dataclass(frozen=True)
class Wrap:
    """One cover wrap: its size, its panels, the spine's width and whether the spine may carry text."""

    trim_width: float
    trim_height: float
    pages: int
    paper: str
    spine: float
    spine_text: bool
    service: str
    edge: float = BLEED_INCHES  # beyond the trim on each outer edge: the bleed, or a hardcover's turn-in
    hinge: float = 0.0  # between each board and the spine (a hardcover's)

    @property
    def width(self) -> float:
        """Return the wrap's width with bleed (or turn-ins) and hinges."""
        return 2 * self.edge + 2 * self.trim_width + 2 * self.hinge + self.spine

    @property
    def height(self) -> float:
        """Return the wrap's height with bleed (or turn-ins)."""
        return 2 * self.edge + self.trim_height

    @property
    def back(self) -> Box:
        """Return the back cover's trimmed panel."""
        return Box(self.edge, self.edge, self.trim_width, self.trim_height)

    @property
    def spine_box(self) -> Box:
        """Return the spine, fold to fold (inside the hinges)."""
        return Box(self.edge + self.trim_width + self.hinge, self.edge, self.spine, self.trim_height)

    @property
    def front(self) -> Box:
        """Return the front cover's trimmed panel."""
        x = self.edge + self.trim_width + 2 * self.hinge + self.spine
        return Box(x, self.edge, self.trim_width, self.trim_height)

    @property
    def spine_text_box(self) -> Box:
        """Return where spine text may go: 0.0625 in inside each fold, the safe margin at head and tail."""
        box = self.spine_box
        return Box(box.x + SPINE_TEXT_MARGIN, box.y + SAFE_MARGIN, box.width - 2 * SPINE_TEXT_MARGIN,
                   box.height - 2 * SAFE_MARGIN)  # fmt: skip

    @property
    def barcode(self) -> Box:
        """Return the barcode area kept clear on the back: lower right, by the spine."""
        back = self.back
        width, height = BARCODE
        return Box(back.x + back.width - BARCODE_INSET - width, back.y + BARCODE_INSET, width, height)

    @property
    def label(self) -> str:
        """Return the wrap's size as a printer's form gives it."""
        return f"{self.width:.3f} x {self.height:.3f} in"


def paper_thickness(printer: Printer, paper: str) -> float:
    """Return the spine a page adds on that paper, or fail naming the printer's papers."""
    papers = dict(printer.papers)
    if not papers:
        made = "ebookgen makes KDP's and IngramSpark's wraps: --profile kdp, ingram or hardcover"
        raise ConfigError(f"--profile {printer.name}: a wrap is sized for a printer's paper; {made}")
    if paper not in papers:
        raise ConfigError(f"--paper {paper!r}: {printer.service} prints on {' or '.join(papers)}")
    return papers[paper]


def wrap_for(printer: Printer, trim: tuple[float, float], pages: int, paper: str = "white") -> Wrap:
    """Return the wrap a book of that trim and page count needs from this printer."""
    if pages < 1:
        raise ConfigError("the interior has no pages to make a spine of")
    spine = round(pages * paper_thickness(printer, paper), 4)
    allowed = pages >= printer.spine_text_pages
    edge = printer.turn_in or BLEED_INCHES
    return Wrap(trim[0], trim[1], pages, paper, spine, allowed, printer.service, edge, printer.hinge)
