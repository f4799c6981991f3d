"""The printed page: trim sizes, bleed, and the gutter a page count calls for.

A trim is given by name (``5x8``, ``6x9``, ``A5``) or as ``WxH`` in inches or millimetres
(``5.5x8.5``, ``148x210mm``). The gutter follows KDP's table of inside margins by page count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ebookgen.errors import ConfigError

MM_PER_INCH = 25.4
BLEED_INCHES = 0.125

# The trims print-on-demand services offer for novels, in inches.
NAMED_TRIMS = {
    "5x8": (5.0, 8.0),
    "5.25x8": (5.25, 8.0),
    "5.5x8.5": (5.5, 8.5),
    "6x9": (6.0, 9.0),
    "a5": (148 / MM_PER_INCH, 210 / MM_PER_INCH),
}
DEFAULT_TRIM = "5.5x8.5"

# KDP's minimum inside margin (gutter) by page count: (up to pages, inches).
GUTTER_TABLE = ((150, 0.375), (300, 0.5), (500, 0.625), (700, 0.75), (828, 0.875))


@dataclass(frozen=True)
class PageCounts:
    """The page counts a print-on-demand service takes for a paperback."""

    service: str
    least: int
    most: int


# The page counts each service's paperback takes in black ink on white paper, at the trims ebookgen sets
# (KDP: 24 to 828; cream paper stops at 776; IngramSpark: 18 to 1,200). The README repeats this table.
PAGE_COUNTS = {
    "kdp": PageCounts("KDP", 24, 828),
    "ingram": PageCounts("IngramSpark", 18, 1200),
}

TRIM_PATTERN = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[x×]\s*(\d+(?:\.\d+)?)\s*(in|mm)?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Trim:
    """A finished page size in inches."""

    width: float
    height: float

    @property
    def label(self) -> str:
        """Return the size as a reader of a printer's form would write it."""
        return f"{self.width:g} x {self.height:g} in"


@dataclass(frozen=True)
class Margins:
    """The text block's margins in inches; the inside one is the binding side's."""

    top: float = 0.7
    bottom: float = 0.75
    outside: float = 0.55
    inside: float = 0.625


def parse_trim(value: str) -> Trim:
    """Return the trim a name or a `WxH` size (inches, or mm with the suffix) stands for."""
    key = value.strip().lower()
    if key in NAMED_TRIMS:
        return Trim(*NAMED_TRIMS[key])
    match = TRIM_PATTERN.match(key)
    if not match:
        names = ", ".join(NAMED_TRIMS)
        raise ConfigError(f"trim {value!r} is not one of {names} or a size like 5.5x8.5 or 148x210mm")
    width, height, unit = float(match[1]), float(match[2]), (match[3] or "in").lower()
    if unit == "mm":
        width, height = width / MM_PER_INCH, height / MM_PER_INCH
    if not (3 <= width <= 12 and 4 <= height <= 15 and width < height):
        raise ConfigError(f"trim {value!r} is not a book page (portrait, 3 to 12 in wide, 4 to 15 in high)")
    return Trim(width, height)


def gutter_for(pages: int) -> float:
    """Return the minimum inside margin for a page count (KDP's table)."""
    for limit, gutter in GUTTER_TABLE:
        if pages <= limit:
            return gutter
    return GUTTER_TABLE[-1][1]


def margins_for(pages: int) -> Margins:
    """Return the margins for a book of that many pages: the gutter plus a comfortable quarter inch.

    The outside margin (0.55 in) clears KDP's minimum with or without bleed (0.25 / 0.375 in).
    """
    return Margins(inside=gutter_for(pages) + 0.25)


def estimated_pages(words: int, trim: Trim, type_scale: float = 1.0) -> int:
    """Guess a book's page count from its words, to pick the gutter before the first layout.

    ``type_scale`` is the area a line of type takes against 11 pt on 14.5 (large print's is about 2.7).
    """
    text_area = (trim.width - 1.35) * (trim.height - 1.45)
    words_per_page = 10.5 * text_area / type_scale
    return int(words / max(words_per_page, 1)) + 12


def page_count_note(profile: str, pages: int) -> str:
    """Say in one line why a page count will not print with the profile's service, or "" when it will."""
    counts = PAGE_COUNTS.get(profile)
    if counts is None or counts.least <= pages <= counts.most:
        return ""
    advice = "add front or back matter, or choose a smaller trim" if pages < counts.least else "split the book"
    if pages > counts.most:
        advice += " or choose a larger trim"
    wanted = f"{counts.service} paperbacks take {counts.least} to {counts.most} pages"
    return f"{pages} pages: {wanted} (black ink, white paper); {advice}"
