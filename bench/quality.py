"""Measure how well a PDF is set, from the word boxes poppler's ``pdftotext -bbox-layout`` reads out of it.

Usage: python bench/quality.py BOOK.pdf [--json]

What it counts, and how (docs/setting.md):

- **body lines**: lines of text in the book's body size (a line's height is its words' median, within 8% of the
  most common line height), so running
  heads, folios, titles and notes in other sizes are left out; reading order is page by page, top to bottom;
- **hyphenated lines**: body lines whose last word ends in a hyphen, the compositor's (U+2010, which WeasyPrint
  inserts) or the text's own (``to-|morrow``, U+002D); the share is of all body lines;
- **runs**: three or more hyphenated body lines one after another;
- **short carry-overs**: a hyphenated line whose fragment before the hyphen (the letters of the last word after
  its last non-letter) or after it (the letters that open the next body line) is under three letters;
- **opening hyphens**: the first body line under a chapter title (a line over 1.3 times the body height, longer
  than an initial's letter), the line set in small capitals, ending in a hyphen;
- **loose lines**: justified body lines (reaching the right edge of the page's measure, within 1.5 pt, so not a
  paragraph's last line) whose median gap between words is over twice the median gap of all justified lines on
  that page; the share is of all body lines;
- **uneven spreads**: facing pages (an even verso and the odd recto after it) whose last body lines sit on
  different baselines (more than 1 pt apart); a spread is compared only when both pages are text pages (body
  lines and no title: not an opener, not a part page, not front matter) and the recto is not a chapter's last page
  (the page after it is a text page too).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from dataclasses import asdict, dataclass
from pathlib import Path

HYPHENS = ("\u2010", "-")  # the hyphen WeasyPrint sets at a break, and the text's own
LETTERS = re.compile(r"[^\W\d_]+")
BODY_TOLERANCE = 0.08  # a body line's height within 8% of the body height
TITLE_RATIO = 1.3  # a line this much taller than the body is a title
MEASURE_TOLERANCE = 1.5  # points short of the measure's right edge that still count as justified
BASELINE_TOLERANCE = 1.0  # points between two last baselines that still count as the same line
SHORT_FRAGMENT = 3  # carry-overs under this many letters are short
LOOSE_RATIO = 2.0  # a line whose word gaps are over this many times its page's median is loose


@dataclass(frozen=True)
class Word:
    """One word's box on a page, in points from the top left."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class Line:
    """One line of words, left to right."""

    words: tuple[Word, ...]

    @property
    def height(self) -> float:
        """Return the line's height: its words' median, so that a raised initial does not make it a title's."""
        return statistics.median(word.y1 - word.y0 for word in self.words)

    @property
    def bottom(self) -> float:
        """Return the line's lower edge (its words' median), which stands for its baseline."""
        return statistics.median(word.y1 for word in self.words)

    @property
    def right(self) -> float:
        """Return where the line's last word ends."""
        return self.words[-1].x1

    @property
    def hyphenated(self) -> bool:
        """Tell whether the line ends in a hyphen."""
        return self.words[-1].text.endswith(HYPHENS)

    def gaps(self) -> list[float]:
        """Return the spaces between the line's words."""
        return [after.x0 - before.x1 for before, after in zip(self.words, self.words[1:], strict=False)]


@dataclass(frozen=True)
class Page:
    """One page's lines, top to bottom."""

    number: int
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Setting:
    """The setting figures of one book."""

    pages: int
    body_lines: int
    hyphenated: int
    hyphenated_percent: float
    runs_of_three: int
    longest_run: int
    short_carry_overs: int
    short_before: int
    short_after: int
    short_examples: tuple[str, ...]
    opening_lines: int
    opening_hyphens: int
    loose: int
    loose_percent: float
    spreads: int
    uneven_spreads: int
    uneven_percent: float
    all_spreads: int


