"""The spread leveller takes a page it made before instead of making it again: the book is the same to the byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from ebookgen.build import PrintChoices, build_pdf
from ebookgen.pdf.weasy.spreads import SpreadLeveller
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
    taken = []
    seeded = SpreadLeveller.seeded
    monkeypatch.setattr(SpreadLeveller, "seeded", lambda self, *rest: taken.append(rest[0]) or seeded(self, *rest))
    with_seeds = built(story, tmp_path / "seeded.pdf")
    assert taken, "no page was taken as made before: the book tests nothing"
    monkeypatch.setattr(SpreadLeveller, "remember", lambda self, *rest: None)  # every try makes its pages
    assert built(story, tmp_path / "made.pdf") == with_seeds
