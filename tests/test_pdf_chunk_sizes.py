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
