"""Count the hyphens at lines' ends: how many, runs of them, short carry-overs, hyphenated opening lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ebookgen.pdf.measure.boxes import Line

LETTERS = re.compile(r"[^\W\d_]+")
SHORT_FRAGMENT = 3  # carry-overs under this many letters are short
OPENING_PUNCTUATION = "\"'“‘(«["


@dataclass(frozen=True)
class Hyphens:
    """The hyphenation figures of a run of body lines."""

    hyphenated: int
    runs_of_three: int  # three or more hyphenated lines one after another
    longest_run: int
    short_carry_overs: int  # under three letters before the hyphen or after it
    short_before: int
    short_after: int
    short_examples: tuple[str, ...]


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


def fragments(line: Line, following: Line | None) -> tuple[str, str]:
    """Return the letters before a line's closing hyphen and the letters that open the next line."""
    before = LETTERS.findall(line.words[-1].text)
    after = LETTERS.match(following.words[0].text.lstrip(OPENING_PUNCTUATION)) if following else None
    return (before[-1] if before else "", after.group(0) if after else "")


def hyphens(lines: list[Line]) -> Hyphens:
    """Count the hyphenated lines of a book's body lines in reading order."""
    flags = [line.hyphenated for line in lines]
    lengths = runs(flags)
    short, sides = [], []
    for index, line in enumerate(lines):
        if line.hyphenated:
            before, after = fragments(line, lines[index + 1] if index + 1 < len(lines) else None)
            if min(len(before), len(after)) < SHORT_FRAGMENT:
                short.append(f"{before}-/{after}")
                sides.append((len(before) < SHORT_FRAGMENT, len(after) < SHORT_FRAGMENT))
    return Hyphens(
        hyphenated=sum(flags),
        runs_of_three=sum(length >= 3 for length in lengths),
        longest_run=max(lengths, default=0),
        short_carry_overs=len(short),
        short_before=sum(before for before, _ in sides),
        short_after=sum(after for _, after in sides),
        short_examples=tuple(short[:12]),
    )
