"""A paragraph set a line longer or shorter than its best (TeX's \\looseness), for the spread leveller: the breaker's
best setting with one line more or fewer, only when its lines stay within twice the natural space."""

from __future__ import annotations

import random
from dataclasses import replace

from ebookgen.pdf.weasy import linebreak, linelooseness, linespacing
from ebookgen.pdf.weasy.linebreak import Measure, best_breaks, line_width
from ebookgen.pdf.weasy.linelooseness import looser_breaks
from tests.test_linebreak import SPACE, WIDTH, paragraph, ratios

MEASURE = Measure(WIDTH, WIDTH, SPACE)


def words(count: int, seed: int = 1) -> list[float]:
    """Return words of a novel's widths, in a measure of about fourteen."""
    chance = random.Random(seed)
    return [chance.choice([3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0]) for _ in range(count)]


def test_a_paragraph_is_set_a_line_longer_with_no_loose_line() -> None:
    breaks = paragraph(words(100))
    best = best_breaks(breaks, MEASURE)
    longer = looser_breaks(breaks, MEASURE, 1)
    assert len(longer) == len(best) + 1 and longer[-1] == len(breaks.end) - 1
    assert max(ratios(breaks, longer, WIDTH)) <= linebreak.LOOSEST


def test_a_paragraph_is_set_a_line_shorter_when_its_spaces_can_close() -> None:
    breaks = paragraph(words(400))
    best = best_breaks(breaks, MEASURE)
    shorter = looser_breaks(breaks, MEASURE, -1)
    assert len(shorter) == len(best) - 1
    starts = [0, *shorter[:-1]]
    closing = linespacing.SPACE_SHRINK * SPACE
    assert all(
        line_width(breaks, i, j, False) <= WIDTH + closing * (breaks.spaces_end[j] - breaks.spaces_start[i]) + 0.01
        for i, j in zip(starts, shorter, strict=True)
    )


def test_no_setting_a_line_longer_or_shorter_when_it_would_be_loose_or_overfull() -> None:
    breaks = paragraph(words(12))  # two lines, the last half full: one line cannot hold it, three open it wide
    assert len(best_breaks(breaks, MEASURE)) == 2
    assert looser_breaks(breaks, MEASURE, -1) == [] and looser_breaks(breaks, MEASURE, 1) == []
    assert looser_breaks(breaks, MEASURE, 0) == []  # the best itself is the breaker's to give


def test_a_ragged_paragraph_is_set_a_line_longer_with_no_line_under_its_least_share_of_the_measure() -> None:
    breaks = paragraph(words(30, seed=3))
    best = best_breaks(breaks, MEASURE)
    longer = looser_breaks(breaks, replace(MEASURE, ragged=True), 1)
    assert len(longer) == len(best) + 1
    starts = [0, *longer[:-2]]
    widths = [line_width(breaks, i, j, False) for i, j in zip(starts, longer[:-1], strict=True)]
    assert min(widths) >= linelooseness.RAGGED_LEAST * WIDTH and max(widths) <= WIDTH
    assert looser_breaks(breaks, MEASURE, 1) == []  # justified, the same lines would open past the limit
