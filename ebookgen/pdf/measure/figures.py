"""Count what a typographer looks for in a set book: loose lines, widows, orphans, runts, short pages, spreads."""

from __future__ import annotations

import re
import statistics
from collections import Counter

from ebookgen.pdf.measure.boxes import Line
from ebookgen.pdf.measure.layout import TITLE_RATIO, Layout, SetLine, centred

LOOSE_RATIO = 2.0  # a justified line whose word spaces are over twice the font's natural space is loose
BASELINE_TOLERANCE = 1.0  # points between two last baselines that still count as the same line
GRID_TOLERANCE = 1.0  # points off the baseline grid that still count as on it
SHORT_LINES = 1.5  # a page whose last line is this many line spacings above a full page's is short
LETTERS = re.compile(r"[^\W\d_]+")


def word_spaces(line: Line, height: float) -> list[float]:
    """Return the spaces between a line's words, leaving out those beside an initial (a taller word)."""
    words = line.words
    return [
        after.x0 - before.x1
        for before, after in zip(words, words[1:], strict=False)
        if max(before.height, after.height) <= TITLE_RATIO * height
    ]


def line_space(line: Line, height: float) -> float | None:
    """Return a line's word space (its spaces' median: justification widens them alike), if it has one."""
    spaces = word_spaces(line, height)
    return statistics.median(spaces) if spaces else None


def opening_lines(book: Layout) -> dict[int, SetLine]:
    """Return each chapter page's opening line: its first body line that is not a centred title or ornament."""
    found: dict[int, SetLine] = {}
    for set_line in book.lines:
        page = set_line.page
        if page in book.chapters and page not in found and not centred(set_line.line, *book.edges[page % 2]):
            found[page] = set_line
    return found


def loose(lines: list[SetLine], book: Layout, natural: float) -> list[SetLine]:
    """Return the justified lines whose word space is over twice the font's natural space."""
    return [
        set_line
        for set_line in lines
        if set_line.full and (space := line_space(set_line.line, book.height)) and space > LOOSE_RATIO * natural
    ]


def widows(book: Layout) -> list[SetLine]:
    """Return the last lines of paragraphs that fall alone at the top of a page."""
    return [s for s in book.lines if s.first_on_page and s.ends and not s.starts and s.page in book.text_pages]


def orphans(book: Layout) -> list[SetLine]:
    """Return the first lines of paragraphs left alone at the foot of a page."""
    return [s for s in book.lines if s.last_on_page and s.starts and not s.ends]


def runts(book: Layout) -> list[tuple[SetLine, bool]]:
    """Return each paragraph's last line holding one word alone, and whether it is a hyphenated word's tail."""
    found = []
    for before, line in zip(book.lines, book.lines[1:], strict=False):
        if line.ends and not line.starts and len(line.line.words) == 1 and LETTERS.search(line.line.text):
            found.append((line, before.line.hyphenated))
    return found


def capital_hyphens(book: Layout) -> list[str]:
    """Return the capitalised words broken at a line's end (Nata-sha), not the text's own (Anna-Maria)."""
    found = []
    for line, after in zip(book.lines, book.lines[1:], strict=False):
        if not line.line.hyphenated:
            continue
        pieces = LETTERS.findall(line.line.words[-1].text)
        tail = LETTERS.match(after.line.words[0].text)
        if pieces and pieces[-1][0].isupper() and tail and tail.group(0)[0].islower():
            found.append(f"{pieces[-1]}-{tail.group(0)}")
    return found


def last_baselines(book: Layout) -> dict[int, float]:
    """Return each page's last baseline of text: its last body line's, or a footnote's under it."""
    return book.feet


def chapter_last(book: Layout, page: int) -> bool:
    """Tell whether a text page ends its chapter: the page after it is no text page."""
    return page + 1 not in book.text_pages


def short_pages(book: Layout) -> list[int]:
    """Return the text pages, not a chapter's last, ending two or more lines above a full page's last line."""
    bottoms = last_baselines(book)
    full = Counter(round(bottoms[page], 1) for page in book.text_pages if page in bottoms)
    if not full:
        return []
    # A full page ends where most pages end: the text block's foot. (Not the deepest foot a quarter as common: where
    # spreads run a line long into the foot margin, that is a long page's, and every page a line short counted short.)
    foot = full.most_common(1)[0][0]
    return sorted(
        page
        for page in book.text_pages
        if page in bottoms and not chapter_last(book, page) and foot - bottoms[page] >= SHORT_LINES * book.leading
    )


def spreads(book: Layout) -> list[tuple[int, float]]:
    """Return the verso and the baseline difference of every spread of two text pages not ending a chapter."""
    bottoms = last_baselines(book)
    return [
        (verso, bottoms[verso + 1] - bottoms[verso])
        for verso in sorted(book.text_pages)
        if verso % 2 == 0 and verso + 1 in book.text_pages and not chapter_last(book, verso + 1)
    ]


def grid_offsets(book: Layout) -> dict[int, float]:
    """Return, for each chapter page with text, how far its text lines sit off the text pages' baseline grid."""
    firsts = [s.line.bottom for s in book.lines if s.first_on_page and s.page in book.text_pages]
    if not firsts or not book.leading:
        return {}
    origin = Counter(round(value, 1) for value in firsts).most_common(1)[0][0]
    found = {}
    for page, opening in opening_lines(book).items():
        under = [s.line.bottom for s in book.lines if s.page == page and s.line.bottom >= opening.line.bottom]
        offsets = [((bottom - origin + book.leading / 2) % book.leading) - book.leading / 2 for bottom in under]
        found[page] = round(statistics.median(offsets), 2)
    return found


def characters(lines: list[SetLine]) -> int:
    """Return the median characters (spaces included) of the lines inside paragraphs."""
    counts = [len(s.line.text) for s in lines if not s.ends and len(s.line.words) > 1]
    return round(statistics.median(counts)) if counts else 0
