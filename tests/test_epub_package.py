"""The EPUB package: metadata, accessibility, cover, navigation, parts, reproducibility."""

from __future__ import annotations

import io
import os
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image

from ebookgen import build_epub
from ebookgen.build import modification_time
from ebookgen.epub.writer import EpubOptions, write_epub
from ebookgen.model import Book, Chapter, Metadata, Paragraph, SceneBreak, Text
from ebookgen.project.manuscript import load_project

from .conftest import MANUSCRIPT, epubcheck_later
from .epubtools import EPUB_TYPE, NS, Epub, nav_tree, ncx_tree

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def sample(sample_epub: Path) -> Epub:
    return Epub(sample_epub)


def test_identifier_is_a_uuid_derived_from_title_and_author(sample: Epub) -> None:
    identifier = sample.opf.findtext(".//dc:identifier", namespaces=NS)
    assert identifier == "urn:uuid:6698b3e8-f308-53f6-ad87-c2fe38dfb6ba"
    assert sample.opf.get("unique-identifier") == sample.opf.find(".//dc:identifier", NS).get("id")
    assert sample.ncx().find(".//ncx:meta[@name='dtb:uid']", NS).get("content") == identifier


def test_metadata_from_book_toml(sample: Epub) -> None:
    creator = sample.opf.find(".//dc:creator", NS)
    role = sample.opf.find(f".//opf:meta[@refines='#{creator.get('id')}'][@property='role']", NS)
    assert creator.text == "Anonymous" and role.text == "aut" and role.get("scheme") == "marc:relators"
    assert sample.opf.findtext(".//dc:description", namespaces=NS).startswith("A long-distance phone call")
    assert [s.text for s in sample.opf.findall(".//dc:subject", NS)] == ["Fan fiction", "Romance"]
    assert sample.metas("dcterms:modified") == ["2023-11-14T22:13:20Z"]  # SOURCE_DATE_EPOCH=1700000000
    assert sample.opf.get(XML_LANG) == "en"  # Ace's epub-lang check; ebooklib leaves it out.
    assert sample.opf.find(".//opf:meta[@name='generator']", NS).get("content").startswith("ebookgen ")


def test_accessibility_metadata(sample: Epub) -> None:
    assert sample.metas("schema:accessMode") == ["textual", "visual"]
    assert sample.metas("schema:accessModeSufficient") == ["textual"]
    features = sample.metas("schema:accessibilityFeature")
    assert {"structuralNavigation", "tableOfContents", "readingOrder", "alternativeText"} <= set(features)
    assert "pageNavigation" not in features and sample.opf.find(".//dc:source", NS) is None
    assert sample.metas("schema:accessibilityHazard") == ["none"]
    assert sample.metas("schema:accessibilitySummary")[0].startswith("This publication conforms to WCAG 2.2")
    assert sample.metas("dcterms:conformsTo") == ["EPUB Accessibility 1.1 - WCAG 2.2 Level AA"]


def test_generated_cover_is_a_named_jpeg_with_a_cover_page(sample: Epub) -> None:
    image = sample.item(properties="cover-image")
    assert sample.opf.find(".//opf:meta[@name='cover']", NS).get("content") == image.get("id")
    assert image.get("media-type") == "image/jpeg"
    picture = Image.open(io.BytesIO(sample.files[sample.path_of(image.get("href"))]))
    assert picture.format == "JPEG" and picture.size == (1600, 2560)
    assert len(picture.resize((40, 64)).getcolors(4096)) > 20  # Type and rules, not a blank field of colour.
    cover_page = sample.spine()[0]
    img = sample.xml(cover_page).find(".//x:img", NS)
    assert img.get("alt") == "Cover: Tell Me Something, by Anonymous"
    assert sample.path_of(cover_page).rsplit("/", 1)[0] + "/" + img.get("src") == "EPUB/text/../images/cover.jpg"


