"""The spread leveller's tries take a page made before from all the same instead of making it again
(``pagesmade.PagesMade``): a cache only, so the book is the same to the byte with it and without it."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from ebookgen.build import PrintChoices, build_pdf
from ebookgen.pdf.weasy.pagesmade import PagesMade, made_from
from ebookgen.project.manuscript import Overrides

from .test_spreads import dialogue


def built(story: Path, target: Path) -> bytes:
    """Build a story's PDF in this process, one layout, and return its bytes."""
    build_pdf(story, target, PrintChoices(jobs=1), overrides=Overrides(language="en"))
    return target.read_bytes()


def test_pages_taken_as_made_before_make_the_same_book(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    story = tmp_path / "story.txt"
    story.write_text(dialogue(chapters=2, paragraphs=160), encoding="utf-8")
    taken, take = [], PagesMade.taken
    monkeypatch.setattr(PagesMade, "taken", lambda self, *given: taken.append(take(self, *given)) or taken[-1])
    with_kept = built(story, tmp_path / "kept.pdf")
    assert any(taken), "no page was taken as made before: the book tests nothing"
    monkeypatch.setattr(PagesMade, "keep", lambda self, *given: None)  # every try makes its pages
    assert built(story, tmp_path / "made.pdf") == with_kept


def context() -> SimpleNamespace:
    """Stand for WeasyPrint's layout context: what a page made leaves in it."""
    return SimpleNamespace(footnotes=[], reported_footnotes=[], broken_out_of_flow={}, page_bottom=500.0,
                           current_footnote_area=None, current_page_footnotes=[], current_page=0)  # fmt: skip


def test_a_page_is_taken_only_in_a_try_and_from_the_same_start_room_state_and_looseness() -> None:
    pages, layout = PagesMade(), context()
    arguments = ("root", "page type", "resume", 12, "counters")
    before = made_from(layout, arguments, {}, {})
    page = (SimpleNamespace(children=[]), "next", {"break": "any"})
    pages.keep(layout, arguments, 14.5, before, page, ((("paragraph", "p"),), (("scene-break", "b"),)))
    assert pages.taken(layout, arguments, 14.5, before) is None  # the page maker's own pass makes every page
    pages.trying = True
    assert pages.taken(layout, arguments, 14.5, before) == (page, [("paragraph", "p")], [("scene-break", "b")])
    assert pages.taken(layout, arguments, 0.0, before) is None  # another room
    assert pages.taken(layout, (*arguments[:2], "elsewhere", 12, "counters"), 14.5, before) is None
    assert pages.taken(layout, arguments, 14.5, made_from(layout, arguments, {(1, "p"): -1}, {})) is None  # looser
    taller = made_from(layout, arguments, {}, {("scene-break", "b"): 1})
    assert pages.taken(layout, arguments, 14.5, taller) is None  # a scene break a line taller (the leveller's)
    assert made_from(layout, arguments, {(1, "p"): 0}, {("scene-break", "b"): 0}) == before  # set back: as before
    pages.forget(page[0])  # the page took another layout
    assert pages.taken(layout, arguments, 14.5, before) is None


def test_a_page_carrying_notes_is_not_kept() -> None:
    pages, layout = PagesMade(), context()
    layout.reported_footnotes = ["a note that did not fit"]
    arguments = ("root", "page type", "resume", 12, "counters")
    before = made_from(layout, arguments, {}, {})
    pages.keep(layout, arguments, 0.0, before, (SimpleNamespace(children=[]), "next", {}), ((), ()))
    pages.trying = True
    assert pages.taken(layout, arguments, 0.0, before) is None


def test_a_page_made_again_starts_from_the_notes_the_page_before_it_left() -> None:
    # WeasyPrint lays out a note only while it waits on its list; a try making a verso again after its recto had
    # started from the recto's list, without the verso's own notes, and the verso kept lost them (War and Peace's
    # first 100,000 words: 21 of 34 notes).
    pages, layout = PagesMade(), context()
    layout.footnotes = ["note on page 1", "note on page 2"]
    pages.starting(layout, 1, None)  # a document's first page starts at None, where its last page also ends
    ends_first, ends_second = {"ends": 1}, {"ends": 2}
    layout.footnotes = ["note on page 2"]
    pages.ended(layout, 1, ("page 1", ends_first, {}))
    layout.footnotes, layout.reported_footnotes = [], ["note on page 2"]  # did not fit: moved on
    pages.ended(layout, 2, ("page 2", ends_second, {}))
    layout.footnotes, layout.reported_footnotes = [], []
    pages.ended(layout, 3, ("page 3", None, {}))
    pages.resumed(layout, ends_first)
    assert (layout.footnotes, layout.reported_footnotes) == (["note on page 2"], [])
    pages.resumed(layout, ends_second)
    assert (layout.footnotes, layout.reported_footnotes) == ([], ["note on page 2"])
    pages.resumed(layout, None)
    assert layout.footnotes == ["note on page 1", "note on page 2"]
    pages.resumed(layout, {"ends": 1})  # an equal place, but not where a page made ended: left as it is
    assert layout.footnotes == ["note on page 1", "note on page 2"]
    assert pages.notes_key(ends_first) != pages.notes_key(ends_second)  # the tries' pages kept apart by it
