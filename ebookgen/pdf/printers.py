"""The printers a print PDF is made for, each fact once: the file they want, the trims, margins and pages they take.

A ``Printer`` is one print profile (``--profile``, book.toml's ``profile``): ``print`` and ``screen`` are
no service's, ``kdp`` and ``ingram`` are Amazon KDP's and IngramSpark's, whose preflight
(``preflight.py``) checks a PDF against the same row the writer set it by. A new service is one row.
"""

from __future__ import annotations

from dataclasses import dataclass

from ebookgen.errors import ConfigError

MM_PER_INCH = 25.4
BLEED_INCHES = 0.125  # every service's bleed on the top, bottom and outside edge

# The trims print-on-demand services offer for novels, in inches; any WxH within a printer's range is set too.
NAMED_TRIMS = {
    "5x8": (5.0, 8.0),
    "5.25x8": (5.25, 8.0),
    "5.5x8.5": (5.5, 8.5),
    "6x9": (6.0, 9.0),
    "a5": (148 / MM_PER_INCH, 210 / MM_PER_INCH),
}
DEFAULT_TRIM = "5.5x8.5"

# KDP's minimum inside margin (gutter) by page count: (up to pages, inches). IngramSpark asks no more.
KDP_GUTTERS = ((150, 0.375), (300, 0.5), (500, 0.625), (700, 0.75), (828, 0.875))


@dataclass(frozen=True)
class Printer:
    """One print profile: what the file carries for it and, for a service, what its preflight asks of an interior."""

    name: str  # the profile's name: --profile and book.toml's profile
    summary: str  # what it gives, for the help text
    bookmarks: bool
    links: bool
    variant: str | None = None  # the PDF variant WeasyPrint writes (PDF/X-4 for IngramSpark)
    grey: bool = False  # black ink only: the writer sets grey, the preflight refuses RGB colour
    service: str = ""  # the service whose preflight this is ("" for none: print, screen)
    least_pages: int = 0  # the page counts its black-and-white paperbacks take (0: no limit)
    most_pages: int = 0
    widths: tuple[float, float] = (4.0, 8.5)  # the trims the service offers, in inches
    heights: tuple[float, float] = (6.0, 11.69)
    margin: float = 0.25  # the least top, bottom and outside margin, without bleed
    bled_margin: float = 0.375  # the same with bleed
    gutters: tuple[tuple[int, float], ...] = KDP_GUTTERS  # the least inside margin by page count
    # The cover wrap: inches of spine a page adds, by paper; the least pages whose spine may carry text.
    papers: tuple[tuple[str, float], ...] = ()
    spine_text_pages: int = 0
    # A case laminate wrap: the turn-in folded over the boards on each outer edge (instead of the bleed) and the
    # hinge between each board and the spine; 0 for a paperback.
    turn_in: float = 0.0
    hinge: float = 0.0
    trims: tuple[tuple[float, float], ...] = ()  # the only trims it offers (none: any within widths and heights)

    @property
    def pdfx(self) -> bool:
        """Tell whether the file must say it is PDF/X, with a PDF/X output intent."""
        return bool(self.variant and self.variant.startswith("pdf/x"))

    def gutter(self, pages: int) -> float:
        """Return the least inside margin for a book of that many pages."""
        return next((gutter for limit, gutter in self.gutters if pages <= limit), self.gutters[-1][1])

    def trim_note(self, width: float, height: float) -> str:
        """Say in one line why a trim (inches) will not print with a service offering only some trims, or ""."""
        if not self.trims or any(abs(width - w) <= 0.01 and abs(height - h) <= 0.01 for w, h in self.trims):
            return ""
        sizes = [f"{w:g} x {h:g}" for w, h in self.trims]
        offered = f"{', '.join(sizes[:-1])} and {sizes[-1]} in"
        return f"trim: {width:g} x {height:g} in is not a {self.service} trim: it offers {offered}"

    def page_count_note(self, pages: int) -> str:
        """Say in one line why a page count will not print with this service, or "" when it will."""
        if not self.service or self.least_pages <= pages <= self.most_pages:
            return ""
        advice = "add front or back matter, or choose a smaller trim" if pages < self.least_pages else "split the book"
        if pages > self.most_pages:
            advice += " or choose a larger trim"
        books = f"{self.service}s" if self.turn_in else f"{self.service} paperbacks"  # "KDP hardcovers"
        wanted = f"{books} take {self.least_pages} to {self.most_pages} pages"
        return f"{pages} pages: {wanted} (black ink, white paper); {advice}"


