"""EPUBs shaped like other projects' test files (issue 27, issue 31 item 12): nothing dropped without a line in check.

Pages outside the reading order, fixed-layout SVG pages (text or pictures), an image-only book, pandoc's
sample.epub (a heading and a captioned figure), ruby readings, a short chapter that names the title and author.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.readers.table import read_source

from .conftest import epubcheck_later
from .readergolden import book_text
from .wordfiles import png_bytes

runner = CliRunner()
XHTML = "application/xhtml+xml"
SVG = "image/svg+xml"
SVG_NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'


def xhtml(body: str, lang: str = "en") -> str:
    """Write an EPUB 3 content document."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" '
        f'xmlns:epub="http://www.idpf.org/2007/ops" lang="{lang}"><head><title>Page</title></head>'
        f"<body>{body}</body></html>"
    )


def epub3(path: Path, pages: list[tuple[str, str, str, bool]], images: dict | None = None, **meta) -> Path:
    """Write an EPUB 3: pages as (name, media type, content, linear), pictures beside them, a navigation page."""
    images = images or {}
    title, author = meta.get("title", "The Crane"), meta.get("author", "Mina Oda")
    items = [f'<item id="p{i}" href="{name}" media-type="{kind}"/>' for i, (name, kind, _, _) in enumerate(pages)]
    kinds = {".png": "image/png", ".jpg": "image/jpeg", ".svg": SVG}
    items += [f'<item id="i{i}" href="{name}" media-type="{kinds[name[-4:]]}"/>' for i, name in enumerate(images)]
    items.append('<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>')
    aside = ' linear="no"'
    spine = "".join(f'<itemref idref="p{i}"{"" if linear else aside}/>' for i, (*_, linear) in enumerate(pages))
    opf = (
        '<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" '
        'unique-identifier="uid"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<dc:identifier id="uid">urn:uuid:0b7e6a38-2222-4a2b-9c1e-2f0d6f0c0001</dc:identifier><dc:title>{title}'
        f"</dc:title><dc:creator>{author}</dc:creator><dc:language>{meta.get('lang', 'en')}</dc:language>"
        '<meta property="dcterms:modified">2024-01-01T00:00:00Z</meta></metadata>'
        f"<manifest>{''.join(items)}</manifest><spine>{spine}</spine></package>"
    )
    links = "".join(f'<li><a href="{name}">Page {i}</a></li>' for i, (name, *_) in enumerate(pages))
    nav = xhtml(f'<nav epub:type="toc"><h1>Contents</h1><ol>{links}</ol></nav>')
    container = (
        '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
        '<rootfiles><rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles>'
        "</container>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", container)
        archive.writestr("content.opf", opf)
        archive.writestr("nav.xhtml", nav)
        for name, _, content, _ in pages:
            archive.writestr(name, content)
        for name, data in images.items():
            archive.writestr(name, data)
    return path


