"""The cache of laid-out chunks: a rebuild lays out only what changed, and gives the PDF a cold build gives."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

import ebookgen.pdf.cache as cache_module
import ebookgen.pdf.parallel as parallel
from ebookgen.model import Paragraph, Text
from ebookgen.pdf.options import PdfOptions
from ebookgen.pdf.trim import parse_trim
from ebookgen.pdf.writer import write_pdf

from .test_pdf_print import make_book, page_texts

OPTIONS = PdfOptions(jobs=2, year=2030, recto_head="chapter")


@pytest.fixture()
def counted(monkeypatch, tmp_path: Path) -> Path:
    """Count the documents the workers lay out (they are forked from here, so they inherit the counter)."""
    tally = tmp_path / "laid-out.txt"
    tally.write_text("", encoding="utf-8")
    original = parallel.lay_out

    def counting(html, css, options):
        with open(tally, "a", encoding="utf-8") as out:
            out.write("x\n")
        return original(html, css, options)

    monkeypatch.setattr(parallel, "lay_out", counting)
    return tally


def laid_out(tally: Path) -> int:
    """Return how many documents were laid out since the tally was last emptied, and empty it."""
    count = len(tally.read_text(encoding="utf-8").splitlines())
    tally.write_text("", encoding="utf-8")
    return count


def same_book(one, other) -> None:
    """Assert two builds give the same book: pages, folios, ids, page openings and the text of every page."""
    assert (one.pages, one.folios, one.anchors, one.page_starts) == (
        other.pages,
        other.folios,
        other.anchors,
        other.page_starts,
    )
    assert page_texts(one.path) == page_texts(other.path)
    marks = bookmarks(one.path)
    assert len(marks) >= 10 and all(page for _, page in marks)  # every chapter and part, each at its page
    assert marks == bookmarks(other.path)


def bookmarks(path: Path) -> list[tuple[str, int]]:
    """Return every bookmark's title and the page it opens, depth first."""
    import pikepdf

    found: list[tuple[str, int]] = []
    with pikepdf.open(path) as pdf:
        pages = {page.objgen: number for number, page in enumerate(pdf.pages, start=1)}

        def walk(items) -> None:
            for item in items:
                destination = item.destination
                page = pages.get(destination[0].objgen, 0) if destination is not None else 0
                found.append((str(item.title), page))
                walk(item.children)

        with pdf.open_outline() as outline:
            walk(outline.root)
    return found


def edited(book, chapter: int):
    """Return the book with one word changed in one paragraph of one chapter."""
    chapters = list(book.chapters)
    blocks = list(chapters[chapter].blocks)
    first = blocks[0]
    blocks[0] = Paragraph((Text(first.inlines[0].text.replace("she said", "she whispered", 1)),))
    chapters[chapter] = replace(chapters[chapter], blocks=tuple(blocks))
    return replace(book, chapters=tuple(chapters))


@pytest.mark.slow
def test_an_unchanged_book_is_taken_whole_from_the_cache(tmp_path: Path, counted: Path) -> None:
    book = make_book(10)
    cold = write_pdf(book, tmp_path / "cold.pdf", OPTIONS)
    assert laid_out(counted) > 4  # the chunks and the front matter
    warm = write_pdf(book, tmp_path / "warm.pdf", OPTIONS)
    assert laid_out(counted) == 0
    same_book(warm, cold)


@pytest.mark.slow
def test_an_edit_lays_out_only_its_chunk_and_gives_the_cold_build(tmp_path: Path, counted: Path) -> None:
    book = make_book(10)
    write_pdf(book, tmp_path / "first.pdf", OPTIONS)
    laid_out(counted)
    changed = edited(book, 5)
    rebuilt = write_pdf(changed, tmp_path / "rebuilt.pdf", OPTIONS)
    assert laid_out(counted) == 1  # one chunk; the front matter's numbers did not move
    cold = write_pdf(changed, tmp_path / "cold.pdf", replace(OPTIONS, cache=False))
    same_book(rebuilt, cold)
    assert "she whispered" in "".join(page_texts(rebuilt.path))