# The spine a page adds, in inches: KDP's cover calculator (white 0.002252, cream 0.0025); IngramSpark's 50 lb
# white (444 pages an inch) and creme (400) stock. KDP prints spine text from 80 pages (over 79), IngramSpark from 48.
# Sources, checked 2026-12 with the search tools (kdp.amazon.com and IngramSpark's own guide are not in their stores):
# - IngramSpark's own pages give no figure: help.ingramspark.com/hc/en-us/articles/209072806 and .../5338619119245
#   send authors to its cover template generator; the Lightning Source File Creation Guide v13 (Ingram's printer,
#   mirrored at 1library.net/document/z3j644my-file-creation-guide-version.html) shows only its table of contents and
#   a 36-page template marked "No spine text allowed". NOT FOUND in a printer's own words: 444 / 400 pages an inch.
# - 48 pages for spine text: currclickpublisherservice.zendesk.com/hc/en-us/articles/219429717 (a Lightning Source
#   client's guide: "perfect-bound books under 48 pages cannot have any text on the spine"), bookcoverslab.com too.
# - 444 pages an inch is 1/0.002252, KDP's white; 400 is 1/0.0025, KDP's cream (usecalcforge.com/publishing/spine
#   quotes 444 for white): the best-sourced figures, kept; IngramSpark's template for the ISBN is the authority.
KDP_PAPERS = (("white", 0.002252), ("cream", 0.0025))
INGRAM_PAPERS = (("white", 1 / 444), ("cream", 1 / 400))
# KDP hardcovers (case laminate): 75 to 550 pages, in five trims only, from 5.5 x 8.5 to 8.25 x 11 in (no custom
# trim; kdpprintcover.com/blog/understanding-kdp-hardcover-wrap-hinge, KDP's own help page not reachable from here).
HARDCOVER_TRIMS = ((5.5, 8.25), (8.5, 11.0))
HARDCOVER_SIZES = ((5.5, 8.5), (6.0, 9.0), (6.14, 9.21), (7.0, 10.0), (8.25, 11.0))
# The case laminate wrap: wrap | back | hinge | spine | hinge | front | wrap across, wrap + trim + wrap down, with a
# 0.591 in (15 mm) wrap folded over the boards on each outer edge and a 0.197 in (5 mm) hinge beside the spine;
# the spine is the pages times the paperback's paper thickness. Sources, checked 2026-12 with the search tools:
# NOT FOUND in KDP's own words (kdp.amazon.com's help pages and cover calculator are not in their stores). Third
# parties: kdpprintcover.com/blog/hardcover-case-laminate-dimensions-guide/ (wrap 0.591 in, hinge 0.197 in, from
# KDP's template); kdpbuilder.com/guides/kdp-hardcover-cover-size (wrap ~0.59 in, but hinge ~0.375 in, "indicative");
# kidillus.com/kdp-cover-size-guide (2 x trim + spine + 1.776 in across, trim + 1.654 in down: other figures).
# For comparison, a printer's own page: Lulu's casewrap is printed 0.75 in larger than the trim
# (help.lulu.com/en/support/solutions/articles/64000308572). The 0.591 / 0.197 pair is the best-sourced, kept;
# check a wrap against the template KDP gives for the book.
HARDCOVER_TURN_IN = 0.591
HARDCOVER_HINGE = 0.197

# KDP: 24 to 828 pages (cream paper stops at 776); IngramSpark: 18 to 1,200, PDF/X in grey.
PRINTERS = {
    "print": Printer("print", "bookmarks", bookmarks=True, links=False),
    "kdp": Printer("kdp", "no bookmarks or links", bookmarks=False, links=False, service="KDP", least_pages=24,
                   most_pages=828, papers=KDP_PAPERS, spine_text_pages=80),
    "ingram": Printer("ingram", "PDF/X", bookmarks=False, links=False, variant="pdf/x-4", grey=True,
                      service="IngramSpark", least_pages=18, most_pages=1200, papers=INGRAM_PAPERS,
                      spine_text_pages=48),
    "hardcover": Printer("hardcover", "KDP case laminate hardcover", bookmarks=False, links=False,
                         service="KDP hardcover", least_pages=75, most_pages=550, widths=HARDCOVER_TRIMS[0],
                         heights=HARDCOVER_TRIMS[1], papers=KDP_PAPERS, spine_text_pages=80,
                         turn_in=HARDCOVER_TURN_IN, hinge=HARDCOVER_HINGE, trims=HARDCOVER_SIZES),
    "screen": Printer("screen", "bookmarks and links", bookmarks=True, links=True),
}  # fmt: skip
DEFAULT_PRINTER = "print"


def printer_for(name: str) -> Printer:
    """Return the named print profile, or fail naming the ones there are."""
    if name not in PRINTERS:
        raise ConfigError(f"profile {name!r} is not one of {', '.join(PRINTERS)}")
    return PRINTERS[name]


def preflight_printer(name: str) -> Printer:
    """Return the named service whose preflight ebookgen knows, or fail naming them."""
    services = [printer.name for printer in PRINTERS.values() if printer.service]
    if name not in services:
        raise ConfigError(f"--profile {name!r}: the preflight knows {' and '.join(services)}")
    return PRINTERS[name]


def profiles_help() -> str:
    """Name each profile and what it gives, for a help text: `print (bookmarks), kdp (...)...`."""
    return ", ".join(f"{printer.name} ({printer.summary})" for printer in PRINTERS.values())
