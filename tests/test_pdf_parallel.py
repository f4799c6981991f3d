"""The parallel PDF path: chunks laid out in worker processes and joined must make the same book."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest

from ebookgen.pdf.options import PdfOptions
from ebookgen.pdf.parallel import split_chapters
from ebookgen.pdf.trim import parse_trim
from ebookgen.pdf.writer import write_pdf

from .test_pdf_print import (
    annotation_count,
    assert_pdfx_grey,
    contents_listing,
    make_book,
    outline_titles,
    page_texts,
)


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    """A ten-chapter book with parts, laid out in one process and in two workers."""
    folder = tmp_path_factory.mktemp("parallel")
    book = make_book(10)
    options = PdfOptions(jobs=1, recto_head="chapter", year=2030)
    single = write_pdf(book, folder / "single.pdf", options)
    calls: list[tuple[int, int]] = []
    parallel = write_pdf(
        book,
        folder / "parallel.pdf",
        PdfOptions(jobs=2, recto_head="chapter", year=2030),
        progress=lambda *c: calls.append(c),
    )
    return single, parallel, calls


def test_the_book_is_split_into_several_chunks() -> None:
    runs = split_chapters(make_book(10), 8)
    assert len(runs) >= 4
    assert [index for run in runs for index in run] == list(range(10))


@pytest.mark.slow
def test_same_text_on_every_page_as_the_single_process_layout(both) -> None:
    single, parallel, _ = both
    assert parallel.pages == single.pages
    assert page_texts(parallel.path) == page_texts(single.path)


@pytest.mark.slow
def test_same_anchors_and_folios(both) -> None:
    single, parallel, _ = both
    assert parallel.folios == single.folios
    for anchor in ("contents", "part-before-1", "chapter-1", "part-before-3", "chapter-10"):
        assert parallel.anchors[anchor] == single.anchors[anchor]


@pytest.mark.slow
def test_same_page_openings_for_the_epub_page_list(both) -> None:
    single, parallel, _ = both
    assert parallel.page_starts == single.page_starts
    assert any(offset for _, offset in parallel.page_starts), "some page opens inside a paragraph"


@pytest.mark.slow
def test_folios_continue_across_chunks(both) -> None:
    _, parallel, _ = both
    texts = page_texts(parallel.path)
    start = parallel.anchors["part-before-1"] - 1
    printed = [(index, label) for index, label in enumerate(parallel.folios) if label]
    assert len(printed) > 20
    for index, label in printed:
        assert label == str(index - start + 1)
        assert texts[index].strip().splitlines()[-1].strip() == label


@pytest.mark.slow
def test_openers_on_rectos_and_blanks_carry_nothing(both) -> None:
    _, parallel, _ = both
    openers = [page for anchor, page in parallel.anchors.items() if re.fullmatch(r"(chapter|part-before)-\d+", anchor)]
    assert all(page % 2 == 1 for page in openers), openers
    with pikepdf.open(parallel.path) as pdf:
        for index, text in enumerate(page_texts(parallel.path)):
            if not text.strip():
                operators = {str(op) for _, op in pikepdf.parse_content_stream(pdf.pages[index])}
                assert not operators & {"Tj", "TJ", "Do"}, f"page {index + 1} should carry nothing"


@pytest.mark.slow
def test_contents_numbers_match_where_chapters_landed(both) -> None:
    _, parallel, _ = both
    listed = contents_listing(parallel.path, parallel.anchors["contents"])
    for number in range(1, 11):
        assert listed[f"chapter {number}"] == parallel.folios[parallel.anchors[f"chapter-{number}"] - 1]


@pytest.mark.slow
def test_bookmarks_point_at_the_openers(both) -> None:
    single, parallel, _ = both
    with pikepdf.open(parallel.path) as pdf, pikepdf.open(single.path) as reference:
        assert outline_titles(pdf) == outline_titles(reference)
        pages = {page.objgen: index for index, page in enumerate(pdf.pages)}
        with pdf.open_outline() as outline:
            part_two = next(item for item in outline.root if item.title == "Part Two")
            chapter = part_two.children[0]
            assert pages[chapter.destination[0].objgen] == parallel.anchors["chapter-3"] - 1


@pytest.mark.slow
def test_one_embedded_subset_per_face(both) -> None:
    _, parallel, _ = both
    with pikepdf.open(parallel.path) as pdf:
        fonts, programs = {}, set()
        for page in pdf.pages:
            for resources in [page.resources, *form_resources(page)]:
                for font in (resources.get("/Font") or {}).values():
                    fonts.setdefault(str(font.BaseFont), set()).add(font.objgen)
                    descriptor = font.DescendantFonts[0].FontDescriptor
                    programs.add(descriptor.FontFile2.objgen)
    assert len(fonts) == 2 and all(len(objects) == 1 for objects in fonts.values()), fonts
    assert all("+EB-Garamond" in name for name in fonts)
    assert len(programs) == 2


def form_resources(page) -> list:
    """Return the resources of the forms (overlays) drawn on a page."""
    found = []
    for xobject in (page.resources.get("/XObject") or {}).values():
        if xobject.get("/Subtype") == "/Form" and "/Resources" in xobject:
            found.append(xobject.Resources)
    return found


@pytest.mark.slow
def test_progress_reports_every_chapter(both) -> None:
    _, _, calls = both
    assert calls[0] == (0, 10) and calls[-1] == (10, 10)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


@pytest.mark.slow
@pytest.mark.parametrize("profile", ["screen", "kdp", "ingram"])
def test_profiles_in_parallel(profile: str, tmp_path: Path) -> None:
    options = PdfOptions(jobs=2, profile=profile, bleed=profile == "ingram", trim=parse_trim("6x9"))
    result = write_pdf(make_book(8, parts=False), tmp_path / "book.pdf", options)
    with pikepdf.open(result.path) as pdf:
        if profile == "kdp":
            assert outline_titles(pdf) == [] and annotation_count(pdf) == 0
        elif profile == "ingram":
            assert_pdfx_grey(pdf)
            for page in pdf.pages:  # the blank versos the joiner adds keep the trim and bleed too
                trim, media = [float(v) for v in page.trimbox], [float(v) for v in page.mediabox]
                assert (trim[2] - trim[0], media[2] - media[0]) == pytest.approx((432, 441), abs=0.1)  # issue 14
        else:
            links = pdf.pages[result.anchors["contents"] - 1].obj.Annots
            pages = {page.objgen: index for index, page in enumerate(pdf.pages)}
            targets = {pages[link.A.D[0].objgen] + 1 for link in links if link.A.S == "/GoTo"}
            assert {result.anchors[f"chapter-{n}"] for n in range(1, 9)} <= targets


def test_a_chunk_that_fails_stops_the_build_with_one_error(tmp_path: Path, monkeypatch) -> None:
    import ebookgen.pdf.parallel as parallel
    from ebookgen.errors import RenderError

    real = parallel.lay_out

    def failing(html: str, css: str, options: PdfOptions):
        if 'id="chapter-2"' in html:  # the workers are forked from this process, so they fail too
            raise RenderError("PDF layout failed: a broken chapter")
        return real(html, css, options)

    monkeypatch.setattr(parallel, "lay_out", failing)
    with pytest.raises(RenderError, match="broken chapter|chunks before this one"):
        write_pdf(make_book(8, parts=False), tmp_path / "book.pdf", PdfOptions(jobs=2))
    assert not (tmp_path / "book.pdf").exists()


def test_workers_start_early_only_for_a_long_manuscript_or_when_asked() -> None:
    from ebookgen.pdf.parallel import Crew, early_crew

    with early_crew(20_000, PdfOptions(jobs=0)) as crew:
        assert crew is None  # a short story is laid out in this process
    with early_crew(50_000_000, PdfOptions(jobs=1)) as crew:
        assert crew is None
    with early_crew(20_000, PdfOptions(jobs=2)) as crew:
        assert isinstance(crew, Crew) and crew.workers == 2


@pytest.mark.slow
def test_one_crew_lays_out_book_after_book(both, tmp_path: Path) -> None:
    """The folio channel is reset between layouts: a crew's second book numbers its pages like the first."""
    from ebookgen.pdf.parallel import Crew

    single, parallel, _ = both
    options = PdfOptions(jobs=2, recto_head="chapter", year=2030)
    with Crew(2) as crew:
        short = write_pdf(make_book(6, parts=False), tmp_path / "short.pdf", options, crew=crew)
        again = write_pdf(make_book(10), tmp_path / "again.pdf", options, crew=crew)
    assert (
        short.folios
        == write_pdf(
            make_book(6, parts=False), tmp_path / "one.pdf", PdfOptions(jobs=1, recto_head="chapter", year=2030)
        ).folios
    )
    assert again.folios == single.folios and again.anchors == single.anchors
    assert page_texts(again.path) == page_texts(single.path)


