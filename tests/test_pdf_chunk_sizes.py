"""A long book's pages do not depend on how it is cut into chunks: a chapter laid out at the start of a chunk is set
as it is after other chapters in one (the number of workers, the chunk size, and a rebuild that takes unchanged
chunks from the cache all leave the book as it is)."""

from __future__ import annotations

import re
import runpy
from pathlib import Path

import pytest

from ebookgen.build import PrintChoices, build_pdf
from ebookgen.pdf import parallel
from ebookgen.pdf.weasy.pagesmade import PagesMade
from ebookgen.pdf.weasy.spreads import has_footnotes

from .conftest import SHARED, requires_shared
from .test_pdf_print import page_texts


def three_chapters() -> str:
    """Return chapters 17 to 19 of a dialogue story whose 18th, opening a chunk, was levelled otherwise (its first
    spread could only end level with its opening page moved, which a chunk's first page was never tried at)."""
    dialogue_story = runpy.run_path(str(Path(__file__).parents[1] / "bench" / "dialogue.py"))["dialogue_story"]
    story = dialogue_story(24_000, chapters=20, seed=28)
    chapters = re.split(r"(?m)^(?=Chapter \d+$)", story)
    return "".join(chapter for chapter in chapters if re.match(r"Chapter (17|18|19)\n", chapter))


@pytest.mark.slow
def test_the_same_pages_whatever_the_chunks(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "story.txt").write_text(three_chapters(), encoding="utf-8")
    (tmp_path / "book.toml").write_text('title = "Nights"\nauthor = "A. Fan"\nlanguage = "en"\n', encoding="utf-8")
    texts = {}
    for chunks in (1, 4):  # per worker: chapters 17 and 18 in one chunk, or each chapter in its own
        monkeypatch.setattr(parallel, "CHUNKS_PER_WORKER", chunks)
        built = build_pdf(tmp_path, tmp_path / f"{chunks}.pdf", PrintChoices(jobs=2, cache=False))
        texts[chunks] = page_texts(built.path)
    single = build_pdf(tmp_path, tmp_path / "single.pdf", PrintChoices(jobs=1))
    assert len(texts[1]) > 12
    assert texts[1] == texts[4]
    assert page_texts(single.path) == texts[4]


def letters(text: str) -> str:
    """Return a text's letters in lower case, to find a note however its lines broke and its quotes curled."""
    return re.sub(r"[^a-z]", "", text.lower())


@requires_shared
@pytest.mark.slow
def test_a_book_with_notes_is_the_same_whatever_the_chunks_and_keeps_every_note(tmp_path: Path, monkeypatch) -> None:
    # War and Peace's opening, two notes. The leveller made pages again with WeasyPrint's notes as the page made last
    # left them: a verso made again after its recto had lost its own note (the Petersburg note here, in one process),
    # and which notes a try lost depended on where the chunk started (at 100,000 words, 30-page chunks against 40
    # set chapter XI of book two otherwise and lost its note "Woman is man's companion").
    text = (SHARED / "corpus" / "pg2600.txt").read_text(encoding="utf-8")[:45_000]
    text = text[: text.rfind("\n\n")]
    (tmp_path / "story.txt").write_text(text, encoding="utf-8")
    (tmp_path / "book.toml").write_text('title = "War and Peace"\nlanguage = "en"\n', encoding="utf-8")
    notes = re.findall(r"(?m)^\* (.+)$", text)
    tried_with_notes = []
    keep = PagesMade.keep
    monkeypatch.setattr(
        PagesMade,
        "keep",
        lambda pages, context, arguments, room, before, page, on_it: (
            tried_with_notes.append(pages.trying and has_footnotes(page[0]))
            or keep(pages, context, arguments, room, before, page, on_it)
        ),
    )
    single = build_pdf(tmp_path, tmp_path / "single.pdf", PrintChoices(jobs=1, cache=False))
    texts = {"single": page_texts(single.path)}
    printed = letters("".join(texts["single"]))
    assert len(notes) == 2
    assert [note for note in notes if letters(note) not in printed] == []  # none lost
    assert any(tried_with_notes), "no page carrying a note was made again: the book tests nothing"
    for chunks in (1, 4):  # chunks per worker: the chapters cut in other places
        monkeypatch.setattr(parallel, "CHUNKS_PER_WORKER", chunks)
        built = build_pdf(tmp_path, tmp_path / f"{chunks}.pdf", PrintChoices(jobs=2, cache=False))
        texts[chunks] = page_texts(built.path)
    assert texts[1] == texts["single"]
    assert texts[4] == texts["single"]