def read_pages(pdf: Path) -> list[Page]:
    """Read every page's lines of word boxes out of a PDF with poppler's pdftotext."""
    if not shutil.which("pdftotext"):
        raise SystemExit("quality: pdftotext (Debian's poppler-utils) is needed to read the word boxes")
    with tempfile.TemporaryDirectory() as folder:
        boxes = Path(folder) / "boxes.html"
        subprocess.run(["pdftotext", "-bbox-layout", str(pdf), str(boxes)], check=True)
        return pages_from_boxes(boxes.read_bytes())


def pages_from_boxes(document: bytes) -> list[Page]:
    """Parse pdftotext's -bbox-layout XHTML into pages of lines."""
    root = ElementTree.fromstring(document)
    pages = []
    for number, page in enumerate((e for e in root.iter() if local(e.tag) == "page"), start=1):
        lines = []
        for line in (e for e in page.iter() if local(e.tag) == "line"):
            words = tuple(word_of(e) for e in line if local(e.tag) == "word" and (e.text or "").strip())
            if words:
                lines.append(Line(words))
        lines.sort(key=lambda line: (round(line.bottom, 1), line.words[0].x0))
        pages.append(Page(number, tuple(lines)))
    return pages


def local(tag: str) -> str:
    """Return an XML tag's name without its namespace."""
    return tag.rsplit("}", 1)[-1]


def word_of(element) -> Word:
    """Make a word from a <word> element's box."""
    box = [float(element.get(edge)) for edge in ("xMin", "yMin", "xMax", "yMax")]
    return Word(element.text.strip(), *box)


def body_height(pages: list[Page]) -> float:
    """Return the most common line height: the body type's."""
    heights = [round(line.height, 1) for page in pages for line in page.lines]
    return statistics.mode(heights) if heights else 0.0


def is_body(line: Line, height: float) -> bool:
    """Tell whether a line is in the body size."""
    return abs(line.height - height) <= BODY_TOLERANCE * height


def is_title(line: Line, height: float) -> bool:
    """Tell whether a line is a title: much taller than the body, and more than a raised or dropped initial."""
    return line.height > TITLE_RATIO * height and len("".join(word.text for word in line.words)) > 2


def body_lines(page: Page, height: float) -> list[Line]:
    """Return a page's body lines, top to bottom."""
    return [line for line in page.lines if is_body(line, height)]


def justified(lines: list[Line]) -> list[Line]:
    """Return the lines that reach the right edge of their page's measure."""
    if not lines:
        return []
    edge = max(line.right for line in lines)
    return [line for line in lines if line.right >= edge - MEASURE_TOLERANCE and len(line.words) > 1]


def loose_lines(lines: list[Line]) -> list[Line]:
    """Return the justified lines of a page whose word gaps are over twice the page's median gap."""
    full = justified(lines)
    gaps = [gap for line in full for gap in line.gaps()]
    if not gaps:
        return []
    median = statistics.median(gaps)
    return [line for line in full if statistics.median(line.gaps()) > LOOSE_RATIO * median]


def fragments(line: Line, following: Line | None) -> tuple[str, str]:
    """Return the letters before a line's closing hyphen and the letters that open the next line."""
    before = LETTERS.findall(line.words[-1].text)
    after = LETTERS.match(following.words[0].text.lstrip("\"'“‘(«[")) if following else None
    return (before[-1] if before else "", after.group(0) if after else "")


def runs(flags: list[bool]) -> list[int]:
    """Return the lengths of the runs of True in a sequence."""
    lengths, current = [], 0
    for flag in [*flags, False]:
        if flag:
            current += 1
        elif current:
            lengths.append(current)
            current = 0
    return lengths


def opening_lines(pages: list[Page], height: float) -> list[Line]:
    """Return the first body line under the last title of each page that has a title and text under it."""
    found = []
    for page in pages:
        titles = [line.bottom for line in page.lines if is_title(line, height)]
        if titles:
            under = [line for line in body_lines(page, height) if line.bottom > max(titles)]
            found.extend(under[:1])
    return found