def test_the_join_subsets_faces_alike_with_harfbuzz_or_fonttools() -> None:
    """HarfBuzz-Subset is the quick way, fontTools the stand-in: same glyphs at the same ids, same widths."""
    from io import BytesIO

    from fontTools.ttLib import TTFont

    from ebookgen.pdf.join import face_files, fonttools_subset, harfbuzz_subset

    gids = frozenset({3, 4, 5, 68, 69, 70, 300, 1200})
    path = face_files()["EB-Garamond-Italic"]
    try:
        quick = TTFont(BytesIO(harfbuzz_subset(path, gids)))
    except OSError:
        pytest.skip("HarfBuzz-Subset is not installed")
    slow = TTFont(BytesIO(fonttools_subset(path, gids)))
    full = TTFont(path)
    assert quick["maxp"].numGlyphs == slow["maxp"].numGlyphs
    for font in (quick, slow):
        assert "GSUB" not in font and "GPOS" not in font
        assert font["maxp"].numGlyphs > max(gids)  # ids kept: the pages' glyph codes stay valid
        order, original = font.getGlyphOrder(), full.getGlyphOrder()
        for gid in gids:
            glyph, source = font["glyf"][order[gid]], full["glyf"][original[gid]]
            assert glyph.numberOfContours == source.numberOfContours and glyph.numberOfContours != 0
            assert font["hmtx"][order[gid]] == full["hmtx"][original[gid]]
        dropped = [gid for gid in range(6, 60) if font["glyf"][order[gid]].numberOfContours]
        assert not dropped  # glyphs no page uses are emptied