def test_landmarks_are_hidden_and_ordered(sample: Epub) -> None:
    landmarks = sample.nav().find(".//x:nav[@epub:type='landmarks']", NS)
    assert landmarks.get("hidden") == "hidden"
    kinds = [(a.get(EPUB_TYPE), a.get("href")) for a in landmarks.findall(".//x:a", NS)]
    assert kinds == [
        ("cover", "text/cover.xhtml"),
        ("titlepage", "text/titlepage.xhtml"),
        ("bodymatter", "text/chapter-001.xhtml"),
        ("toc", "nav.xhtml#toc"),
    ]
    guide = [ref.get("type") for ref in sample.opf.findall(".//opf:guide/opf:reference", NS)]
    assert guide == ["cover", "title-page", "text", "toc"]


def test_every_document_is_clean_xhtml(sample: Epub) -> None:
    for name, data in sample.content_documents().items():
        assert data.startswith(b'<?xml version="1.0" encoding="utf-8"?>'), name
        root = etree.fromstring(data)
        assert root.get("lang") == root.get(XML_LANG) == "en", name
        assert (root.findtext(".//x:title", namespaces=NS) or "").strip(), name
        assert not root.xpath("//*[@style] | //x:style", namespaces=NS), name


def test_the_same_input_gives_the_same_bytes(sample_epub: Path, tmp_path: Path) -> None:
    again = build_epub(MANUSCRIPT, tmp_path / "again.epub").path
    assert again.read_bytes() == sample_epub.read_bytes()
    with zipfile.ZipFile(again) as archive:
        infos = archive.infolist()
    assert infos[0].filename == "mimetype" and infos[0].compress_type == zipfile.ZIP_STORED
    assert {info.date_time for info in infos} == {(2023, 11, 14, 22, 13, 20)}


