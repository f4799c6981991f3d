"""Balanced spreads and the baseline grid, read from the PDF's own word boxes, on a small dialogue-heavy book in
every theme: the two pages of a text spread end on one line (a verso made again as short as its recto, or both a
line long), with no widow and no orphan, and the text under every opener sits on the facing page's grid.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.pdf.measure import measure
from ebookgen.pdf.weasy.grid import retimed
from ebookgen.pdf.weasy.spreads import (
    PARAGRAPH,
    Change,
    SpreadLeveller,
    chain_made,
    depth,
    ends_at,
    level_phases,
    shortfall,
    spread_depths,
    spread_tries,
    two_short,
)

THEMES = ("classic", "modern", "romance", "large-print")
TALK = (
    '"Where are you going?"',
    '"Nowhere. Just out."',
    '"You always say that," she said.',
    '"Fine."',
    '"Do you remember the summer at the lake, when everything was still simple and nobody had left yet?"',
    '"So I have been told, repeatedly and at considerable length, by nearly everyone I have ever met."',
    "He looked at the rain against the window and said nothing for a long time, and the clock above the stove "
    "went on ticking as if nothing in the kitchen had changed since the morning.",
)


def dialogue(chapters: int = 3, paragraphs: int = 240, seed: int = 28) -> str:
    """Write a story of short lines of talk, a scene break in each chapter, the same for the same seed."""
    chance, text = random.Random(seed), []
    for number in range(1, chapters + 1):
        text += [f"Chapter {number}"] + [chance.choice(TALK) for _ in range(paragraphs)]
        text.insert(len(text) - paragraphs // 3, "* * *")
    return "\n\n".join(text) + "\n"


def test_a_spread_tries_full_pages_first_then_a_line_short_then_a_line_long() -> None:
    assert spread_depths(20.0) == (0.0, 20.0, -20.0, 40.0)
    assert spread_depths(0.0) == ()


def test_the_spreads_before_move_the_fewest_lines_first_and_two_lines_short_comes_late() -> None:
    tries = spread_tries(20.0, (1, 2, 2), (0, 0))
    alone = [rooms for rooms in tries if len(rooms) == 2]
    assert alone == [(0.0, 0.0), (20.0, 20.0), (-20.0, -20.0), (40.0, 40.0)]  # the spread alone, best first
    assert tries[:3] == ((0.0, 0.0), (20.0, 20.0), (0.0, 20.0, 20.0, 0.0, 0.0))  # one run moved a line: least first
    assert (0.0, 0.0, 0.0, 0.0, 0.0) not in tries  # the runs before as they stand are the spread alone
    # A spread runs two lines short (a short page) only after every try that moves one run by a line.
    assert tries.index((40.0, 40.0)) > tries.index((20.0, 0.0, 0.0, 0.0, 0.0))
    assert spread_tries(20.0, (2, 2), (None,)) == tuple(alone)  # a run whose depth is unknown stands
    assert spread_tries(20.0, (1, 2, 2), (1, 0))[1] == (0.0, 0.0, 0.0, 0.0, 0.0)  # a short run made full: free
    assert two_short((0.0, 40.0), 20.0) and not two_short((20.0, -20.0), 20.0)


def test_a_spread_is_tried_full_with_a_change_before_it_runs_a_line_short_or_long() -> None:
    phases = level_phases(20.0)
    assert [rooms for _, rooms in phases] == [(0.0,), (20.0, -20.0), (40.0,)]  # where a change is tried, in order
    full, near, short = (depth_tried for depth_tried, _ in phases)
    assert full((0.0, 0.0)) and full((0.0, 0.0, 0.0, 0.0)) and not full((20.0, 20.0))
    assert near((20.0, 20.0)) and near((0.0, 0.0, -20.0, -20.0)) and not near((40.0, 40.0)) and not near((0.0, 0.0))
    assert short((40.0, 40.0)) and short((40.0, 0.0, 0.0))
    # A spread level but a line short tries only full pages; two lines short, full then a line short or long.
    assert len(level_phases(20.0, worst=1)) == 1 and len(level_phases(20.0, worst=2)) == 2


class Block:
    """A laid-out block's geometry, as grid.retimed moves it."""

    def __init__(self, padding: float, margin: float) -> None:
        self.position_y, self.padding_bottom, self.margin_bottom = 100.0, padding, margin

    def translate(self, dx: float, dy: float) -> None:
        self.position_y += dy


def test_a_scene_break_takes_a_line_more_or_fewer_with_its_fleuron_centred_and_a_title_keeps_its_place() -> None:
    taller, shorter = Block(0.5, 7.0), Block(0.5, 7.0)
    retimed(taller, 1, 14.5, centred=True)
    retimed(shorter, -1, 14.5, centred=True)
    assert (taller.position_y, taller.padding_bottom, taller.margin_bottom) == (107.25, 7.75, 7.0)
    assert (
        shorter.position_y == 92.75 and shorter.padding_bottom == 0.0 and shorter.margin_bottom == pytest.approx(0.25)
    )
    title, tight = Block(2.0, 32.4), Block(2.0, 5.0)
    retimed(title, -1, 14.5, centred=False)
    retimed(tight, -1, 14.5, centred=False)
    assert (title.position_y, title.padding_bottom, title.margin_bottom) == (100.0, 0.0, pytest.approx(19.9))
    assert (tight.position_y, tight.padding_bottom, tight.margin_bottom) == (100.0, 2.0, 5.0)  # no line to give


