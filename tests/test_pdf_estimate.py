"""The page count a book's first layout takes its gutter from is guessed from its paragraphs (``trim.book_pages``):
close enough on books of long and short paragraphs that the book is laid out once, and laid out again only when
the real count calls for another gutter."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from ebookgen.build import PrintChoices, build_pdf, open_project, read_book
from ebookgen.pdf import options as pdf_options
from ebookgen.pdf import single
from ebookgen.pdf.trim import book_pages, parse_trim
from ebookgen.project.manuscript import Overrides

from .test_spreads import dialogue

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "pg2600.txt"
WORDS = "the still morning she looked back at the door and nothing was said of what he knew".split()


def long_paragraphs(chapters: int = 2, paragraphs: int = 45, seed: int = 7) -> str:
    """Write a story of long narrative paragraphs (about 50 words each), the same for the same seed."""
    chance, text = random.Random(seed), []
    for number in range(1, chapters + 1):
        text.append(f"Chapter {number}")
        text += [" ".join(chance.choice(WORDS) for _ in range(chance.randint(30, 70))).capitalize() + "."
                 for _ in range(paragraphs)]  # fmt: skip
    return "\n\n".join(text) + "\n"


def war_and_peace(words: int = 6000) -> str:
    """Return War and Peace's opening, about `words` words, cut at a paragraph's end."""
    if not CORPUS.is_file():
        pytest.skip("../shared/corpus is not here")
    kept, count = [], 0
    for paragraph in CORPUS.read_text(encoding="utf-8").split("\n\n"):
        kept.append(paragraph)
        count += len(paragraph.split())
        if count > words:
            break
    return "\n\n".join(kept) + "\n"


def laid_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, theme: str = "") -> tuple[int, int, int]:
    """Build a story in one process; return its guessed pages, its real pages and how often it was laid out."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    story = tmp_path / "story.txt"
    story.write_text(text, encoding="utf-8")
    layouts, lay_out, guesses, guess = [], single.lay_out, [], single.first_guess
    monkeypatch.setattr(single, "lay_out", lambda *given: layouts.append(1) or lay_out(*given))
    monkeypatch.setattr(single, "first_guess", lambda *given: guesses.append(guess(*given)) or guesses[-1])
    choices = PrintChoices(jobs=1, theme=theme or None)
    result = build_pdf(story, tmp_path / "story.pdf", choices, overrides=Overrides(language="en"))
    return guesses[0], result.pages, len(layouts)


BOOKS = {
    "long": (long_paragraphs, ""),
    "dialogue": (dialogue, ""),
    "tolstoy": (war_and_peace, ""),
    "large-print": (lambda: dialogue(chapters=2, paragraphs=120), "large-print"),
}


@pytest.mark.parametrize("name", BOOKS)
def test_the_guess_is_within_three_percent_and_the_book_is_laid_out_once(tmp_path, monkeypatch, name) -> None:
    text, theme = BOOKS[name]
    guessed, pages, layouts = laid_out(tmp_path, monkeypatch, text(), theme)
    assert abs(guessed - pages) <= max(1, 0.03 * pages), (guessed, pages)
    assert layouts == 1


def test_a_guess_in_another_gutter_bracket_lays_the_book_out_again(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(pdf_options, "book_pages", lambda *given: 400)  # a 0.625 in gutter; the book takes 0.375
    _, pages, layouts = laid_out(tmp_path, monkeypatch, long_paragraphs())
    assert pages < 150 and layouts == 2


def test_short_paragraphs_take_more_pages_for_their_words() -> None:
    def book(paragraph: str, count: int):
        text = "Chapter 1\n\n" + "\n\n".join([paragraph] * count) + "\n"
        return read_book(open_project_text(text)).book

    talk = '"Fine," she said, and looked away.'  # 6 words, a line of its own
    told = " ".join([talk] * 8)  # the same 48 words in one paragraph: four lines, not eight
    trim = parse_trim("5.5x8.5")
    assert book_pages(book(talk, 800), trim) > 1.3 * book_pages(book(told, 100), trim)


def open_project_text(text: str):
    """Open a project of one story held in a temporary file."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="ebookgen-estimate-"))
    (folder / "story.txt").write_text(text, encoding="utf-8")
    return open_project(folder / "story.txt", Overrides(language="en"))
