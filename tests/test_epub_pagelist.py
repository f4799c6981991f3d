"""The print edition's page list in the EPUB: pure mapping rules, then `ebookgen build` against its own PDF."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.epub.pagelist import PageBreak, page_breaks

from .conftest import epubcheck_later
from .epubtools import EPUB_TYPE, NS, Epub
from .pagelist_reference import insert_page_breaks, places_in

runner = CliRunner()
PLACES = ["chapter-1", "block-1-1", "block-1-2", "block-1-3", "chapter-2", "block-2-1", "block-2-2"]


def test_each_numbered_page_begins_at_its_first_block() -> None:
    anchors = {"chapter-1": 3, "block-1-1": 3, "block-1-2": 4, "block-1-3": 4, "chapter-2": 5, "block-2-1": 5}
    anchors["block-2-2"] = 6
    folios = ["", "", "1", "2", "3", "4"]
    assert [(b.label, b.page, b.before) for b in page_breaks(PLACES, anchors, folios)] == [
        ("1", 3, "chapter-1"),
        ("2", 4, "block-1-2"),
        ("3", 5, "chapter-2"),
        ("4", 6, "block-2-2"),
    ]


def test_a_page_inside_a_long_paragraph_begins_at_that_paragraph() -> None:
    anchors = {"chapter-1": 1, "block-1-1": 1, "block-1-2": 1, "block-1-3": 4}
    breaks = page_breaks(PLACES[:4], anchors, ["1", "2", "3", "4"])
    assert [(b.label, b.before) for b in breaks] == [
        ("1", "chapter-1"),
        ("2", "block-1-2"),
        ("3", "block-1-2"),
        ("4", "block-1-3"),
    ]


def test_a_page_that_opens_inside_a_paragraph_gets_its_marker_inside_it() -> None:
    anchors = {"chapter-1": 1, "block-1-1": 1, "block-1-2": 1, "block-1-3": 3}
    openings = [("chapter-1-title", 0), ("block-1-2", 120), ("block-1-2", 260), ("block-1-3", 0)]
    breaks = page_breaks(PLACES[:4], anchors, ["1", "2", "3", "4"], openings)
    assert [(b.label, b.before, b.offset) for b in breaks] == [
        ("1", "chapter-1", 0),
        ("2", "block-1-2", 120),
        ("3", "block-1-2", 260),
        ("4", "block-1-3", 0),
    ]


def test_a_mid_paragraph_marker_goes_before_the_next_whole_word() -> None:
    section = '<section id="c">\n<p id="c-1">One &amp; two <em>three four</em> fi<em>ve</em> six</p>\n</section>'
    span = '<span epub:type="pagebreak" role="doc-pagebreak" id="page-{0}" aria-label="{0}" title="{0}"></span>'
    at = {n: PageBreak(str(n), n, "c-1", f"page-{n}", offset) for n, offset in ((1, 3), (2, 4), (3, 6), (4, 17))}
    assert f"One {span.format(1)}&amp; two" in insert_page_breaks(section, [at[1]])  # "&" is one character.
    assert f"&amp; {span.format(2)}two" in insert_page_breaks(section, [at[2]])  # Mid-word: the next word.
    assert f"<em>{span.format(3)}three four" in insert_page_breaks(section, [at[3]])
    assert f"</em> {span.format(4)}six</p>" in insert_page_breaks(section, [at[4]])  # "fi|ve" is one word.
    both = insert_page_breaks(section, [at[1], at[3]])
    assert both.index('id="page-1"') < both.index('id="page-3"')


def test_blank_and_unnumbered_pages_get_no_marker_and_labels_stay_unique() -> None:
    anchors = {"chapter-1": 2, "block-1-1": 2, "block-1-2": 2, "block-1-3": 3, "chapter-2": 5}
    breaks = page_breaks(PLACES, anchors, ["i", "ii", "1", "", "3", "1"])
    assert [(b.label, b.page, b.marker_id) for b in breaks] == [
        ("ii", 2, "page-ii"),
        ("1", 3, "page-1"),
        ("3", 5, "page-3"),
        ("1", 6, "page-p6"),
    ]


def test_markers_go_inside_blocks_and_before_breaks() -> None:
    section = (
        '<section epub:type="chapter" id="chapter-1">\n<h2>One</h2>\n'
        '<p id="block-1-1">A.</p>\n<hr id="block-1-2" class="scene-break"/>\n<p id="block-1-3">B.</p>\n</section>'
    )
    breaks = [PageBreak("7", 9, "chapter-1", "page-7"), PageBreak("8", 10, "block-1-2", "page-8")]
    breaks.append(PageBreak("9", 11, "block-1-3", "page-9"))
    marked = insert_page_breaks(section, breaks)
    span = '<span epub:type="pagebreak" role="doc-pagebreak" id="page-{0}" aria-label="{0}" title="{0}"></span>'
    assert marked.startswith(f'<section epub:type="chapter" id="chapter-1">{span.format(7)}\n<h2>')
    assert f'{span.format(8)}<hr id="block-1-2"' in marked
    assert f'<p id="block-1-3">{span.format(9)}B.</p>' in marked
    assert places_in("chapter-1", marked) == ["chapter-1", "block-1-1", "block-1-2", "block-1-3"]


def story() -> str:
    """A manuscript of four chapters, long enough for several pages each, one paragraph longer than a page."""
    sentence = "The {0} river ran past the mill at dawn, and nobody in the village spoke of it again."
    words = ["grey", "slow", "cold", "wide", "brown", "quiet", "old", "deep", "green", "dark"]
    chapters = []
    for number in range(1, 5):
        paragraphs = [" ".join(sentence.format(words[(n + k) % 10]) for k in range(1 + n % 5)) for n in range(24)]
        paragraphs[6] = f"Paragraph {number}-7 opens here. " + " ".join(sentence.format(w) for w in words * 5)
        paragraphs[12] = "* * *"
        chapters.append(f"Chapter {number}\n\n" + "\n\n".join(paragraphs))
    return "\n\n".join(chapters) + "\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Epub, PdfReader, Path]:
    folder = tmp_path_factory.mktemp("build")
    source = folder / "river_book.txt"
    source.write_text(story(), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1700000000")
        result = runner.invoke(app, ["build", str(source), "-o", str(folder / "out")])
    assert result.exit_code == 0, result.output
    epub = folder / "out" / "river-book.epub"
    return Epub(epub), PdfReader(folder / "out" / "river-book.pdf"), epub


@pytest.mark.slow
def test_built_epub_passes_epubcheck(built) -> None:
    epubcheck_later(built[2])


@pytest.mark.slow
def test_page_list_matches_the_pdf_pages(built) -> None:
    book, pdf, _ = built
    page_list = book.nav().find(".//x:nav[@epub:type='page-list']", NS)
    assert page_list.get("hidden") == "hidden"
    labels = [a.text for a in page_list.iterfind(".//x:a", NS)]
    texts = [page.extract_text() for page in pdf.pages]
    numbered = [index for index, text in enumerate(texts) if re.search(r"\n\s*\d+\s*$", text)]
    assert len(pdf.pages) >= 12 and labels == [re.search(r"(\d+)\s*$", texts[index]).group(1) for index in numbered]
    numbers = [int(label) for label in labels]
    # Folios run from 1 without gaps except the blank versos that carry none.
    assert numbers[0] == 1 and numbers == sorted(set(numbers)) and len(numbers) >= numbers[-1] - numbers[-1] // 4
    ncx_labels = [t.text for t in book.ncx().iterfind(".//ncx:pageTarget/ncx:navLabel/ncx:text", NS)]
    assert ncx_labels == labels


def words_after(marker, count: int = 4) -> str:
    """Return the first words of the text that follows a marker in its document."""
    following = []
    for node in marker.itersiblings():
        following.append(" " + "".join(node.itertext()) + " " + (node.tail or ""))
    parent = marker.getparent()
    tail = (marker.tail or "") + " ".join(following)
    if not tail.strip():
        tail = "".join(parent.getnext().itertext()) if parent.getnext() is not None else ""
    return " ".join(tail.split()[:count])


@pytest.mark.slow
def test_markers_sit_where_the_pdf_pages_begin(built) -> None:
    book, pdf, _ = built
    pages = {}
    for index, page in enumerate(pdf.pages):
        found = re.search(r"(\d+)\s*$", page.extract_text())
        if found:
            pages[found.group(1)] = index
    # The theme's opener ornament (a fleuron under the heading) is drawn by the stylesheet, not the book's text.
    texts = [" ".join(re.sub("[\u2619\u2766\u2767]", " ", page.extract_text()).split()) for page in pdf.pages]
    for link in book.nav().iterfind(".//x:nav[@epub:type='page-list']//x:a", NS):
        document, marker_id = link.get("href").split("#")
        marker = book.xml(document).find(f".//*[@id='{marker_id}']", NS)
        assert marker.get(EPUB_TYPE) == "pagebreak" and marker.get("aria-label") == link.text
        words = words_after(marker)
        index = pages[link.text]
        opens = texts[index].startswith(words) or texts[index].startswith("Chapter")
        # A page that opens with the tail of a word hyphenated on the page before begins at the next whole word.
        hyphenated = re.search(r"\w[\u2010-] ", texts[index - 1][-80:])  # before the running head and folio
        tail = hyphenated and texts[index].split(" ", 1)[-1].startswith(words)
        assert opens or tail, (link.text, words)
        assert words in texts[index], (link.text, words)


@pytest.mark.slow
def test_the_parallel_layout_gives_the_same_page_list(built, tmp_path: Path) -> None:
    from ebookgen.build import build_all
    from ebookgen.pdf.options import PdfOptions

    source = tmp_path / "river_book.txt"
    source.write_text(story(), encoding="utf-8")
    result = build_all(source, tmp_path / "out", pdf_options=PdfOptions(jobs=2))
    assert result.epub.path.read_bytes() == built[2].read_bytes()


@pytest.mark.slow
def test_print_edition_metadata(built) -> None:
    book, pdf, _ = built
    features = book.metas("schema:accessibilityFeature")
    assert "pageBreakMarkers" in features and "pageNavigation" in features
    source = book.opf.find(".//dc:source", NS)
    assert f"print edition of {len(pdf.pages)} pages" in source.text
    refines = book.opf.find(f".//opf:meta[@refines='#{source.get('id')}']", NS)
    assert refines.get("property") == "source-of" and refines.text == "pagination"