def text_pages(pages: list[Page], height: float) -> list[bool]:
    """Say for each page whether it is a text page: body lines, no title, after the first chapter opener."""
    flags, opened = [], False
    for page in pages:
        titled = any(is_title(line, height) for line in page.lines)
        opened = opened or (titled and bool(body_lines(page, height)))
        flags.append(opened and not titled and bool(body_lines(page, height)))
    return flags


def spreads(pages: list[Page], height: float) -> list[tuple[float, float]]:
    """Return the last body baselines of the verso and recto of every spread that is compared."""
    text = text_pages(pages, height)
    compared = []
    for verso in range(1, len(pages) - 2, 2):  # 0-based: page 2 is index 1, its recto index 2
        if text[verso] and text[verso + 1] and text[verso + 2]:
            left, right = body_lines(pages[verso], height), body_lines(pages[verso + 1], height)
            compared.append((left[-1].bottom, right[-1].bottom))
    return compared


def measure(pages: list[Page]) -> Setting:
    """Measure a book's setting from its pages of word boxes."""
    height = body_height(pages)
    lines = [line for page in pages for line in body_lines(page, height)]
    flags = [line.hyphenated for line in lines]
    lengths = runs(flags)
    short, sides = [], []
    for index, line in enumerate(lines):
        if line.hyphenated:
            before, after = fragments(line, lines[index + 1] if index + 1 < len(lines) else None)
            if min(len(before), len(after)) < SHORT_FRAGMENT:
                short.append(f"{before}-/{after}")
                sides.append((len(before) < SHORT_FRAGMENT, len(after) < SHORT_FRAGMENT))
    openers = opening_lines(pages, height)
    loose = sum(len(loose_lines(body_lines(page, height))) for page in pages)
    pairs = spreads(pages, height)
    uneven = sum(abs(left - right) > BASELINE_TOLERANCE for left, right in pairs)
    return Setting(
        pages=len(pages),
        body_lines=len(lines),
        hyphenated=sum(flags),
        hyphenated_percent=percent(sum(flags), len(lines)),
        runs_of_three=sum(length >= 3 for length in lengths),
        longest_run=max(lengths, default=0),
        short_carry_overs=len(short),
        short_before=sum(before for before, _ in sides),
        short_after=sum(after for _, after in sides),
        short_examples=tuple(short[:12]),
        opening_lines=len(openers),
        opening_hyphens=sum(line.hyphenated for line in openers),
        loose=loose,
        loose_percent=percent(loose, len(lines)),
        spreads=len(pairs),
        uneven_spreads=uneven,
        uneven_percent=percent(uneven, len(pairs)),
        all_spreads=(len(pages) - 1) // 2,
    )


def percent(part: int, whole: int) -> float:
    """Return part as a percentage of whole, to two places."""
    return round(100 * part / whole, 2) if whole else 0.0


def report(setting: Setting) -> str:
    """Write the figures as the lines `make quality` prints."""
    return "\n".join(
        [
            f"pages {setting.pages}, body lines {setting.body_lines}",
            f"hyphenated lines      {setting.hyphenated_percent:5.2f}%  ({setting.hyphenated})",
            f"runs of 3+ hyphens    {setting.runs_of_three:5d}   (longest {setting.longest_run})",
            f"short carry-overs     {setting.short_carry_overs:5d}   ({setting.short_before} before the hyphen,"
            f" {setting.short_after} after) {' '.join(setting.short_examples[:6])}",
            f"hyphenated openings   {setting.opening_hyphens:5d}   of {setting.opening_lines} small-caps lines",
            f"loose lines           {setting.loose_percent:5.2f}%  ({setting.loose})",
            f"uneven spreads        {setting.uneven_percent:5.2f}%  ({setting.uneven_spreads} of {setting.spreads}"
            f" compared; {percent(setting.uneven_spreads, setting.all_spreads):.2f}% of all {setting.all_spreads})",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    """Print a PDF's setting figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", type=Path)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    arguments = parser.parse_args(argv)
    setting = measure(read_pages(arguments.pdf))
    print(json.dumps(asdict(setting), indent=1) if arguments.json else report(setting))
    return 0


if __name__ == "__main__":
    sys.exit(main())