class Planner:
    """The line planner as the leveller asks it: which paragraphs can be set a line shorter (longer)."""

    def __init__(self, settable: dict[str, tuple[int, ...]]) -> None:
        self.settable, self.looseness = settable, {}

    def loosen(self, key: str, lines: int) -> bool:
        return lines in self.settable.get(key, ())


def leveller(settable: dict[str, tuple[int, ...]]) -> SpreadLeveller:
    made = SpreadLeveller()
    made.planner, made.block_lines, made.trying = Planner(settable), {}, ()
    return made


def test_the_changes_on_a_page_go_from_its_foot_up_two_paragraphs_each_way_and_each_scene_break() -> None:
    made = leveller({"a": (-1, 1), "b": (1,), "c": (-1,), "d": (-1, 1)})
    changes = made.changes((("a", "b", "c", "d", "d"), (("scene-break", "s"),)))
    assert [(change.key, change.lines) for change in changes] == [
        ("d", -1),
        ("c", -1),
        ("d", 1),
        ("b", 1),
        ("s", -1),
        ("s", 1),
    ]
    assert changes[0] == Change(PARAGRAPH, "d", -1) and changes[-1].kind == "scene-break"


def test_a_change_tried_is_undone_to_what_it_replaced() -> None:
    made = leveller({"a": (-1, 1)})
    made.planner.looseness["a"] = 1
    was = made.apply(Change(PARAGRAPH, "a", -1))
    also = made.apply(Change("scene-break", "s", 1))
    assert made.planner.looseness == {"a": -1} and made.block_lines == {"s": 1} and len(made.trying) == 2
    made.undo(Change("scene-break", "s", 1), also)
    made.undo(Change(PARAGRAPH, "a", -1), was)
    assert made.planner.looseness == {"a": 1} and made.block_lines == {} and made.trying == ()


def test_pages_made_again_start_where_the_page_before_ends_and_are_made_once() -> None:
    calls = []

    def again(arguments, resume, room):
        calls.append((arguments[3], resume, room))
        return ("page", resume + 30 - room), resume + 30 - room, {}

    chain = tuple((None, None, 100, number, None) for number in (4, 5, 6, 7))
    pages = chain_made(again, chain, (1, 1, 0, 0), lambda page, room: True, made := {})
    assert [page[1] for page in pages] == [129, 158, 188, 218]
    assert chain_made(again, chain, (1, 1, 0, 0), lambda page, room: True, made) == pages and len(calls) == 4
    assert chain_made(again, chain, (0, 0), lambda page, room: room == 0, {}) == [
        (("page", 130), 130, {}),
        (("page", 160), 160, {}),
    ]  # the spread alone: its own two pages, from its verso's start
    assert chain_made(again, chain, (2, 2, 0, 0), lambda page, room: room == 0, {}) is None


def test_a_page_made_again_that_ends_the_document_stands_as_a_chapters_last_would() -> None:
    # A chunk's last chapter ends its document: its last spread was never levelled where the recto, made again, ended
    # it (War and Peace's 100,000 words at 30-page chunks: chapter XI of book two two lines short, full at 40).
    calls = []

    def again(arguments, resume, room):
        calls.append(arguments[3])
        return ("page", arguments[3]), (None if arguments[3] == 5 else resume + 30), {}

    chain = tuple((None, None, 100, number, None) for number in (4, 5, 6))
    assert chain_made(again, chain[:2], (0, 0), lambda page, room: True, {}) == [
        (("page", 4), 130, {}),
        (("page", 5), None, {}),
    ]
    assert chain_made(again, chain, (0, 0, 0), lambda page, room: True, {}) is None and 6 not in calls


class LineBox:
    def __init__(self, foot: float, height: float) -> None:
        self.position_y, self.height, self.children = foot - height, height, ()


class FootnoteAreaBox:
    def __init__(self, *notes: object) -> None:
        self.children = list(notes)


class PageBox:
    def __init__(self, *children: object) -> None:
        self.children, self.height = list(children), 720.0

    def content_box_y(self) -> float:
        return 72.0


def test_a_page_is_as_deep_as_its_own_text_block_not_weasyprints_bottom_left_raised_by_an_empty_note_area() -> None:
    line = 19.0
    two_short = PageBox(LineBox(792.0 - 2 * line, line), FootnoteAreaBox())
    # WeasyPrint leaves its page bottom raised by the note area's rule and margins when a note went on with its
    # call's line to the next page: read against it, this page two lines short was one short, and its spread
    # (War and Peace 60k, classic, pages 112-113) was kept as level while it ended a line apart.
    raised = 792.0 - 16.7
    assert depth(two_short, raised, line) == 2
    assert shortfall(two_short, raised) == 2 * line
    with_notes = PageBox(LineBox(raised - line, line), FootnoteAreaBox("a note"))
    assert depth(with_notes, raised, line) == 1  # over its notes, a page ends above the note area


