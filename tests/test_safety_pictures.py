"""Issue 31 item 1: an SVG picture brings nothing from outside the book into either edition, and makes no request.

Every fetch of the print layout goes through one URL fetcher that serves only ebookgen's own files and the
``data:`` URLs the figures are carried in; every SVG picture (figure or cover) loses what it names outside the
drawing, with a warning naming it. Each input a figure can come from is tried: Markdown, a saved web page,
DOCX, EPUB, and the `batch` and `watch --pdf` paths, against a server on 127.0.0.1 that counts what it is asked.
"""

from __future__ import annotations

import http.server
import io
import threading
import zipfile
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from ebookgen import build_epub, build_pdf
from ebookgen.render.svg import safe_svg

from .conftest import epubcheck_later, run_cli


class Counting(http.server.BaseHTTPRequestHandler):
    """Answer every request with a red PNG, and count it."""

    asked: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
        Counting.asked.append(self.path)
        body = red_png()
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


def red_png(size: int = 37) -> bytes:
    """A picture no book of these tests has of its own: a red square of an odd size."""
    out = io.BytesIO()
    Image.new("RGB", (size, size), (255, 0, 0)).save(out, format="PNG")
    return out.getvalue()


@pytest.fixture()
def server():
    """A web server on 127.0.0.1 that records every request it gets."""
    Counting.asked = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Counting)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def leaking_svg(secret: Path, url: str) -> str:
    """An SVG drawing that names a file outside the project, a web address and a stylesheet on the web."""
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="100">'
        f'<style>@import url("{url}/sheet.css"); rect {{ fill: url("{url}/fill.png") }}</style>'
        f'<image href="{secret.as_uri()}" width="50" height="50"/>'
        f'<image xlink:href="{secret}" x="50" width="50" height="50"/>'
        f'<image href="{url}/picture.png" x="100" width="50" height="50"/>'
        '<rect x="150" width="50" height="50"/><text x="10" y="90">the drawing</text></svg>'
    )


def outside_secret(tmp_path: Path) -> Path:
    """A picture outside the project folder, the file a leak would bring in."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    secret = folder / "secret.png"
    secret.write_bytes(red_png())
    return secret


def pdf_images(path: Path) -> list[tuple[int, int]]:
    """Return the size of every raster image anywhere in a PDF, in forms and patterns too."""
    with pikepdf.open(path) as pdf:
        return [
            (int(each.Width), int(each.Height))
            for each in pdf.objects
            if isinstance(each, pikepdf.Stream) and each.get("/Subtype") == "/Image"
        ]


def assert_nothing_came_in(pdf: Path, asked: list[str]) -> None:
    """No request reached the server and no picture of its or the outside file's size is in the PDF."""
    assert asked == []
    assert (37, 37) not in pdf_images(pdf)


def markdown_book(tmp_path: Path, url: str) -> Path:
    """A Markdown story whose figure is the leaking SVG, in a project folder of its own."""
    secret = outside_secret(tmp_path)
    book = tmp_path / "book"
    book.mkdir()
    (book / "drawing.svg").write_text(leaking_svg(secret, url), encoding="utf-8")
    (book / "story.md").write_text(
        "# One\n\nThe words before.\n\n![A drawing](drawing.svg)\n\nThe words after.\n", encoding="utf-8"
    )
    return book / "story.md"


def html_book(tmp_path: Path, url: str) -> Path:
    """A saved web page whose picture is the leaking SVG beside it."""
    secret = outside_secret(tmp_path)
    book = tmp_path / "page"
    book.mkdir()
    (book / "drawing.svg").write_text(leaking_svg(secret, url), encoding="utf-8")
    (book / "story.html").write_text(
        "<html><head><title>Page</title></head><body><h1>One</h1><p>The words before.</p>"
        '<p><img src="drawing.svg" alt="A drawing"/></p><p>The words after.</p></body></html>',
        encoding="utf-8",
    )
    return book / "story.html"


def word_book(tmp_path: Path, url: str) -> Path:
    """A Word file whose picture is the leaking SVG, made by python-docx and given the SVG as its picture part."""
    import docx
    from docx.shared import Inches

    secret = outside_secret(tmp_path)
    document = docx.Document()
    document.add_heading("One", 1)
    document.add_paragraph("The words before.")
    document.add_paragraph().add_run().add_picture(io.BytesIO(red_png(12)), width=Inches(1))
    document.add_paragraph("The words after.")
    plain = tmp_path / "plain.docx"
    document.save(plain)
    target = tmp_path / "word" / "story.docx"
    target.parent.mkdir()
    with zipfile.ZipFile(plain) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename.startswith("word/media/"):
                new.writestr(item.filename.rsplit(".", 1)[0] + ".svg", leaking_svg(secret, url))
                continue
            if item.filename in ("word/_rels/document.xml.rels", "[Content_Types].xml"):
                data = data.replace(b".png", b".svg")
                data = data.replace(
                    b'Extension="png" ContentType="image/png"', b'Extension="svg" ContentType="image/svg+xml"'
                )
            new.writestr(item, data)
    return target


