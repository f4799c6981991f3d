"""The total-fit line breaker (pdf/weasy/linebreak.py) on paragraphs of measured words, and at the WeasyPrint seam."""

from __future__ import annotations

import shutil

import pytest

from ebookgen.pdf.weasy import linebreak, setting
from ebookgen.pdf.weasy.linebreak import Breaks, Measure, best_breaks, line_width, ratio

SPACE = 2.0


def paragraph(words: list[float], hyphens: dict[int, float] | None = None) -> Breaks:
    """Return the break points of words of these widths, one space apart (and a hyphen point inside some)."""
    hyphens = hyphens or {}
    start, end, before_start, before_end, hyphen = [0.0], [0.0], [0], [0], [False]
    x = 0.0
    for index, width in enumerate(words):
        if index in hyphens:  # a break inside the word, `hyphens[index]` into it, with a 1-wide hyphen
            start.append(x + hyphens[index])
            end.append(x + hyphens[index] + 1.0)
            before_start.append(index)
            before_end.append(index)
            hyphen.append(True)
        x += width
        end.append(x)
        start.append(x + SPACE)
        before_end.append(index)
        before_start.append(index + 1)
        hyphen.append(False)
        x += SPACE
    count = len(end)
    return Breaks(
        tuple(start),
        tuple(end),
        tuple(before_start),
        tuple(before_end),
        tuple(hyphen),
        tuple([False] * count),
        tuple([False] * count),
    )


def greedy(breaks: Breaks, width: float) -> list[int]:
    """Return the first-fit breaks: each line takes every word that fits."""
    chosen, start = [], 0
    last = len(breaks.end) - 1
    while start < last:
        j = start + 1
        while j < last and line_width(breaks, start, j + 1, False) <= width:
            j += 1
        chosen.append(j)
        start = j
    return chosen


def ratios(breaks: Breaks, chosen: list[int], width: float) -> list[float]:
    """Return the justified lines' word-space ratios (the last line left out)."""
    starts = [0, *chosen[:-1]]
    return [
        ratio(width, line_width(breaks, i, j, False), breaks.spaces_end[j] - breaks.spaces_start[i], SPACE)
        for i, j in zip(starts[:-1], chosen[:-1], strict=True)
    ]


# Words of these widths: first-fit fills two lines so the third, before three long words, opens to 2.75 spaces.
WORDS = [
    6.0,
    34.0,
    20.0,
    34.0,
    16.0,
    8.0,
    6.0,
    10.0,
    8.0,
    8.0,
    12.0,
    8.0,
    6.0,
    12.0,
    8.0,
    34.0,
    16.0,
    8.0,
    26.0,
    6.0,
    26.0,
    26.0,
]
WIDTH = 100.0


def test_first_fit_leaves_a_loose_line_that_total_fit_does_not() -> None:
    breaks = paragraph(WORDS)
    first_fit = ratios(breaks, greedy(breaks, WIDTH), WIDTH)
    assert max(first_fit) > linebreak.LOOSEST
    total_fit = ratios(breaks, best_breaks(breaks, Measure(WIDTH, WIDTH, SPACE)), WIDTH)
    assert max(total_fit) <= linebreak.LOOSEST, total_fit


def test_every_chosen_line_fits_the_measure_and_the_paragraph_ends_at_its_end() -> None:
    breaks = paragraph(WORDS * 3)
    chosen = best_breaks(breaks, Measure(WIDTH, WIDTH, SPACE))
    assert chosen[-1] == len(breaks.end) - 1
    starts = [0, *chosen[:-1]]
    lines = zip(starts, chosen, strict=True)
    # A line may be wider than the measure by no more than its word spaces close (to three quarters of natural).
    closing = linebreak.SPACE_SHRINK * SPACE
    fits = [
        line_width(breaks, i, j, False) <= WIDTH + closing * (breaks.spaces_end[j] - breaks.spaces_start[i]) + 0.01
        for i, j in lines
    ]
    assert all(fits)


def test_a_last_line_of_one_short_word_is_avoided_when_the_lines_above_can_take_it() -> None:
    words = [4.0] * 27  # thirteen a line first-fit, and one left alone
    plain = paragraph(words)
    runt = [spaces == len(words) - 1 for spaces in plain.spaces_start]  # a last line from there: one word
    assert plain.runt[greedy(plain, 80.0)[-2]] is False and runt[greedy(plain, 80.0)[-2]]
    breaks = Breaks(
        plain.start, plain.end, plain.spaces_start, plain.spaces_end, plain.hyphen, tuple(runt), plain.fragment
    )
    chosen = best_breaks(breaks, Measure(80.0, 80.0, SPACE))
    assert not breaks.runt[chosen[-2]]


def test_no_paragraph_ends_in_a_hyphenated_tail() -> None:
    words = [10.0] * 6 + [30.0]
    plain = paragraph(words, hyphens={6: 15.0})
    tail = tuple(hyphen and index == len(plain.hyphen) - 2 for index, hyphen in enumerate(plain.hyphen))
    breaks = Breaks(plain.start, plain.end, plain.spaces_start, plain.spaces_end, plain.hyphen, plain.runt, tail)
    chosen = best_breaks(breaks, Measure(70.0, 70.0, SPACE))
    assert not any(breaks.hyphen[point] for point in chosen)


def test_never_three_hyphenated_lines_in_a_row() -> None:
    words = [27.0] * 30
    breaks = paragraph(words, hyphens={index: 13.0 for index in range(30)})
    chosen = best_breaks(breaks, Measure(50.0, 50.0, SPACE))
    flags = [breaks.hyphen[point] for point in chosen]
    assert max((len(run) for run in "".join("h" if flag else " " for flag in flags).split()), default=0) <= 2


