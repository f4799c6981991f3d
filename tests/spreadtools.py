"""Measure a printed book's spreads and baseline grid from its PDF's word boxes (poppler's ``pdftotext -bbox-layout``),
as a typographer reads the pages: which pages are text pages, where their text lines sit, which spreads end level."""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

XHTML = "{http://www.w3.org/1999/xhtml}"
# Two lines' baselines closer than this (pt) are the same line of the grid.
SAME_LINE = 1.0


@dataclass(frozen=True)
class PrintedPage:
    """One page: the feet (yMax from the top, pt) of its body-size text lines, and whether a running head tops it."""

    number: int
    lines: tuple[float, ...]
    headed: bool
    height: float  # the body text's word-box height on this book's pages

    @property
    def text(self) -> bool:
        """Tell a running text page (a head over body lines) from an opener, a part page or a blank."""
        return self.headed and bool(self.lines)


@dataclass(frozen=True)
class Spreads:
    """The text spreads of a book (both pages text pages, the recto not a chapter's last) and the uneven ones."""

    spreads: tuple[tuple[int, int], ...]
    uneven: tuple[tuple[int, int], ...]

    @property
    def level_share(self) -> float:
        """Return the share of text spreads whose pages end on the same line."""
        return 1 - len(self.uneven) / len(self.spreads) if self.spreads else 1.0


def have_poppler() -> bool:
    """Tell whether poppler's pdftotext is installed (Debian's poppler-utils)."""
    return shutil.which("pdftotext") is not None


def word_boxes(pdf: Path) -> list[list[tuple[float, float, str]]]:
    """Return each page's words as (yMin, yMax, text), from poppler's bounding-box layout."""
    found = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, check=True).stdout
    root = etree.fromstring(found, etree.HTMLParser(encoding="utf-8"))
    return [
        [(float(word.get("ymin")), float(word.get("ymax")), word.text or "") for word in page.iter("word")]
        for page in root.iter("page")
    ]


def printed_pages(pdf: Path) -> list[PrintedPage]:
    """Read every page's body lines (words of the body's box height) and whether a running head tops it."""
    pages = word_boxes(pdf)
    heights = Counter(round(bottom - top, 1) for words in pages for top, bottom, _ in words)
    body = heights.most_common(1)[0][0]
    made = []
    for number, words in enumerate(pages, start=1):
        # Text lines only: an ornament (a scene break's fleuron) is no line of text, whatever its size.
        texts = [(top, bottom) for top, bottom, word in words if any(char.isalnum() for char in word)]
        feet = sorted({round(bottom, 1) for top, bottom in texts if abs(bottom - top - body) < 0.06 * body})
        lines: list[float] = []
        for foot in feet:
            if not lines or foot - lines[-1] > SAME_LINE:
                lines.append(foot)
        first = lines[0] if lines else 0.0
        headed = any(bottom < first - body and bottom - top < 0.9 * body for top, bottom, _ in words)
        made.append(PrintedPage(number, tuple(lines), headed, body))
    return made


def spreads(pages: list[PrintedPage]) -> Spreads:
    """Pair each verso (an even page) with its recto; keep text spreads whose recto does not end a chapter."""
    found, uneven = [], []
    for verso, recto, after in zip(pages[1::2], pages[2::2], pages[3::2], strict=False):
        if verso.text and recto.text and after.text:
            found.append((verso.number, recto.number))
            if abs(verso.lines[-1] - recto.lines[-1]) > SAME_LINE:
                uneven.append((verso.number, recto.number))
    return Spreads(tuple(found), tuple(uneven))


def grid_offsets(pages: list[PrintedPage], leading: float) -> list[tuple[int, float]]:
    """Return (page, offset in lines) for each page whose text lines stand off the grid of the full text pages."""
    full = [page for page in pages if page.text]
    if not full:
        return []
    top = Counter(round(page.lines[0], 1) for page in full).most_common(1)[0][0]
    off = []
    for page in pages[full[0].number - 2 :]:  # the body: from the opener before the first text page
        for line in page.lines:
            lines = (line - top) / leading
            if abs(lines - round(lines)) > 0.08:
                off.append((page.number, round(lines - round(lines), 2)))
                break
    return off


def dialogue_story(words: int, seed: int = 7, notes: bool = True) -> str:
    """Write a dialogue-heavy story (short lines of talk, as fan fiction is) of about `words` words: chapters of
    about 1,600 words, a scene break in each, a scene-setting note opening every other chapter."""
    import random

    rnd = random.Random(seed)
    names = ["Rory", "Jess", "Lorelai", "Luke", "Paris", "Dean"]
    verbs = ["said", "asked", "whispered", "muttered", "answered", "called"]
    talk = ["I don't know", "Where were you last night", "It doesn't matter anymore", "You promised me", "Fine",
            "We should go before the diner closes", "Nobody told me anything about it", "Really", "No", "Why not",
            "I was going to call you, I swear I was going to call", "Coffee first, then we talk",
            "The town meeting is at seven and Taylor wants everyone there"]  # fmt: skip
    told = ["The porch light flickered above them.", "Outside, the gazebo stood empty under the snow.",
            "She turned the mug around in her hands and watched the steam curl away into the cold kitchen air.",
            "He leaned against the counter, arms folded, and said nothing for a long while."]  # fmt: skip
    out, count, chapter = [], 0, 0
    while count < words:
        chapter += 1
        out.append(f"Chapter {chapter}")
        if notes and chapter % 2:
            out.append("(Rory is sitting on the porch; Jess is in his car, driving.)")
        inside, broken = 0, False
        while inside < 1600 and count < words:
            if not broken and inside > 700:
                out.append("* * *")
                broken = True
            if rnd.random() < 0.7:
                said = f"\u201c{rnd.choice(talk)},\u201d {rnd.choice(names)} {rnd.choice(verbs)}."
                paragraph = said + (" " + rnd.choice(told) if rnd.random() < 0.3 else "")
            else:
                paragraph = " ".join(rnd.choice(told) for _ in range(rnd.randint(1, 4)))
            out.append(paragraph)
            inside += len(paragraph.split())
            count += len(paragraph.split())
    return "\n\n".join(out) + "\n"
