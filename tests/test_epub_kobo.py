"""Kobo's kepub and embedded fonts: `ebookgen epub --kobo --embed-fonts`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.epub.kepub import kepubify, sentences
from ebookgen.languages import language_for
from ebookgen.render.xhtml import xhtml_document

from .conftest import MANUSCRIPT, epubcheck_later
from .epubtools import NS, Epub

runner = CliRunner()


def test_sentences_keep_every_character() -> None:
    text = "“Hi.” She left… Why? “No!” he said. And then"
    # Kobo's rule, as kepubify has it: an ellipsis alone ends no sentence.
    assert sentences(text) == ["“Hi.” ", "She left… Why? ", "“No!” ", "he said. ", "And then"]
    assert "".join(sentences(text)) == text


def test_kepubify_wraps_sentences_and_body() -> None:
    body = '<section id="c">\n<h2>One</h2>\n<p>“Hi.” She left. <em>Why? No.</em> Then</p>\n<hr/>\n</section>'
    root = etree.fromstring(kepubify(xhtml_document("T", language_for("en"), body, []).encode()))
    inner = root.find("x:body/x:div[@id='book-columns']/x:div[@id='book-inner']", NS)
    assert inner is not None and inner.find("x:section", NS) is not None
    spans = root.findall(".//x:span[@class='koboSpan']", NS)
    assert [(s.get("id"), s.text) for s in spans] == [
        ("kobo.1.1", "One"),
        ("kobo.2.1", "“Hi.” "),
        ("kobo.2.2", "She left. "),
        ("kobo.2.3", "Why? "),
        ("kobo.2.4", "No."),
        ("kobo.2.5", " Then"),
    ]
    assert "".join(root.find(".//x:p", NS).itertext()) == "“Hi.” She left. Why? No. Then"
    assert spans[3].getparent().tag == f"{{{NS['x']}}}em"


@pytest.fixture(scope="module")
def kepub(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled book as a kepub with embedded fonts, written under its default name beside a copy of it."""
    folder = tmp_path_factory.mktemp("kobo")
    shutil.copytree(MANUSCRIPT, folder / "manuscript", ignore=shutil.ignore_patterns("dist"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1700000000")
        patch.chdir(folder)
        result = runner.invoke(app, ["epub", "manuscript", "--kobo", "--embed-fonts"])
    assert result.exit_code == 0, result.output
    return folder / "manuscript" / "dist" / "tell-me-something.kepub.epub"


@pytest.mark.slow
def test_kepub_passes_epubcheck(kepub: Path) -> None:
    epubcheck_later(kepub)


def test_kepub_keeps_the_text_and_spans_every_paragraph(kepub: Path, sample_epub: Path) -> None:
    plain, kobo = Epub(sample_epub), Epub(kepub)
    name = "EPUB/text/chapter-001.xhtml"
    plain_root, kobo_root = etree.fromstring(plain.files[name]), etree.fromstring(kobo.files[name])
    plain_text = ["".join(p.itertext()) for p in plain_root.iterfind(".//x:p", NS)]
    kobo_text = ["".join(p.itertext()) for p in kobo_root.iterfind(".//x:p", NS)]
    assert kobo_text == plain_text and len(kobo_text) > 90
    for number, p in enumerate(kobo_root.iterfind(".//x:p", NS), start=2):  # Paragraph 1 is the heading.
        assert p[0].get("class") == "koboSpan" and p[0].get("id") == f"kobo.{number}.1"
    ids = kobo_root.xpath("//@id")
    assert len(ids) == len(set(ids))


def test_embedded_fonts_are_subset_and_declared(kepub: Path) -> None:
    book = Epub(kepub)
    fonts = book.opf.findall(".//opf:item[@media-type='font/ttf']", NS)
    assert sorted(f.get("href") for f in fonts) == [
        f"fonts/EBGaramond-{style}.ttf" for style in ("Bold", "BoldItalic", "Italic", "Regular")
    ]
    original = (MANUSCRIPT.parent / "styles" / "fonts" / "EBGaramond-Regular.ttf").stat().st_size
    assert len(book.files["EPUB/fonts/EBGaramond-Regular.ttf"]) < original / 4
    css = book.files["EPUB/css/fonts.css"].decode()
    assert css.count("@font-face") == 4 and 'url("../fonts/EBGaramond-Italic.ttf")' in css
    assert b"css/fonts.css" in book.files["EPUB/text/chapter-001.xhtml"]


def test_kepub_with_fonts_is_reproducible(kepub: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.kepub.epub"
    result = runner.invoke(app, ["epub", str(MANUSCRIPT), "--kobo", "--embed-fonts", "-o", str(again)])
    assert result.exit_code == 0, result.output
    assert again.read_bytes() == kepub.read_bytes()
