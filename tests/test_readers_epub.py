"""The EPUB reader: FanFicFare's, AO3's and a Calibre-made EPUB typeset again; locked and broken ones refused."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.project.manuscript import load_project
from ebookgen.readers.table import read_source

from .conftest import epubcheck_later
from .fanfiles import AO3_CHAPTERS, ao3_epub, ao3_html, write_epub
from .foreign import CHAPTERS, fanficfare_epub, page
from .readergolden import assert_every_word_reaches, assert_golden, book_text
from .wordfiles import png_bytes, word_manuscript

runner = CliRunner()
ENCRYPTION = (
    '<?xml version="1.0"?><encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
    'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
    '<enc:EncryptionMethod Algorithm="{algorithm}"/><enc:CipherData><enc:CipherReference URI="{uri}"/>'
    "</enc:CipherData></enc:EncryptedData></encryption>"
)


def calibre_epub(path: Path) -> Path:
    """A Calibre-made EPUB: a cover page, a chapter split across two files, straight quotes, a picture, a series."""
    pages = {
        "text/cover.xhtml": page("Cover", '<div><img src="../images/cover.png" alt="cover"/></div>'),
        "text/ch1.xhtml": page("Chapter One", '<h1>Chapter One</h1>\n<p>"Wait," she said. It\'s late.</p>'),
        "text/ch1_split_001.xhtml": page(
            "Chapter One", '<p>The second half of <span class="calibre5">chapter one</span>.</p>'
        ),
        "text/ch2.xhtml": page(
            "Chapter Two",
            "<h1>Chapter Two</h1>\n<p>The map:</p>\n"
            '<div class="fig"><img src="../images/map.png" alt="A map of the coast"/></div>\n'
            "<p>They left at dawn.</p>",
        ),
    }
    extra = {"images/cover.png": png_bytes(), "images/map.png": png_bytes()}
    extra["text/stylesheet.css"] = b".calibre { display: block } .calibre5 { font-style: italic }"
    write_epub(
        path,
        pages,
        "The Coast Road",
        "M. Hale",
        "calibre (6.13)",
        extra,
    )
    with zipfile.ZipFile(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    opf = files["content.opf"].decode()
    opf = opf.replace(
        "</metadata>",
        '<meta name="calibre:series" content="Coastlines"/>'
        '<meta name="calibre:series_index" content="3.0"/></metadata>',
    )
    images = "".join(
        f'<item id="{name}" href="images/{name}.png" media-type="image/png"/>' for name in ("cover", "map")
    )
    images += '<item id="css" href="text/stylesheet.css" media-type="text/css"/>'
    files["content.opf"] = opf.replace("</manifest>", f"{images}</manifest>").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", files.pop("mimetype"), compress_type=zipfile.ZIP_STORED)
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def test_a_fanficfare_epub_reads_as_its_golden_raw_text(tmp_path: Path, update_goldens: bool) -> None:
    assert_golden("fanficfare-epub", read_source(fanficfare_epub(tmp_path / "ferry.epub")), update_goldens)


def test_an_ao3_epub_reads_as_its_golden_raw_text(tmp_path: Path, update_goldens: bool) -> None:
    assert_golden("ao3-epub", read_source(ao3_epub(tmp_path / "ferry.epub")), update_goldens)


def test_a_calibre_epub_reads_as_its_golden_raw_text(tmp_path: Path, update_goldens: bool) -> None:
    assert_golden("calibre-epub", read_source(calibre_epub(tmp_path / "coast.epub")), update_goldens)


def test_fanficfares_title_and_contents_pages_are_not_chapters(tmp_path: Path) -> None:
    source = read_source(fanficfare_epub(tmp_path / "ferry.epub"))
    assert source.text.startswith("# Chapter 1: The Ferry\n")
    assert source.text.count("\n# ") + 1 == 2 and "Table of Contents" not in source.text and "Words" not in source.text
    found = source.metadata
    assert (found.title, found.author, found.language) == ("The Ferry at Six", "inkwell_writes", "en")
    assert found.source == "https://archiveofourown.org/works/98765" and found.subjects == (
        "Fanfiction",
        "Hurt/Comfort",
    )
    assert found.date == "2024-02-01"


def test_an_ao3_epub_reads_as_the_ao3_download_it_holds(tmp_path: Path) -> None:
    from_epub = read_source(ao3_epub(tmp_path / "ferry.epub"))
    html = tmp_path / "ferry.html"
    html.write_text(ao3_html(), encoding="utf-8")
    assert from_epub.text == read_source(html).text
    assert from_epub.metadata.rating == "Teen And Up Audiences" and from_epub.metadata.series_index == "2"


def test_a_downloaded_epub_is_typeset_again_with_every_word(tmp_path: Path) -> None:
    out = tmp_path / "again.epub"
    result = runner.invoke(app, ["epub", str(fanficfare_epub(tmp_path / "ferry.epub")), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert_every_word_reaches(out, " ".join(text for _, paragraphs in CHAPTERS for text in paragraphs))
    with zipfile.ZipFile(out) as archive:
        opf = archive.read("EPUB/content.opf").decode()
    assert "<dc:title>The Ferry at Six</dc:title>" in opf
    assert "<dc:source>https://archiveofourown.org/works/98765</dc:source>" in opf
    epubcheck_later(out)


def test_a_calibre_epub_keeps_its_series_picture_and_curls_its_quotes(tmp_path: Path) -> None:
    out = tmp_path / "coast-again.epub"
    result = runner.invoke(app, ["epub", str(calibre_epub(tmp_path / "coast.epub")), "-o", str(out)])
    assert result.exit_code == 0, result.output
    pages = book_text(out)
    assert "\u201cWait,\u201d she said. It\u2019s late." in pages  # Straight quotes curled by the normaliser.
    assert "The second half of <em>chapter one</em>." in pages  # Calibre's italic class.
    assert pages.count('class="chapter-title"') == 2
    assert 'alt="A map of the coast"' in pages and 'alt="cover"' not in pages
    with zipfile.ZipFile(out) as archive:
        opf = archive.read("EPUB/content.opf").decode()
    assert 'content="Coastlines"' in opf and 'name="calibre:series_index" content="3"' in opf
    epubcheck_later(out)


def locked(path: Path, how: str) -> Path:
    """Make a FanFicFare EPUB locked with DRM, broken, or a zip bomb."""
    fanficfare_epub(path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        if how == "encrypted":
            archive.writestr(
                "META-INF/encryption.xml",
                ENCRYPTION.format(algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc", uri="OEBPS/file0001.xhtml"),
            )
        elif how == "adobe":
            archive.writestr("META-INF/rights.xml", "<rights/>")
        elif how == "bomb":
            archive.writestr("OEBPS/huge.xhtml", b"\0" * (8 * 1024 * 1024))
    if how == "no container":
        with zipfile.ZipFile(path) as archive:
            files = {name: archive.read(name) for name in archive.namelist() if name != "META-INF/container.xml"}
        with zipfile.ZipFile(path, "w") as archive:
            for name, data in files.items():
                archive.writestr(name, data)
    if how == "truncated":
        path.write_bytes(path.read_bytes()[:300])
    return path


@pytest.mark.parametrize(
    ("how", "said"),
    [
        ("encrypted", "locked with DRM (its text is encrypted)"),
        ("adobe", "locked with DRM (Adobe)"),
        ("bomb", "refused as a zip bomb"),
        ("no container", "has no META-INF/container.xml; it is broken"),
        ("truncated", "not a readable EPUB"),
    ],
)
def test_a_locked_broken_or_bombed_epub_is_refused_in_one_line(tmp_path: Path, how: str, said: str) -> None:
    path = locked(tmp_path / "story.epub", how)
    before = path.read_bytes()
    for command in ("epub", "pdf", "check"):
        result = runner.invoke(
            app,
            [command, str(path), "-o", str(tmp_path / f"out.{command}")]
            if command != "check"
            else [command, str(path)],
        )
        assert result.exit_code == 2, (command, result.output)
        assert said in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert path.read_bytes() == before
    assert sorted(item.name for item in tmp_path.iterdir()) == ["story.epub"]


def test_obfuscated_fonts_alone_do_not_lock_an_epub(tmp_path: Path) -> None:
    path = fanficfare_epub(tmp_path / "story.epub")
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr(
            "META-INF/encryption.xml",
            ENCRYPTION.format(algorithm="http://www.idpf.org/2008/embedding", uri="OEBPS/font.otf"),
        )
    assert read_source(path).text.startswith("# Chapter 1: The Ferry")


def test_a_chapters_list_names_word_html_and_epub_files(tmp_path: Path) -> None:
    folder = tmp_path / "omnibus"
    folder.mkdir()
    word_manuscript(folder / "one.docx")
    (folder / "two.html").write_text(ao3_html(), encoding="utf-8")
    fanficfare_epub(folder / "three.epub")
    (folder / "book.toml").write_text(
        'title = "Omnibus"\nchapters = ["one.docx", "two.html", "three.epub"]\n', encoding="utf-8"
    )
    assert [path.name for path in load_project(folder).sources] == ["one.docx", "two.html", "three.epub"]
    out = tmp_path / "omnibus.epub"
    result = runner.invoke(app, ["epub", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    pages = book_text(out)
    for words in ("The lamp burned all night.", "Nobody waited on the pier.", "The ferry left at six. It was late!"):
        assert words in pages
    assert AO3_CHAPTERS[0][0] in pages
    epubcheck_later(out)


def test_a_folder_reads_its_word_and_html_files_but_not_an_epub_built_there(tmp_path: Path) -> None:
    folder = tmp_path / "novel"
    folder.mkdir()
    word_manuscript(folder / "01-draft.docx")
    (folder / "02-more.html").write_text("<p>More.</p>", encoding="utf-8")
    fanficfare_epub(folder / "novel.epub")
    assert [path.name for path in load_project(folder).sources] == ["01-draft.docx", "02-more.html"]


def test_an_ebookgen_epub_read_again_keeps_its_notes_and_figures(tmp_path: Path) -> None:
    first = tmp_path / "lamp.epub"
    result = runner.invoke(app, ["epub", str(word_manuscript(tmp_path / "lamp.docx")), "-o", str(first)])
    assert result.exit_code == 0, result.output
    source = read_source(first)
    assert "mine.[^1]" in source.text and "[^1]: The lamp was her grandmother’s." in source.text
    assert "![The lamp in the window](" in source.text and source.resources
    assert "Title Page" not in source.text and "Contents" not in source.text and "rights reserved" not in source.text
    assert source.text.startswith("# Part One: Autumn\n\n## Chapter 1\n")  # The part page a level above.
    again = tmp_path / "again.epub"
    assert runner.invoke(app, ["epub", str(first), "-o", str(again)]).exit_code == 0
    assert 'epub:type="footnote"' in book_text(again)
    epubcheck_later(again)


def test_a_chapter_list_without_links_is_not_a_chapter(tmp_path: Path) -> None:
    pages = {
        "OEBPS/list.xhtml": page("Chapters", "<p>1. The Ferry</p><p>2. Ashore</p>"),
        "OEBPS/one.xhtml": page("The Ferry", "<h2>The Ferry</h2><p>The ferry left at six.</p>"),
        "OEBPS/two.xhtml": page("Ashore", "<h2>Ashore</h2><p>Nobody waited on the pier.</p>"),
    }
    path = write_epub(tmp_path / "list.epub", pages, "Crossing", "A. Writer", "Sigil")
    with zipfile.ZipFile(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    labels = files["toc.ncx"].decode().replace("<text>one</text>", "<text>The Ferry</text>")
    files["toc.ncx"] = labels.replace("<text>two</text>", "<text>Ashore</text>").encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    source = read_source(path)
    assert source.text.startswith("# The Ferry\n\nThe ferry left at six.")
    assert "OEBPS/list.xhtml: its contents page read as metadata, not as a chapter" in source.unmapped


def jpeg_bytes(colour: tuple[int, int, int] = (160, 40, 40)) -> bytes:
    """A cover picture: a red 600 x 900 JPEG."""
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (600, 900), colour).save(out, format="JPEG")
    return out.getvalue()


def test_a_downloaded_epub_keeps_its_own_cover(tmp_path: Path) -> None:
    """FanFicFare's cover (EPUB 2's <meta name="cover">) becomes the new book's cover, not a drawn one."""
    picture = jpeg_bytes()
    source = fanficfare_epub(tmp_path / "ferry.epub", cover=picture)
    out = tmp_path / "again.epub"
    result = runner.invoke(app, ["epub", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as archive:
        opf = archive.read("EPUB/content.opf").decode()
        covers = [name for name in archive.namelist() if "cover" in name and name.endswith((".jpg", ".jpeg"))]
        assert len(covers) == 1 and archive.read(covers[0]) == picture
    assert 'properties="cover-image"' in opf
    assert "Cover" not in book_text(out).split("Chapter 1")[1]  # its cover page is not a chapter
    epubcheck_later(out)


def test_a_broken_cover_in_a_downloaded_epub_gives_way_to_a_drawn_one(tmp_path: Path) -> None:
    source = fanficfare_epub(tmp_path / "ferry.epub", cover=jpeg_bytes()[:300])
    out = tmp_path / "again.epub"
    result = runner.invoke(app, ["epub", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "the cover is drawn instead" in result.output
    with zipfile.ZipFile(out) as archive:
        assert all(archive.read(name)[:300] != jpeg_bytes()[:300] for name in archive.namelist())
    epubcheck_later(out)


def test_book_toml_s_cover_wins_over_the_epub_s_own(tmp_path: Path) -> None:
    fanficfare_epub(tmp_path / "ferry.epub", cover=jpeg_bytes())
    mine = jpeg_bytes((20, 20, 160))
    (tmp_path / "mine.jpg").write_bytes(mine)
    (tmp_path / "book.toml").write_text('chapters = ["ferry.epub"]\ncover = "mine.jpg"\n', encoding="utf-8")
    out = tmp_path / "again.epub"
    result = runner.invoke(app, ["epub", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as archive:
        pictures = [archive.read(name) for name in archive.namelist() if name.endswith((".jpg", ".jpeg"))]
    assert mine in pictures and jpeg_bytes() not in pictures
