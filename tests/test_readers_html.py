"""The HTML readers: an AO3 download, a FanFiction.Net page, FanFicFare's HTML and a blog page, written by hand."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from html import escape
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.readers.table import read_source

from .conftest import epubcheck_later
from .fanfiles import AO3_CHAPTERS, ao3_html, blog_page, fanficfare_html, ffn_page
from .readergolden import PRINTED_MARKUP, assert_every_word_reaches, assert_golden, book_text

runner = CliRunner()
PAGES = {"ao3-download": ao3_html, "ffn-page": ffn_page, "fanficfare-html": fanficfare_html, "blog-page": blog_page}
AO3_STORY = " ".join(text for _, _, text, _ in AO3_CHAPTERS)


def written(tmp_path: Path, name: str) -> Path:
    """Write one of the pages to a file."""
    path = tmp_path / f"{name}.html"
    path.write_text(PAGES[name](), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", sorted(PAGES))
def test_each_page_reads_as_its_golden_raw_text(tmp_path: Path, name: str, update_goldens: bool) -> None:
    assert_golden(name, read_source(written(tmp_path, name)), update_goldens)


def test_an_ao3_download_gives_the_works_metadata(tmp_path: Path) -> None:
    found = read_source(written(tmp_path, "ao3-download")).metadata
    assert (found.title, found.author) == ("The Ferry at Six", "inkwell_writes")
    assert found.description == "Two strangers, one late ferry."
    assert found.subjects == (
        "Harbour Lights (TV)",
        "Mara/Tom",
        "Mara Quinn",
        "Tom Hale",
        "Fluff",
        "Hurt/Comfort",
        "F/M",
    )
    assert found.rating == "Teen And Up Audiences" and found.warnings == ("No Archive Warnings Apply",)
    assert (found.series, found.series_index) == ("Crossings", "2")
    assert found.source == "https://archiveofourown.org/works/98765" and found.date == "2024-02-01"
    assert found.language == "en"


def test_an_ao3_downloads_notes_are_authors_notes_and_its_messages_left_out(tmp_path: Path) -> None:
    source = read_source(written(tmp_path, "ao3-download"))
    text = source.text
    assert text.startswith("# Chapter 1: The Ferry\n\n::: note Notes\n\nWritten for the Crossings exchange.\n\n:::")
    assert "::: note Chapter Notes\n\nThanks to my beta, *rosehip*!" in text
    assert "::: note Chapter End Notes\n\nMore soon." in text
    assert text.rstrip().endswith("::: note End Notes\n\nThank you for reading!\n\n:::")
    for furniture in ("Posted originally", "Please drop by", "See the end", "Preface", "Afterword", "Rating"):
        assert furniture not in text
    assert "*Row, row, row your boat*\\\n*gently down the stream*" in text  # <br/> lines kept as lines.


def test_an_ao3_download_builds_an_epub_with_its_metadata_and_every_word(tmp_path: Path) -> None:
    epub = tmp_path / "ferry.epub"
    result = runner.invoke(app, ["epub", str(written(tmp_path, "ao3-download")), "-o", str(epub)])
    assert result.exit_code == 0, result.output
    assert_every_word_reaches(epub, AO3_STORY)
    with zipfile.ZipFile(epub) as archive:
        opf = archive.read("EPUB/content.opf").decode()
        nav = archive.read("EPUB/nav.xhtml").decode()
    for subject in ("Harbour Lights (TV)", "Mara/Tom", "Teen And Up Audiences", "No Archive Warnings Apply"):
        assert f"<dc:subject>{subject}</dc:subject>" in opf
    assert "<dc:source>https://archiveofourown.org/works/98765</dc:source>" in opf
    assert 'content="Crossings"' in opf and 'name="calibre:series_index" content="2"' in opf
    assert "<dc:description>Two strangers, one late ferry.</dc:description>" in opf
    assert "Chapter 1: The Ferry" in nav and "Chapter 2: Ashore" in nav
    pages = book_text(epub)
    assert "Written for the Crossings exchange." in pages and "author-note" in pages
    epubcheck_later(epub)


@pytest.mark.parametrize("name", ["ffn-page", "fanficfare-html"])
def test_a_fan_fiction_page_builds_a_valid_epub_with_its_metadata(tmp_path: Path, name: str) -> None:
    epub = tmp_path / f"{name}.epub"
    result = runner.invoke(app, ["epub", str(written(tmp_path, name)), "-o", str(epub)])
    assert result.exit_code == 0, result.output
    source = read_source(written(tmp_path, name))
    with zipfile.ZipFile(epub) as archive:
        opf = archive.read("EPUB/content.opf").decode()
    assert (
        f"<dc:title>{source.metadata.title}</dc:title>" in opf
        and f"<dc:subject>{source.metadata.rating}</dc:subject>" in opf
    )
    assert_every_word_reaches(epub, source.text.split("\n", 2)[2].replace("*", ""))
    epubcheck_later(epub)


def test_a_blog_pages_navigation_comments_and_scripts_are_left_out(tmp_path: Path) -> None:
    epub = tmp_path / "keeper.epub"
    result = runner.invoke(app, ["epub", str(written(tmp_path, "blog-page")), "-o", str(epub)])
    assert result.exit_code == 0, result.output
    pages = book_text(epub)
    assert "The lighthouse keeper had not spoken" in pages and "<em>not</em> come home" in pages
    for furniture in ("Loved this", "Share this", "Categories", "analytics", "Copyright 2024", "About"):
        assert furniture not in pages
    with zipfile.ZipFile(epub) as archive:
        assert "<dc:title>The Keeper</dc:title>" in archive.read("EPUB/content.opf").decode()
    epubcheck_later(epub)


def test_a_page_that_is_only_a_story_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "story.htm"
    path.write_text(
        "<html><body><h1>Short</h1><p>One.</p><p>Two <b>bold</b> words.</p><p class='center'>#</p><p>Three.</p>"
        "<table><tr><td>a cell</td></tr></table><iframe>embedded words</iframe></body></html>",
        encoding="utf-8",
    )
    source = read_source(path)
    assert source.text == "# Short\n\nOne.\n\nTwo **bold** words.\n\n* * *\n\nThree.\n\na cell\n"
    assert source.unmapped == (
        "a table (1 row) was read as paragraphs (line 1)",  # the page's own line: it is all on one
        'an embedded frame was dropped: "embedded words" (line 1)',
    )
    assert not PRINTED_MARKUP.search(source.text.replace("# Short", "").replace("**bold**", ""))


def test_a_fanfiction_net_page_gives_its_chapter_and_profile(tmp_path: Path) -> None:
    source = read_source(written(tmp_path, "ffn-page"))
    assert source.text.startswith("# Chapter 2: Rain\n\nThe rain came off the sea in sheets.")
    assert "Great chapter" not in source.text and "Privacy" not in source.text
    found = source.metadata
    assert (found.title, found.author, found.rating) == ("The Long Way Round", "quillfeather", "Fiction T")
    assert found.subjects == ("Harbour Lights",)


def test_fanficfare_html_info_lines_are_metadata_not_text(tmp_path: Path) -> None:
    source = read_source(written(tmp_path, "fanficfare-html"))
    assert "Status" not in source.text and "Words:" not in source.text
    assert source.text.startswith("# Chapter 1: North\n\nThey walked north along the salt road, *singing*.")
    assert source.metadata.rating == "General Audiences" and source.metadata.date == "2022-09-10"


def test_check_names_the_html_reader(tmp_path: Path) -> None:
    path = written(tmp_path, "ao3-download")
    result = runner.invoke(app, ["check", str(path)])
    assert f"{path}: read by the AO3 download reader" in result.stderr
    assert f"{path}: warning: AO3's preface and afterword messages left out" in result.stdout


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_an_ao3_download_prints_as_a_pdf_with_every_word_and_no_markup(tmp_path: Path) -> None:
    pdf = tmp_path / "ferry.pdf"
    result = runner.invoke(app, ["pdf", str(written(tmp_path, "ao3-download")), "-o", str(pdf)])
    assert result.exit_code == 0, result.output
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    import pikepdf

    with pikepdf.open(pdf) as document:
        keywords = str(document.docinfo.get("/Keywords", ""))
    assert "Teen And Up Audiences" in keywords and "Mara/Tom" in keywords
    for marks in (":::", "[^", "**", "\\", "<em>", "userstuff"):
        assert marks not in text
    flat = " ".join(text.split())
    initials = re.sub(r"(?<!\w)([A-Z]) ([a-z]+)", r"\1\2", flat)  # an opener's initial is a letter of its own
    for sentence in ("The ferry left at six.", "Nobody waited on the pier.", "Written for the Crossings exchange."):
        assert sentence in flat or sentence in initials


def test_a_saved_pages_pictures_beside_it_are_figures_and_remote_ones_are_named(tmp_path: Path) -> None:
    from .wordfiles import png_bytes

    (tmp_path / "story_files").mkdir()
    (tmp_path / "story_files" / "map.png").write_bytes(png_bytes())
    path = tmp_path / "story.html"
    path.write_text(
        '<p>The map:</p><p><img src="story_files/map.png" alt="A map"></p>'
        '<p><img src="https://example.org/far.png" alt="Far away"></p><p>The end.</p>',
        encoding="utf-8",
    )
    source = read_source(path)
    assert source.text == "The map:\n\n![A map](story_files/map.png)\n\nThe end.\n"
    assert source.unmapped == ('an image ("Far away") was left out: its file is not in the source (line 1)',)
    epub = tmp_path / "story.epub"
    result = runner.invoke(app, ["epub", str(path), "-o", str(epub)])
    assert result.exit_code == 0, result.output
    assert 'alt="A map"' in book_text(epub)
    epubcheck_later(epub)


TAGS = ("", "em", "i", "strong", "b", "span", "u", "a", "sup")


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.lists(
            st.tuples(st.sampled_from(TAGS), st.text(alphabet="abcXYZ é’“”,.;!?&<>", min_size=1, max_size=12)),
            min_size=1,
            max_size=6,
        ),
        min_size=1,
        max_size=5,
    )
)
def test_every_word_of_a_page_reaches_its_blocks_and_no_tag_does(paragraphs) -> None:
    import lxml.html

    from ebookgen.model import Paragraph, plain_text
    from ebookgen.readers.htmltext import map_html

    html = "".join(
        "<p>" + "".join(f"<{tag}>{escape(text)}</{tag}>" if tag else escape(text) for tag, text in runs) + "</p>"
        for runs in paragraphs
    )
    mapped = map_html(lxml.html.fragment_fromstring(html, create_parent="div"), "")
    typed = " ".join("".join(text for _, text in runs) for runs in paragraphs)
    words = " ".join(plain_text(block.inlines) for block in mapped.blocks if isinstance(block, Paragraph))
    assert words.split() == typed.split() or not typed.strip()
    assert "<em" not in words and "<p" not in words and "</" not in words


def test_an_ao3_chapter_by_other_hands_keeps_its_byline(tmp_path: Path) -> None:
    path = tmp_path / "ferry.html"
    byline = '<h2 class="heading">Chapter 2: Ashore</h2>\n<p class="byline">by <a href="/users/rosehip">rosehip</a></p>'
    path.write_text(ao3_html().replace('<h2 class="heading">Chapter 2: Ashore</h2>', byline), encoding="utf-8")
    assert "# Chapter 2: Ashore\n\n::: note Chapter Byline\n\nby rosehip\n\n:::" in read_source(path).text


@pytest.mark.parametrize("text", ["   \n", "<!-- only a comment -->", "<html><body><p></p></body></html>"])
def test_a_page_with_no_text_is_refused_as_empty(tmp_path: Path, text: str) -> None:
    path = tmp_path / "story.html"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["epub", str(path), "-o", str(tmp_path / "out.epub")])
    assert result.exit_code == 2 and "the file is empty" in result.stderr


def test_a_google_docs_html_exports_class_styles_are_mapped(tmp_path: Path) -> None:
    path = tmp_path / "draft.html"
    path.write_text(
        '<html><head><style type="text/css">.c1{font-weight:700}.c2{font-style:italic}.c4{text-align:center}'
        ".c5{page-break-before:always}</style></head><body>"
        '<p class="c0"><span>She said </span><span class="c2">nothing</span><span> at </span>'
        '<span class="c1 c2">all</span><span>.</span></p><p class="c4"><span>***</span></p>'
        '<p class="c0 c5"><span>Next day.</span></p></body></html>',
        encoding="utf-8",
    )
    assert read_source(path).text == "She said *nothing* at ***all***.\n\n* * *\n\n\f\n\nNext day.\n"