def epub_book(tmp_path: Path, url: str) -> Path:
    """An EPUB 3 made by hand whose chapter shows the leaking SVG."""
    secret = outside_secret(tmp_path)
    target = tmp_path / "epub" / "story.epub"
    target.parent.mkdir()
    opf = (
        '<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" '
        'unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">x'
        "</dc:identifier><dc:title>Story</dc:title><dc:language>en</dc:language></metadata><manifest>"
        '<item id="c1" href="one.xhtml" media-type="application/xhtml+xml"/>'
        '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
        '<item id="d" href="drawing.svg" media-type="image/svg+xml"/></manifest><spine><itemref idref="c1"/></spine>'
        "</package>"
    )
    chapter = (
        '<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>One</title>'
        "</head><body><h1>One</h1><p>The words before, a good many of them to make a chapter.</p>"
        '<p><img src="drawing.svg" alt="A drawing"/></p><p>The words after.</p></body></html>'
    )
    nav = (
        '<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml" '
        'xmlns:epub="http://www.idpf.org/2007/ops"><head><title>c</title></head><body><nav epub:type="toc">'
        '<ol><li><a href="one.xhtml">One</a></li></ol></nav></body></html>'
    )
    container = (
        '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
        '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
        "</rootfiles></container>"
    )
    with zipfile.ZipFile(target, "w") as epub:
        epub.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        epub.writestr("META-INF/container.xml", container)
        epub.writestr("OEBPS/content.opf", opf)
        epub.writestr("OEBPS/one.xhtml", chapter)
        epub.writestr("OEBPS/nav.xhtml", nav)
        epub.writestr("OEBPS/drawing.svg", leaking_svg(secret, url))
    return target


@pytest.mark.parametrize("made", [markdown_book, html_book, word_book, epub_book], ids=["md", "html", "docx", "epub"])
def test_an_svg_figure_brings_nothing_from_outside_into_either_edition(tmp_path: Path, server: str, made) -> None:
    source = made(tmp_path, server)
    pdf = build_pdf(source, tmp_path / "out" / "book.pdf")
    assert_nothing_came_in(pdf.path, Counting.asked)
    epub = build_epub(source, tmp_path / "out" / "book.epub")
    with zipfile.ZipFile(epub.path) as book:
        drawings = [book.read(name).decode() for name in book.namelist() if name.endswith(".svg")]
    assert drawings and all("secret" not in each and "127.0.0.1" not in each for each in drawings)
    assert all("the drawing" in each for each in drawings)  # the drawing itself is kept
    assert any("drawing.svg" in note or "image1.svg" in note for note in pdf.notes), pdf.notes
    epubcheck_later(epub.path)  # the cleaned drawing is a valid EPUB resource


def test_the_print_layout_fetches_nothing_a_document_names_outside_the_book(tmp_path: Path, server: str) -> None:
    """The fetcher alone, without the SVG cleaning: a data: SVG naming a file and an address gets neither."""
    import base64

    from ebookgen.pdf.weasy import lay_out

    secret = outside_secret(tmp_path)
    drawing = base64.b64encode(leaking_svg(secret, server).encode()).decode()
    html = (
        f'<html><body><p>Words.</p><img src="data:image/svg+xml;base64,{drawing}"/>'
        f'<img src="{secret.as_uri()}"/><img src="{server}/direct.png"/></body></html>'
    )
    document = lay_out(html, f'@page {{ size: a5 }} p {{ background: url("{server}/background.png") }}')
    target = tmp_path / "direct.pdf"
    document.write_pdf(target)
    assert_nothing_came_in(target, Counting.asked)


def test_a_batch_and_a_watch_with_pdf_bring_nothing_in(tmp_path: Path, server: str) -> None:
    from ebookgen.watch.loop import Watched, build_once

    source = markdown_book(tmp_path, server)
    result = run_cli("batch", str(source), "-o", str(tmp_path / "batch"), "--formats", "pdf")
    assert result.returncode == 0, result.stderr
    assert_nothing_came_in(next((tmp_path / "batch").glob("*.pdf")), Counting.asked)
    build = build_once(Watched(source, pdf=True))
    (tmp_path / "watched.pdf").write_bytes(build.pdf)
    assert_nothing_came_in(tmp_path / "watched.pdf", Counting.asked)


def test_an_svg_cover_loses_what_it_names_outside_the_book(tmp_path: Path, server: str) -> None:
    secret = outside_secret(tmp_path)
    book = tmp_path / "novel"
    book.mkdir()
    (book / "book.toml").write_text('title = "T"\nauthor = "A"\ncover = "cover.svg"\n', encoding="utf-8")
    (book / "cover.svg").write_text(leaking_svg(secret, server), encoding="utf-8")
    (book / "01.txt").write_text("Chapter 1\n\nWords of the story.\n", encoding="utf-8")
    epub = build_epub(book, tmp_path / "book.epub")
    with zipfile.ZipFile(epub.path) as made:
        cover = next(made.read(name) for name in made.namelist() if name.endswith(".svg"))
    assert b"secret" not in cover and b"127.0.0.1" not in cover and b"the drawing" in cover


def test_the_cleaning_keeps_the_drawing_and_its_own_references() -> None:
    own = (
        b'<svg xmlns="http://www.w3.org/2000/svg"><defs><linearGradient id="g"/></defs>'
        b'<rect fill="url(#g)" width="5" height="5"/><use href="#g"/><text>kept</text></svg>'
    )
    assert safe_svg(own).data == own and safe_svg(own).removed == ()
    entity = (
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg"><text>&x;kept</text><script>alert(1)</script>'
        b'<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">html</p></foreignObject>'
        b'<a href="https://example.com/">link</a><rect onclick="x()"/></svg>'
    )
    cleaned = safe_svg(entity)
    assert b"passwd" not in cleaned.data and b"script" not in cleaned.data and b"foreignObject" not in cleaned.data
    assert b"example.com" not in cleaned.data and b"onclick" not in cleaned.data and b"kept" in cleaned.data
    assert len(cleaned.removed) == 5


def test_check_lists_what_a_build_takes_out_of_each_svg_picture(tmp_path: Path, server: str) -> None:
    source = markdown_book(tmp_path, server)
    result = run_cli("check", str(source))
    assert result.returncode == 0 and Counting.asked == []
    line = next(line for line in result.stdout.splitlines() if "drawing.svg" in line)
    assert "warning" in line and "secret.png" in line and "outside the book" in line