def test_a_page_carrying_notes_is_measured_in_its_text_lines_and_levels_but_never_runs_long() -> None:
    line, bottom = 19.0, 700.0  # bottom: WeasyPrint's, over the notes
    note_line = LineBox(790.0, 14.0)  # the note's own line, under `bottom`, in a smaller type
    full = PageBox(LineBox(bottom, line), FootnoteAreaBox(SimpleNamespace(children=[note_line])))
    # The notes' lines were read as the page's foot: every page with a note was -3 lines deep, its spread uneven.
    assert depth(full, bottom, line) == 0
    assert ends_at(full, bottom, 0.0, line)
    short = PageBox(LineBox(bottom - line, line), FootnoteAreaBox(SimpleNamespace(children=[note_line])))
    assert ends_at(short, bottom, line, line) and not ends_at(short, bottom, 0.0, line)
    long = PageBox(LineBox(bottom + line, line), FootnoteAreaBox(SimpleNamespace(children=[note_line])))
    assert not ends_at(long, bottom, -line, line)  # never over its notes
    assert ends_at(PageBox(LineBox(792.0 + line, line)), 792.0, -line, line)  # without notes, it may


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("spreads")
    story = folder / "talk.txt"
    story.write_text(dialogue(), encoding="utf-8")
    made = {}
    for theme in THEMES:
        made[theme] = folder / f"{theme}.pdf"
        result = CliRunner().invoke(app, ["pdf", str(story), "-o", str(made[theme]), "--theme", theme, "--no-cache"])
        assert result.exit_code == 0, result.output
    return made


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) reads the word boxes")
@pytest.mark.parametrize("theme", THEMES)
def test_text_spreads_end_level_without_widows_or_orphans(books, theme: str) -> None:
    quality = measure(books[theme])
    assert quality.spreads >= 8
    # About a third uneven before spreads were levelled, 2 of 15 (classic, romance) before a change on either page
    # or the pages before; the one left is a spread nothing levels (see the 98% target below).
    assert quality.uneven_spreads <= 1, (quality.uneven_spreads, quality.uneven_versos)
    assert quality.widows == 0 and quality.orphans == 0


# Where no depth of the spread and the two runs before it levels a spread, a paragraph is set a line longer or
# shorter, or a scene break or a chapter's title takes a line more or fewer, on either page of the spread or on the
# pages before it (spreads.SpreadLeveller.changed, changed_before): that levels large print's ragged paragraphs and
# the spread under this story's scene break (2 of 15 uneven before, classic and romance). The one left is a chapter's
# second spread of justified paragraphs of one to three lines, none of which can be set a line longer or shorter
# without spaces past 1.8 natural (nor split under widows and orphans of two): only the chapter's opening page two
# lines long, or four short, would level it. Classic and romance keep 1 of 15 uneven.
JUSTIFIED_TIGHT = ("classic", "romance")
LOOSENESS_NEEDED = pytest.mark.xfail(
    strict=True,
    reason="issue 28: 98% of text spreads level in justified text of one- to three-line paragraphs needs a lever "
    "besides a paragraph, a scene break or a title a line longer or shorter; 1 of 15 left",
)


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) reads the word boxes")
@pytest.mark.parametrize(
    "theme", [pytest.param(theme, marks=[LOOSENESS_NEEDED] if theme in JUSTIFIED_TIGHT else []) for theme in THEMES]
)
def test_at_least_98_percent_of_text_spreads_end_level(books, theme: str) -> None:
    quality = measure(books[theme])
    assert quality.uneven_spreads <= quality.spreads * 0.02


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) reads the word boxes")
@pytest.mark.parametrize("theme", THEMES)
def test_a_spread_runs_two_lines_short_only_where_nothing_else_levels_it(books, theme: str) -> None:
    quality = measure(books[theme])
    # A spread level two or one line short tries full pages (and a line short) first, with a paragraph, a scene
    # break or a title changed: 4 short pages in every theme when such a spread stood as first made.
    assert quality.short_pages <= 2, quality.short_page_numbers


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) reads the word boxes")
def test_large_print_levels_its_spreads_on_full_pages_with_a_paragraph_a_line_longer_or_shorter(books) -> None:
    quality = measure(books["large-print"])
    # Its ragged paragraphs are set a line longer or shorter before a spread runs short or long: 33 short pages of
    # 88 when spreads were levelled by their depth alone.
    assert quality.short_pages <= quality.pages // 15, quality.short_page_numbers
    assert quality.uneven_spreads == 0 and quality.widows == 0 and quality.orphans == 0


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) reads the word boxes")
@pytest.mark.parametrize("theme", THEMES)
def test_the_text_under_openers_and_scene_breaks_is_on_the_grid(books, theme: str) -> None:
    quality = measure(books[theme])
    assert quality.openers == 3 and quality.openers_off_grid == 0, quality.grid_offsets
