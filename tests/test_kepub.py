"""Any EPUB into a kepub, as kepubify does: `ebookgen kepub IN.epub [-o OUT]`."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.epub.kepub import convert_epub, sentences

from .conftest import epubcheck_later
from .epubtools import NS, Epub
from .foreign import fanficfare_epub

runner = CliRunner()
SPINE = ["OEBPS/title_page.xhtml", "OEBPS/toc_page.xhtml", "OEBPS/file0001.xhtml", "OEBPS/file0002.xhtml"]


@pytest.fixture
def foreign(tmp_path: Path) -> Path:
    return fanficfare_epub(tmp_path / "The Ferry at Six.epub")


def test_kobo_sentences_follow_kepubify() -> None:
    assert sentences("He shrugged… Maybe. Then") == ["He shrugged… Maybe. ", "Then"]
    assert sentences("“Go!” she said.  “Now?!” (Yes.) No") == ["“Go!” ", "she said.  ", "“Now?!” ", "(Yes.) No"]
    assert sentences("Wait...\u201d Next") == ["Wait...\u201d ", "Next"]


def test_a_foreign_epub_becomes_a_kepub_in_every_spine_document(foreign: Path) -> None:
    result = convert_epub(foreign)
    assert result.path == foreign.with_name("The Ferry at Six.kepub.epub") and result.documents == 4
    epubcheck_later(result.path)
    plain, kobo = Epub(foreign), Epub(result.path)
    assert kobo.infos[0].filename == "mimetype" and kobo.infos[0].compress_type == zipfile.ZIP_STORED
    for name in SPINE:
        root = etree.fromstring(kobo.files[name])
        inner = root.find("x:body/x:div[@id='book-columns']/x:div[@id='book-inner']", NS)
        assert inner is not None and len(root.find("x:body", NS)) == 1, name
        assert root.findall(".//x:span[@class='koboSpan']", NS), name
        styles = [style.text for style in root.iterfind("x:head/x:style", NS)]
        assert styles == ["div#book-inner { margin-top: 0; margin-bottom: 0;}"], name
        before = "".join(etree.fromstring(plain.files[name]).find("x:body", NS).itertext())
        assert "".join(root.find("x:body", NS).itertext()).split() == before.split(), name
    for name in ("content.opf", "toc.ncx", "OEBPS/stylesheet.css"):
        assert kobo.files[name] == plain.files[name]


def test_a_foreign_chapter_is_spanned_by_kobos_rule(foreign: Path) -> None:
    kobo = Epub(convert_epub(foreign).path)
    root = etree.fromstring(kobo.files["OEBPS/file0001.xhtml"])
    spans = [(span.get("id"), span.text) for span in root.iterfind(".//x:span[@class='koboSpan']", NS)]
    assert spans == [
        ("kobo.1.1", "Chapter 1: The Ferry"),
        ("kobo.2.1", "“Are you coming?” "),
        ("kobo.2.2", "she asked. "),
        ("kobo.2.3", "He shrugged… Maybe."),
        ("kobo.3.1", "The ferry left at six. "),
        ("kobo.3.2", "It was late!"),
    ]
    second = etree.fromstring(kobo.files["OEBPS/file0002.xhtml"])
    assert second.find(".//x:em/x:span", NS).get("id") == "kobo.2.2"


def test_converting_a_kepub_again_changes_nothing(foreign: Path, tmp_path: Path) -> None:
    once = convert_epub(foreign).path
    twice = convert_epub(once, tmp_path / "again.kepub.epub").path
    assert Epub(twice).files == Epub(once).files


def test_the_kepub_command_writes_beside_the_epub(foreign: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["kepub", str(foreign)])
    assert result.exit_code == 0, result.output
    assert "4 documents" in result.stdout and foreign.with_name("The Ferry at Six.kepub.epub").is_file()
    chosen = tmp_path / "out" / "ferry.kepub.epub"
    assert runner.invoke(app, ["-q", "kepub", str(foreign), "-o", str(chosen)]).exit_code == 0
    assert zipfile.is_zipfile(chosen)


def not_a_zip(folder: Path) -> Path:
    (folder / "story.epub").write_text("Chapter 1\n", encoding="utf-8")
    return folder / "story.epub"


def no_container(folder: Path) -> Path:
    with zipfile.ZipFile(folder / "story.epub", "w") as archive:
        archive.writestr("mimetype", "application/epub+zip")
    return folder / "story.epub"


def drm(folder: Path) -> Path:
    path = fanficfare_epub(folder / "story.epub")
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr(
            "META-INF/encryption.xml",
            '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
            'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
            '<enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>'
            "</enc:EncryptedData></encryption>",
        )
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [(not_a_zip, "not an EPUB (not a zip archive)"), (no_container, "META-INF/container.xml is missing"), (drm, "DRM")],
    ids=["text", "no-container", "drm"],
)
def test_a_bad_epub_is_one_line_and_writes_nothing(tmp_path: Path, make, message: str) -> None:
    source = make(tmp_path)
    before = source.read_bytes()
    result = runner.invoke(app, ["kepub", str(source)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1 and message in result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["story.epub"]
    assert source.read_bytes() == before


def test_a_missing_epub_and_an_overwrite_are_refused(foreign: Path, tmp_path: Path) -> None:
    missing = runner.invoke(app, ["kepub", str(tmp_path / "nothing.epub")])
    assert missing.exit_code == 2 and "no such EPUB file" in missing.stderr
    kobo = convert_epub(foreign).path
    again = runner.invoke(app, ["kepub", str(kobo)])
    assert again.exit_code == 4 and "would overwrite" in again.stderr


def test_named_entities_images_and_comments_keep_kobos_numbering() -> None:
    from ebookgen.epub.kepub import kepubify

    from .foreign import page

    document = page("T", '<p>A&nbsp;b. C<!-- kept --> d&hellip; <img src="a.png" alt=""/> e.</p>').encode()
    root = etree.fromstring(kepubify(document, xhtml11=True))
    spans = root.findall(".//x:span[@class='koboSpan']", NS)
    assert [(span.get("id"), span.text) for span in spans] == [
        ("kobo.1.1", "A\u00a0b. "),
        ("kobo.1.2", "C"),
        ("kobo.1.3", " d… "),
        ("kobo.2.1", None),
        ("kobo.2.2", " e."),
    ]
    assert spans[3][0].tag == f"{{{NS['x']}}}img" and b"<!-- kept -->" in etree.tostring(root)
    assert root.find("x:head/x:style", NS).get("class") is None  # XHTML 1.1 allows no class on a style