@pytest.mark.slow
def test_no_cache_lays_everything_out_and_keeps_nothing(tmp_path: Path, counted: Path) -> None:
    book = make_book(10)
    write_pdf(book, tmp_path / "a.pdf", replace(OPTIONS, cache=False))
    first = laid_out(counted)
    write_pdf(book, tmp_path / "b.pdf", replace(OPTIONS, cache=False))
    assert laid_out(counted) == first > 4
    assert not cache_module.cache_folder().exists() or not list(cache_module.cache_folder().iterdir())


@pytest.mark.slow
def test_another_stylesheet_option_or_version_misses(tmp_path: Path, counted: Path, monkeypatch) -> None:
    book = make_book(10)
    write_pdf(book, tmp_path / "a.pdf", OPTIONS)
    everything = laid_out(counted)
    write_pdf(book, tmp_path / "b.pdf", replace(OPTIONS, trim=parse_trim("6x9")))
    assert laid_out(counted) == everything  # the page rules changed: every chunk again
    monkeypatch.setattr(cache_module, "__version__", "99.0")
    cache_module.salt.cache_clear()
    try:
        write_pdf(book, tmp_path / "c.pdf", OPTIONS)
        assert laid_out(counted) == everything
    finally:
        cache_module.salt.cache_clear()


@pytest.mark.slow
def test_a_damaged_entry_is_laid_out_again_with_a_warning(tmp_path: Path, counted: Path) -> None:
    book = make_book(10)
    cold = write_pdf(book, tmp_path / "a.pdf", OPTIONS)
    assert not any("cache" in note for note in cold.notes)
    laid_out(counted)
    entries = sorted(cache_module.cache_folder().glob("*-*.pdf"))
    entries[0].write_bytes(entries[0].read_bytes()[:100])  # a PDF cut short
    entries[1].with_suffix(".json").write_text("{not json", encoding="utf-8")
    flipped = bytearray(entries[2].read_bytes())  # one byte changed, the size the same
    flipped[len(flipped) // 2] ^= 0x20
    entries[2].write_bytes(bytes(flipped))
    damaged = {entry.name.split("-")[0] for entry in entries[:3]}
    # A body chunk's page count, whichever order the keys' hashes put the entries in: the entry at folio 0 has a
    # count file the build never reads, so damaging it would test nothing.
    kept = [entry for entry in entries[3:] if not entry.stem.endswith("-0")]
    count = kept[0].parent / f"{kept[0].name.split('-')[0]}.pages"
    assert count.stem not in damaged
    count.write_text("1", encoding="ascii")  # a page count that would renumber every page after it
    again = write_pdf(book, tmp_path / "b.pdf", OPTIONS)
    assert laid_out(counted) == 4
    same_book(again, cold)
    (warning,) = [note for note in again.notes if "cache" in note]
    assert "damaged" in warning and "laid out again" in warning
    third = write_pdf(book, tmp_path / "c.pdf", OPTIONS)
    assert laid_out(counted) == 0 and not any("cache" in note for note in third.notes)


@pytest.mark.parametrize("edited_chapter", [5, 30, 55])
def test_a_long_books_cuts_stay_put_after_an_edit(edited_chapter: int) -> None:
    from ebookgen.model import Book, Chapter, Metadata

    from .test_pdf_print import paragraph

    def book_of(extra: int) -> Book:
        chapters = []
        for number in range(1, 61):
            words = 900 + (number * 37) % 700 + (extra if number == edited_chapter else 0)
            chapters.append(Chapter(number=number, title=f"Chapter {number}", blocks=(paragraph(words, number),)))
        return Book(metadata=Metadata(title="Long"), chapters=tuple(chapters))

    before = parallel.split_chapters(book_of(0), 8, 6000, 31)
    after = parallel.split_chapters(book_of(25), 8, 6000, 31)
    assert [index for run in after for index in run] == list(range(60))  # every chapter, once, in order
    moved = [run for run in after if run not in before]
    assert len(before) > 8 and len(moved) <= 2, (before, after)  # the edited run, and at most one cut after it
