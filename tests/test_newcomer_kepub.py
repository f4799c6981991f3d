"""`ebookgen kepub` on other tools' EPUBs, as kepubify converts them.

A cover named only by `<meta name="cover">` (Calibre's, FanFicFare's) gets `properties="cover-image"`, the only form
Kobo reads; a book whose first spine document is a chapter gets a title page first, so that chapter keeps its
margins; XHTML that is not well formed is repaired with an HTML parser, and the conversion says which page.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree
from PIL import Image
from typer.testing import CliRunner

from ebookgen import build_epub
from ebookgen.cli.app import app
from ebookgen.epub.kepub import convert_epub

from .conftest import epubcheck_later
from .epubtools import NS, Epub
from .foreign import fanficfare_epub

runner = CliRunner()
NAV = ' properties="nav"'
HTML = '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en" xml:lang="en">'
CHAPTER = "<h1>Chapter One</h1>\n" + "".join(
    f"<p>The ferry left the harbour at six, and nobody waited on the pier number {n}.</p>\n" for n in range(8)
)


def jpeg() -> bytes:
    """Return a small JPEG cover."""
    buffer = io.BytesIO()
    Image.new("RGB", (600, 900), (40, 60, 90)).save(buffer, "JPEG")
    return buffer.getvalue()


def page(body: str, title: str = "Chapter One") -> str:
    """Write one EPUB 3 content document."""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        f"{HTML}\n"
        f"<head><title>{title}</title></head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def calibre_epub(path: Path, first: str = "chapter", chapter: str | None = None) -> Path:
    """Write an EPUB 3 in Calibre's shape: the cover image named only by <meta name="cover">, in OEBPS/."""
    spine = ["titlepage", "chapter"] if first == "titlepage" else ["chapter"]
    items = {
        "titlepage": ("titlepage.xhtml", "application/xhtml+xml"),
        "chapter": ("chapter.xhtml", "application/xhtml+xml"),
        "nav": ("nav.xhtml", "application/xhtml+xml"),
        "cover": ("cover.jpg", "image/jpeg"),
    }
    manifest = "\n".join(
        f'<item id="{uid}" href="{href}" media-type="{kind}"{NAV if uid == "nav" else ""}/>'
        for uid, (href, kind) in items.items()
    )
    opf = f"""<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uuid_id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="uuid_id">urn:uuid:6f1c8f52-3b0a-4c1e-9a55-3d7f0e0b1c2d</dc:identifier>
<dc:title>The Ferry at Six</dc:title>
<dc:creator>Ann Lee</dc:creator>
<dc:language>en</dc:language>
<meta property="dcterms:modified">2024-02-01T00:00:00Z</meta>
<meta name="cover" content="cover"/>
</metadata>
<manifest>
{manifest}
</manifest>
<spine>
{"".join(f'<itemref idref="{uid}"/>' for uid in spine)}
</spine>
</package>
"""
    nav = page('<nav epub:type="toc"><ol><li><a href="chapter.xhtml">Chapter One</a></li></ol></nav>', "Contents")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr(
            "META-INF/container.xml",
            '<?xml version="1.0"?>\n<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
            '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
            "</rootfiles></container>",
        )
        archive.writestr("OEBPS/content.opf", opf)
        archive.writestr("OEBPS/titlepage.xhtml", page('<div><img src="cover.jpg" alt="The Ferry at Six"/></div>'))
        archive.writestr("OEBPS/chapter.xhtml", chapter if chapter is not None else page(CHAPTER))
        archive.writestr("OEBPS/nav.xhtml", nav)
        archive.writestr("OEBPS/cover.jpg", jpeg())
    return path


def test_a_cover_named_only_by_meta_gets_the_cover_image_property(tmp_path: Path) -> None:
    source = calibre_epub(tmp_path / "calibre.epub", first="titlepage")
    assert Epub(source).opf.find(".//opf:item[@properties='cover-image']", NS) is None
    kobo = convert_epub(source).path
    epubcheck_later(kobo)
    assert Epub(kobo).item(properties="cover-image").get("href") == "cover.jpg"
    assert Epub(kobo).spine() == ["titlepage.xhtml", "chapter.xhtml"]  # a title page first: nothing added


def test_fanficfares_epub_2_cover_gets_the_property_kobo_reads(tmp_path: Path) -> None:
    source = fanficfare_epub(tmp_path / "ferry.epub", cover=jpeg())
    kobo = Epub(convert_epub(source).path)
    assert kobo.item(id="image0000").get("properties") == "cover-image"


