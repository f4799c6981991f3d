"""The total-fit line breaker (pdf/weasy/linebreak.py) on paragraphs of measured words, and at the WeasyPrint seam."""

from __future__ import annotations

import shutil

import pytest

from ebookgen.pdf.weasy import linebreak, linespacing, setting
from ebookgen.pdf.weasy.linebreak import Breaks, Measure, best_breaks, line_width
from ebookgen.pdf.weasy.linespacing import ratio

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
    closing = linespacing.SPACE_SHRINK * SPACE
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
        return sum(linespacing.line_cost(r) for r in ratios(breaks, chosen, WIDTH))

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


# Issue 28's runts: a letter is LETTER wide in a font of SIZE (half an em), a word space SPACE (0.2 em: EB Garamond).
SIZE, LETTER = 10.0, 5.0


def lettered(words: list[int], caps_spacing: float | None = None) -> Breaks:
    """Return the break points of words of so many letters, counted for tracking, the last word alone a runt (and
    the first line in small capitals spaced `caps_spacing` px, when given)."""
    start, end, spaces_start, spaces_end, letters_start, letters_end = [0.0], [0.0], [0], [0], [0], [0]
    x, characters = 0.0, 0
    for index, letters in enumerate(words):
        x, characters = x + letters * LETTER, characters + letters
        end.append(x)
        spaces_end.append(index)
        letters_end.append(characters)
        x, characters = x + SPACE, characters + 1
        start.append(x)
        spaces_start.append(index + 1)
        letters_start.append(characters)
    count = len(end)
    runt = tuple(point == count - 2 for point in range(count))
    caps = {} if caps_spacing is None else {"first_hyphen_ok": False, "first_spacing": caps_spacing}
    return Breaks(
        tuple(start), tuple(end), tuple(spaces_start), tuple(spaces_end), (False,) * count, runt, (False,) * count,
        first_end=tuple(end) if caps else (), letters_start=tuple(letters_start), letters_end=tuple(letters_end),
        **caps,
    )  # fmt: skip


def lines_at(breaks: Breaks, width: float) -> list[tuple[int, int]]:
    """Return the breaker's lines for a lettered paragraph at a width, each as (point, row)."""
    return linebreak.best_lines(breaks, Measure(width, width, SPACE, SIZE))


def test_a_lone_last_word_is_taken_up_by_the_line_above_closing_its_letters_past_the_usual_limit() -> None:
    breaks = lettered([6] * 6)  # one line of 190 with 5 spaces and 41 characters, or five and a runt
    natural = line_width(breaks, 0, 6, False)
    limits = (linebreak.TRACK, linebreak.RUNT_CLOSE)
    usual, furthest = (linebreak.closest(5, 41, SPACE, SIZE, close) for close in limits)
    width = natural - (usual + furthest) / 2  # over what the spaces and letters usually close, within the spared limit
    assert [point for point, _ in lines_at(breaks, width)] == [6]
    stretch, tracking = linebreak.spread(width - natural, 5, 41, SPACE, SIZE, close_em=linebreak.RUNT_CLOSE)
    assert -linebreak.RUNT_CLOSE * SIZE <= tracking < -linebreak.TRACK * SIZE
    assert stretch >= linebreak.spread(-usual, 5, 41, SPACE, SIZE)[0] - 1e-9  # the gaps held as at the usual limit
    assert [point for point, _ in lines_at(breaks, natural - furthest - 1.0)] == [5, 6]  # further: the runt stays


def test_a_lone_last_word_is_left_rather_than_the_line_above_letterspaced_to_send_a_word_down() -> None:
    # Lower case opened past TRACK_MOST reads as letterspaced (0.05 em, seen at 300 dpi): the runt is the lesser fault.
    breaks = lettered([8, 8, 8, 8, 8, 7, 6])
    width = 230.0  # five words open past twice natural at TRACK_MOST, six do not fit, seven close to no use
    natural = line_width(breaks, 0, 5, False)
    assert linebreak.spread(width - natural, 4, 44, SPACE, SIZE)[0] > linebreak.LOOSEST
    assert linebreak.spread(width - natural, 4, 44, SPACE, SIZE, 0.05)[0] <= linebreak.LOOSEST  # what 0.05 em would do
    chosen = lines_at(breaks, width)
    assert [point for point, _ in chosen] == [6, 7] and breaks.runt[6]
    assert linebreak.RUNT_OPEN == linebreak.TRACK_MOST