def test_modified_falls_back_to_the_manuscript_time(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    story = tmp_path / "story.txt"
    story.write_text("Chapter 1\n\nText.\n", encoding="utf-8")
    os.utime(story, (1_600_000_000, 1_600_000_000))
    assert modification_time(load_project(story)) == datetime.fromtimestamp(1_600_000_000, tz=UTC)


def paragraph(words: str) -> Paragraph:
    return Paragraph((Text(words),))


def book_with_parts(cover: Path) -> Book:
    """A book of four chapters in two parts, with a prologue before the first part."""
    metadata = Metadata(
        title="The Two Houses",
        authors=("Ann Lee", "Bo Mars"),
        language="en-GB",
        description="A test of parts.",
        identifier="urn:isbn:9780000000002",
        date="2024-05-17",
        series="Houses",
        series_index="2",
        cover=str(cover),
        dedication="For the ones who stayed.",
        epigraph="Every house is a story.",
        epigraph_source="Anon.",
    )
    chapters = (
        Chapter("Prologue", (paragraph("Before it all."),), 1),
        Chapter("The Arrival", (paragraph("They came."), SceneBreak(), paragraph("Later.")), 2, part="Part One"),
        Chapter("The Stay", (paragraph("They stayed."),), 3),
        Chapter("The Leaving", (paragraph("They left."),), 4, part="Part Two"),
    )
    return Book(metadata, chapters)


def test_parts_series_authors_and_a_given_cover(tmp_path: Path) -> None:
    cover = tmp_path / "cover.png"
    Image.new("RGB", (400, 640), (20, 40, 60)).save(cover)
    target = write_epub(book_with_parts(cover), tmp_path / "parts.epub", EpubOptions(datetime(2024, 6, 1, tzinfo=UTC)))
    epubcheck_later(target)
    book = Epub(target)
    expected = [
        ("Prologue", "text/chapter-001.xhtml", []),
        (
            "Part One",
            "text/part-01.xhtml",
            [("The Arrival", "text/chapter-002.xhtml", []), ("The Stay", "text/chapter-003.xhtml", [])],
        ),
        ("Part Two", "text/part-02.xhtml", [("The Leaving", "text/chapter-004.xhtml", [])]),
    ]
    assert nav_tree(book.nav().find(".//x:nav[@epub:type='toc']/x:ol", NS)) == expected
    assert ncx_tree(book.ncx().find("ncx:navMap", NS)) == expected
    part = book.xml("text/part-01.xhtml").find(".//x:section", NS)
    assert part.get(EPUB_TYPE) == "part" and "".join(part.find("x:h2", NS).itertext()) == "Part One"
    front = ["text/cover.xhtml", "text/titlepage.xhtml", "text/copyright.xhtml"]  # issue 14: the copyright page
    front += ["text/dedication.xhtml", "text/epigraph.xhtml", "nav.xhtml"]
    assert book.spine()[: len(front) + 2] == front + ["text/chapter-001.xhtml", "text/part-01.xhtml"]
    for kind in ("dedication", "epigraph"):
        assert book.xml(f"text/{kind}.xhtml").find(".//x:section", NS).get(EPUB_TYPE) == kind
    assert book.item(properties="cover-image").get("media-type") == "image/png"
    assert book.opf.findtext(".//dc:identifier", namespaces=NS) == "urn:isbn:9780000000002"
    # A bare day is written as noon UTC that day (issue 19): Calibre read 2024-05-17 as the 18th.
    assert book.opf.findtext(".//dc:date", namespaces=NS) == "2024-05-17T12:00:00Z"
    creators = book.opf.findall(".//dc:creator", NS)
    assert [c.text for c in creators] == ["Ann Lee", "Bo Mars"] and len({c.get("id") for c in creators}) == 2
    collection = book.opf.find(".//opf:meta[@property='belongs-to-collection']", NS)
    refines = {
        m.get("property"): m.text for m in book.opf.findall(f".//opf:meta[@refines='#{collection.get('id')}']", NS)
    }
    assert collection.text == "Houses" and refines == {"collection-type": "series", "group-position": "2"}
    assert book.metas("dcterms:modified") == ["2024-06-01T00:00:00Z"]


def test_generated_cover_keeps_long_titles_and_names_inside_the_frame() -> None:
    from ebookgen.epub.cover import MARGIN, generate_cover, palette_for

    title = "The Remarkable and Entirely True History of the Misadventures of Captain Bartholomew Higginbottom"
    metadata = Metadata(title=title, authors=("Maximilian Alexander Fitzgerald-Worthington III",), series="Seas")
    picture = Image.open(io.BytesIO(generate_cover(metadata))).convert("RGB")
    ground = palette_for(title)[0]
    for box in (
        (MARGIN + 40, MARGIN + 40, 205, 2560 - MARGIN - 40),
        (1600 - 205, MARGIN + 40, 1600 - MARGIN - 40, 2400),
    ):
        colours = picture.crop(box).getcolors(1 << 16)
        assert all(max(abs(a - b) for a, b in zip(colour, ground, strict=True)) < 24 for _, colour in colours), box
    assert len(picture.crop((220, 600, 1380, 1400)).getcolors(1 << 16)) > 50  # The title is set in the middle.


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('cover = "cover.jpg"\n', "the cover must be a JPEG, PNG, GIF, WebP or SVG image"),
        ('date = "May 2024"\n', "is not a date such as 2024"),
        ('series = "S"\nseries_index = "two"\n', "series_index 'two' is not a number"),
    ],
)
def test_bad_epub_metadata_is_one_line_and_writes_nothing(tmp_path: Path, toml: str, message: str) -> None:
    from typer.testing import CliRunner

    from ebookgen.cli.app import app

    (tmp_path / "story.txt").write_text("Chapter 1\n\nText.\n", encoding="utf-8")
    (tmp_path / "cover.jpg").write_text("not an image", encoding="utf-8")
    (tmp_path / "book.toml").write_text(f'title = "T"\n{toml}', encoding="utf-8")
    result = CliRunner().invoke(app, ["epub", str(tmp_path), "-o", str(tmp_path / "out.epub")])
    assert result.exit_code == 3 and message in result.output
    assert "Traceback" not in result.output and not (tmp_path / "out.epub").exists()