def test_a_first_chapter_gets_a_title_page_before_it(tmp_path: Path) -> None:
    kobo_path = convert_epub(calibre_epub(tmp_path / "chapter-first.epub")).path
    epubcheck_later(kobo_path)
    kobo = Epub(kobo_path)
    assert kobo.spine() == ["ebookgen-titlepage.xhtml", "chapter.xhtml"]
    title_page = kobo.xml("ebookgen-titlepage.xhtml")
    assert [" ".join(node.itertext()) for node in title_page.iterfind(".//x:h1", NS)] == ["The Ferry at Six"]
    assert "Ann Lee" in "".join(title_page.find(".//x:body", NS).itertext())
    assert title_page.find(".//x:div[@id='book-inner']//x:span[@class='koboSpan']", NS) is not None
    again = Epub(convert_epub(kobo_path, tmp_path / "again.kepub.epub").path)
    assert again.spine() == kobo.spine()  # converting the kepub again adds no second one


def test_ebookgens_own_kepub_and_a_short_first_page_get_none(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Chapter 1\n\n" + "She waited by the harbour wall. " * 40 + "\n", encoding="utf-8")
    ours = Epub(build_epub(story, tmp_path / "ours.kepub.epub", kobo=True).path)
    assert ours.spine()[0] == "text/cover.xhtml" and "ebookgen-titlepage.xhtml" not in ours.spine()
    short = page("<p>For my mother,</p><p>who read to me.</p><p><img src='cover.jpg' alt='A ferry'/></p>")
    kobo = Epub(convert_epub(calibre_epub(tmp_path / "short.epub", chapter=short)).path)
    assert kobo.spine() == ["chapter.xhtml"]  # a short page with a picture: a title page of its own


BROKEN = (
    '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">\n'
    "<head><title>Chapter One</title></head>\n<body>\n<h1>Chapter One</h1>\n"
    "<p>Salt & pepper on the table<br>and bread.\n<p>She said <i>no</i> and left.\n"
    "<p class=note>The end</p>\n</body>\n</html>\n"
)


def test_ill_formed_xhtml_is_repaired_and_the_conversion_says_so(tmp_path: Path) -> None:
    source = calibre_epub(tmp_path / "broken.epub", first="titlepage", chapter=BROKEN)
    result = runner.invoke(app, ["kepub", str(source)])
    assert result.exit_code == 0, result.output
    assert "chapter.xhtml: not well-formed XHTML" in result.stderr and "repaired with an HTML parser" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output
    kobo_path = source.with_name("broken.kepub.epub")
    epubcheck_later(kobo_path)
    root = etree.fromstring(Epub(kobo_path).files["OEBPS/chapter.xhtml"])
    words = " ".join(root.find("x:body", NS).itertext()).split()
    assert words == "Chapter One Salt & pepper on the table and bread. She said no and left. The end".split()
    assert [p.get("class") for p in root.iterfind(".//x:p", NS)] == [None, None, "note"]
    assert root.find(".//x:br", NS) is not None and root.find(".//x:i/x:span", NS).text == "no"


def test_a_well_formed_book_converts_without_a_word(tmp_path: Path) -> None:
    result = runner.invoke(app, ["kepub", str(calibre_epub(tmp_path / "fine.epub", first="titlepage"))])
    assert result.exit_code == 0 and result.stderr == ""


def test_deep_nesting_keeps_its_text_or_is_refused_in_a_line(tmp_path: Path) -> None:
    deep = page("<div>" * 1500 + "<p>The innermost words.</p>" + "</div>" * 1500)
    kobo = Epub(convert_epub(calibre_epub(tmp_path / "deep.epub", first="titlepage", chapter=deep)).path)
    assert "innermost words" in "".join(
        etree.fromstring(kobo.files["OEBPS/chapter.xhtml"], etree.XMLParser(huge_tree=True)).itertext()
    )
    broken = BROKEN.replace("<p class=note>", "<div>" * 3000 + "<p>lost & found" + "</div>" * 3000)
    source = calibre_epub(tmp_path / "broken.epub", first="titlepage", chapter=broken)
    result = runner.invoke(app, ["kepub", str(source)])
    assert result.exit_code == 2 and "nested deeper than an HTML parser reads" in result.stderr
    assert not source.with_name("broken.kepub.epub").exists()