def built(path: Path, tmp_path: Path) -> str:
    """Build an EPUB from the file, have EPUBCheck see it, and return the book's text."""
    out = tmp_path / f"{path.stem}-built.epub"
    result = runner.invoke(app, ["epub", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    epubcheck_later(out)
    return book_text(out)


def test_pages_outside_the_reading_order_are_kept_at_the_end_and_named(tmp_path: Path) -> None:
    pages = [
        ("glossary.xhtml", XHTML, xhtml("<h1>Glossary</h1><p>Senbazuru: a thousand paper cranes.</p>"), False),
        ("one.xhtml", XHTML, xhtml("<h1>One</h1><p>She folded the first crane at dawn.</p>"), True),
        ("answers.xhtml", XHTML, xhtml("<h1>Answers</h1><p>The answer to the riddle is patience.</p>"), False),
    ]
    path = epub3(tmp_path / "aside.epub", pages)
    source = read_source(path)
    text = source.text
    assert text.index("first crane") < text.index("thousand paper cranes") and "riddle is patience" in text
    assert 'glossary.xhtml: a page outside the reading order (linear="no"), set at the end of the book' in (
        source.unmapped
    )
    assert "thousand paper cranes" in built(path, tmp_path)


def test_a_fixed_layout_page_drawn_in_svg_keeps_its_text(tmp_path: Path) -> None:
    drawn = f'<svg {SVG_NS} viewBox="0 0 600 800"><text x="10" y="40">The crane flew</text>' \
            '<text x="10" y="80">over the <tspan>winter</tspan> river.</text></svg>'  # fmt: skip
    pages = [
        ("p1.svg", SVG, drawn, True),
        ("p2.xhtml", XHTML, xhtml(f"<div>{drawn.replace('crane', 'heron')}</div>"), True),
    ]
    path = epub3(tmp_path / "fixed.epub", pages)
    source = read_source(path)
    assert "The crane flew\\\nover the winter river." in source.text
    assert "The heron flew\\\nover the winter river." in source.text
    assert "p1.svg: an SVG page; its text read line by line, its layout not kept" in source.unmapped
    assert any(note.startswith("p2.xhtml: the text of 1 SVG drawing(s)") for note in source.unmapped)
    assert "heron flew" in built(path, tmp_path)


def test_an_image_only_epub_3_is_a_book_of_its_pictures(tmp_path: Path) -> None:
    picture = f'<svg {SVG_NS} viewBox="0 0 10 10"><rect width="10" height="10" fill="#888"/></svg>'
    raster = f'<svg {SVG_NS} viewBox="0 0 40 40"><image width="40" height="40" xlink:href="plate.png"/></svg>'
    pages = [
        ("cover.xhtml", XHTML, xhtml('<img src="cover.png" alt="cover"/>'), True),
        ("page1.svg", SVG, picture, True),
        ("page2.svg", SVG, raster, True),
    ]
    path = epub3(tmp_path / "pictures.epub", pages, {"cover.png": png_bytes(), "plate.png": png_bytes()})
    source = read_source(path)
    assert "](page1.svg)" in source.text and "](plate.png)" in source.text
    assert "page2.svg: an SVG page without text, kept as a picture" in source.unmapped
    out = tmp_path / "pictures-built.epub"
    assert runner.invoke(app, ["epub", str(path), "-o", str(out)]).exit_code == 0
    with zipfile.ZipFile(out) as archive:
        assert sum(name.endswith((".svg", ".png")) and "images/" in name for name in archive.namelist()) >= 2
    epubcheck_later(out)


def test_a_heading_and_a_captioned_figure_are_a_chapter_not_a_cover(tmp_path: Path) -> None:
    # pandoc's sample.epub: its one page is a heading and a figure with a caption.
    body = '<h1>Sample</h1><figure><img src="lalune.png" alt="voyage"/><figcaption>La Lune</figcaption></figure>'
    path = epub3(tmp_path / "sample.epub", [("ch001.xhtml", XHTML, xhtml(body), True)], {"lalune.png": png_bytes()})
    text = built(path, tmp_path)
    assert "Sample" in text and "La Lune" in text


def test_ruby_readings_are_set_in_brackets_after_their_words(tmp_path: Path) -> None:
    bracketed = "<ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp></ruby>"  # with its own fallback brackets
    body = f"<h1>一</h1><p><ruby>山路<rt>やまみち</rt></ruby>を登りながら、{bracketed}。</p>"
    path = epub3(tmp_path / "ruby.epub", [("one.xhtml", XHTML, xhtml(body, "ja"), True)], lang="ja")
    source = read_source(path)
    assert "山路（やまみち）を登りながら、漢(かん)。" in source.text
    assert "one.xhtml: 2 ruby reading(s) set in brackets after their words" in source.unmapped


def test_a_short_chapter_that_names_the_title_and_author_is_kept(tmp_path: Path) -> None:
    title_page = xhtml("<h1>The Crane</h1><p>by Mina Oda</p><p>First edition, 2024</p>")
    short = xhtml("<h1>Epilogue</h1><p>Years later Mina Oda still kept The Crane on her desk, folded small.</p>")
    pages = [("title.xhtml", XHTML, title_page, True), ("epilogue.xhtml", XHTML, short, True)]
    path = epub3(tmp_path / "short.epub", pages)
    source = read_source(path)
    assert "still kept The Crane on her desk" in source.text
    assert "title.xhtml: its title page read as metadata, not as a chapter" in source.unmapped
    assert "by Mina Oda" not in source.text


def test_a_list_in_a_list_item_and_a_quotation_in_a_note_keep_their_words(tmp_path: Path) -> None:
    # pandoc's german_styled_lists.docx (a list three levels deep) and the IDPF Waste Land (notes quoting Dante,
    # each headed by a link back that names the line it glosses): both lost their words silently.
    body = (
        "<h1>One</h1><ul><li>Top level.<ul><li>Next level of the list</li></ul></li><li>Back on top.</li></ul>"
        '<p id="ln60">Unreal City,<a epub:type="noteref" href="#note-6">*</a></p>'
        '<aside epub:type="footnote" id="note-6"><p><a href="#ln60">60.</a> Cf. Baudelaire:</p>'
        "<blockquote><p>Fourmillante cite, cite pleine de reves</p></blockquote></aside>"
    )
    path = epub3(tmp_path / "nested.epub", [("one.xhtml", XHTML, xhtml(body), True)])
    source = read_source(path)
    text = source.text
    assert text.index("- Top level.") < text.index("- Next level of the list") < text.index("- Back on top.")
    assert "Cf. Baudelaire:" in text and "    > Fourmillante cite, cite pleine de reves" in text
    text = built(path, tmp_path)
    assert "Next level of the list" in text and "Fourmillante" in text


def test_check_names_an_epubs_places_by_page_and_line(tmp_path: Path) -> None:
    # Issue 27: check named lines of the reader's own text; an EPUB's place is its page and that page's line.
    # The page: line 1 its XML declaration, 2 the html and body tags, 3 the heading, 6 the quote.
    body = '\n<h1>One</h1>\n<p>The first paragraph.</p>\n\n<p>She said, "this quote\nis never closed.</p>\n'
    path = epub3(tmp_path / "places.epub", [("text/one.xhtml", XHTML, xhtml(body), True)])
    result = runner.invoke(app, ["check", str(path)])
    lines = result.output.splitlines()
    assert f"{path}:text/one.xhtml:6: error: a double quote opened in this paragraph is never closed" in lines
    assert any(line.endswith("its numbers count the document's pages' lines") for line in lines)


def test_control_characters_are_read_as_the_windows_1252_marks_they_stand_for(tmp_path: Path) -> None:
    # The IDPF's Accessible EPUB 3: `STORIES\u0097MODERN`, a pasted Windows-1252 em dash; deleted, it glued two words.
    body = "<h1>One</h1><p>FAIRY STORIES\u0097MODERN TALES, \u0093quoted\u0094 and trailing off\u0085</p>"
    path = epub3(tmp_path / "controls.epub", [("one.xhtml", XHTML, xhtml(body), True)])
    source = read_source(path)
    assert "FAIRY STORIES\u2014MODERN TALES, \u201cquoted\u201d and trailing off\u2026" in source.text
    assert "one.xhtml: 4 control character(s) read as the Windows-1252 marks they stand for" in source.unmapped
    assert "STORIES\u2014MODERN" in built(path, tmp_path)