def test_the_breaks_cost_no_more_than_first_fits() -> None:
    breaks = paragraph(WORDS * 4)
    measure = Measure(WIDTH, WIDTH, SPACE)

    def cost(chosen: list[int]) -> float:
        return sum(linebreak.line_cost(r) for r in ratios(breaks, chosen, WIDTH))

    assert cost(best_breaks(breaks, measure)) <= cost(greedy(breaks, WIDTH))


def test_a_justified_paragraph_at_the_seam_lands_on_its_planned_breaks_with_no_loose_line() -> None:
    from weasyprint import HTML

    text = " ".join(["the quick brown fox jumps over a lazy dog and keeps running through"] * 12)
    html = f"""<html lang="en"><style>@page {{ size: 400px 3000px }} p {{ width: 260px; font-size: 12px;
    hyphens: auto; text-align: justify; margin: 0 }}</style><p>{text}</p></html>"""
    setter = setting.Setter()
    with setting.well_set(setter, strict=True):
        document = HTML(string=html).render()
    counts = setter.planner.counts
    assert counts["planned"] > 10 and counts["missed"] == 0, counts
    lines = [line for page in document.pages for line in setting.line_boxes(page._page_box)]
    joined = "\n".join("".join(box.text for _, box in setting.text_boxes(line)).strip() for line in lines)
    words = joined.replace("\u2010\n", "").split()  # a hyphenated word joined again
    assert words[-3:] == text.split()[-3:]


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) reads the word boxes")
def test_tracked_justified_lines_end_flush_with_the_right_margin_on_the_pdf_page(tmp_path) -> None:
    import subprocess

    from lxml import etree
    from weasyprint import HTML

    words = "extraordinary understanding the and of responsibility characteristically she was her".split()
    text = " ".join(words[(index * 7) % len(words)] for index in range(300))
    html = f"""<html lang="en"><style>@page {{ size: 400pt 3000pt; margin: 20pt }} body {{ margin: 0 }}
    p {{ width: 300pt;
    font-size: 11pt; hyphens: auto; text-align: justify; margin: 0 }}</style><p>{text}</p></html>"""
    setter = setting.Setter()
    with setting.well_set(setter, strict=True):
        HTML(string=html).write_pdf(tmp_path / "p.pdf")
    assert setter.used["tracked"] > 5  # letters share the lines' adjustment: the case the writer's rounding hits
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(tmp_path / "p.pdf"), "-"], capture_output=True, check=True)
    ends = [float(line.get("xMax")) for line in etree.fromstring(xml.stdout).iter("{*}line")]
    assert len(ends) > 20
    assert all(abs(end - 320.0) < 0.15 for end in ends[:-1]), [round(end - 320.0, 2) for end in ends]


NAMES = ("Natasha", "Nicholas", "Bolkonski", "Kutuzov", "Drubetskoy", "Mikhaylovna")
SAID = (
    "the regiment had marched since dawn through the mud of the Moravian roads and nobody expected the inspection",
    "she understood nothing of what was happening around her and looked at everyone with frightened eyes",
    "the extraordinary conversation continued without interruption until the candles had burned down",
    "he was thinking of his responsibilities and of the unquestionably difficult position of the army",
    "yes",
    "no, I am not",
    "everyone in the drawing room turned toward the door as the old prince came in",
)


def dialogue_story() -> str:
    """Return a chapter of short lines of talk between paragraphs of narration, names and long words in both."""
    import random

    chance = random.Random(28)
    paragraphs = []
    for _ in range(220):
        line = chance.choice(SAID)
        name = chance.choice(NAMES)
        if chance.random() < 0.6:
            paragraphs.append(f'"{line.capitalize()}," said {name}.')
        else:
            paragraphs.append(" ".join(f"{chance.choice(SAID).capitalize()}, and {name} knew it." for _ in range(3)))
    return "Chapter 1\n\n" + "\n\n".join(paragraphs) + "\n"


def dialogue_pdf(tmp_path, theme: str):
    """Build the dialogue story's PDF in a theme and measure it."""
    from typer.testing import CliRunner

    from ebookgen.cli.app import app
    from ebookgen.pdf.measure import measure

    story = tmp_path / "story.txt"
    story.write_text(dialogue_story(), encoding="utf-8")
    target = tmp_path / f"{theme}.pdf"
    result = CliRunner().invoke(app, ["pdf", str(story), "-o", str(target), "--theme", theme, "--no-cache"])
    assert result.exit_code == 0, result.output
    return measure(target)


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) reads the word boxes")
@pytest.mark.parametrize("theme", ["classic", "modern", "romance", "large-print"])
def test_a_dialogue_chapter_has_no_hyphenated_tail_no_hyphenated_name_and_a_novels_measure(tmp_path, theme) -> None:
    quality = dialogue_pdf(tmp_path, theme)
    assert quality.hyphenated_tails == 0, quality.runt_examples
    assert quality.capital_hyphens == 0, quality.capital_examples
    if quality.justified:  # large print is set ragged at 17 pt: 38 characters, its own guidance's measure
        assert 60 <= quality.characters_per_line <= 70, quality.characters_per_line


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) reads the word boxes")
def test_at_most_one_justified_line_in_a_hundred_is_loose(tmp_path) -> None:
    quality = dialogue_pdf(tmp_path, "modern")
    assert quality.loose_percent <= 1.0 and quality.loose_openers == 0