def test_an_opening_line_of_small_capitals_closes_its_letters_spacing_rather_than_open_its_spaces_wide() -> None:
    spacing = 0.03 * SIZE  # print.css's letter spacing of small capitals
    breaks = lettered([5, 4, 12, 3, 4, 5, 6, 7, 5, 4, 6, 5], caps_spacing=spacing)
    words3 = line_width(breaks, 0, 3, True)
    width = words3 - 6.0  # the long third word fits only when the letters lose their spacing
    measure = Measure(width, width, SPACE, SIZE)
    assert words3 - width > linebreak.closest(2, 23, SPACE, SIZE, linebreak.TRACK)  # closing as lower case: no
    chosen = [point for point, _ in linebreak.best_lines(breaks, measure)]
    assert chosen[0] == 3
    tracks = linebreak.line_tracks(breaks, measure, True)
    stretch, tracking = linebreak.spread(width - words3, 2, 23, SPACE, SIZE, *tracks)
    assert stretch <= linebreak.LOOSEST and tracking >= -(spacing + linebreak.TRACK * SIZE) - 1e-9


# Two-line speeches that the usual limits leave with their last word alone (main before issue 28's runt work: all
# five, in every justified theme), and an opening line of small capitals left loose before a long name. (Two more,
# `music,” Alexander / asked.` and `Natasha / laughed.`, could be spared only by letterspacing the line above: left.)
SPEECHES = """Chapter 1

At Bald Hills, Prince Nicholas Andreevich Bolkonski\u2019s estate, the arrival of young Prince Andrew and his wife was \
daily expected, but this expectation did not upset the regular routine of life in the old prince\u2019s household.

\u201cMy taste in music is impeccable, thank you very much,\u201d Jess snapped.

\u201cAnything else. The weather. Your terrible taste in music,\u201d Lorelai said.

\u201cNothing. Forget it. It was a stupid idea anyway,\u201d Hermione whispered.

\u201cYes. Fine. Absolutely, completely, unquestionably fine,\u201d Rory sighed.

\u201cMy taste in music is impeccable, thank you very much,\u201d Lorelai called.
"""


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) reads the word boxes")
@pytest.mark.parametrize("theme, trim", [("classic", "6x9"), ("modern", "5.5x8.5"), ("romance", "5.5x8.5")])
def test_two_line_speeches_end_on_two_words_and_the_opening_line_is_not_loose(tmp_path, theme, trim) -> None:
    from typer.testing import CliRunner

    from ebookgen.cli.app import app
    from ebookgen.pdf.measure import measure

    story = tmp_path / "story.txt"
    story.write_text(SPEECHES, encoding="utf-8")
    target = tmp_path / f"{theme}.pdf"
    arguments = ["pdf", str(story), "-o", str(target), "--theme", theme, "--trim", trim, "--no-cache"]
    result = CliRunner().invoke(app, arguments)
    assert result.exit_code == 0, result.output
    quality = measure(target)
    assert quality.body_lines >= 8 and quality.openers == 1
    assert quality.runts == 0, quality.runt_examples
    assert (quality.loose_lines, quality.loose_openers) == (0, 0), quality.loose_examples


def test_a_fitted_lines_demerits_are_its_spreads_line_cost_at_its_stretch_ratio() -> None:
    """``fitted_cost`` writes ``capacity`` and ``line_cost`` out for the breaker's inner loop: the same floats, to the
    bit, for lines short and over, with and without letters, small capitals' spacing and closing past the usual."""
    measure = Measure(200.0, 200.0, 2.6, 11.0)
    tracks = [(linebreak.TRACK_MOST, 0.0, linebreak.TRACK), (linebreak.SMALL_CAPS_MOST, 0.33, 0.04), (0.03, 0.0, 0.03)]
    checked = 0
    for extra in (-9.0, -3.1, -0.4, 0.0, 0.004, 1.7, 5.25, 12.0, 40.0, 95.0):
        for spaces in (0, 1, 3, 9, 14):
            for letters in (0, 1, 6, 40, 77):
                for most, base, close in tracks:
                    room = linespacing.capacity(extra, spaces, letters, measure.space, measure.size)
                    stretch, _ = linebreak.spread(
                        extra, spaces, letters, measure.space, measure.size, most, base, close
                    )
                    composed = linespacing.line_cost(stretch, extra / room if room > 0 else None)
                    written = linebreak.fitted_cost(extra, spaces, letters, measure, most, base, close)
                    assert written == composed, (extra, spaces, letters, most, base, close)
                    checked += 1
    assert checked == 750
