"""The wrap's geometry, in inches: bleed + back + spine + front + bleed across, bleed + trim + bleed down.

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

    @property
    def width(self) -> float:
        """Return the wrap's width with bleed."""
        return 2 * BLEED_INCHES + 2 * self.trim_width + self.spine

    @property
    def height(self) -> float:
        """Return the wrap's height with bleed."""
        return 2 * BLEED_INCHES + self.trim_height

    @property
    def back(self) -> Box:
        """Return the back cover's trimmed panel."""
        return Box(BLEED_INCHES, BLEED_INCHES, self.trim_width, self.trim_height)

    @property
    def spine_box(self) -> Box:
        """Return the spine, fold to fold."""
        return Box(BLEED_INCHES + self.trim_width, BLEED_INCHES, self.spine, self.trim_height)

    @property
    def front(self) -> Box:
        """Return the front cover's trimmed panel."""
        return Box(BLEED_INCHES + self.trim_width + self.spine, BLEED_INCHES, self.trim_width, self.trim_height)

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
        made = "ebookgen makes KDP's and IngramSpark's paperback wraps: --profile kdp or ingram"
        if printer.name == "hardcover":
            raise ConfigError(
                f"--profile hardcover: a case laminate wrap (boards, hinges, turn-ins) is not made yet; {made}"
            )
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
    return Wrap(trim[0], trim[1], pages, paper, spine, allowed, printer.service)
