"""The EPUB: EPUBCheck clean, and the package says what a reader needs."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from .conftest import epubcheck_later
from .epubtools import NS


def opf(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        container = etree.fromstring(archive.read("META-INF/container.xml"))
        name = container.find(".//{*}rootfile").get("full-path")
        return etree.fromstring(archive.read(name))


def documents(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist() if name.endswith(".xhtml")}


@pytest.mark.slow
def test_bundled_book_passes_epubcheck(sample_epub: Path) -> None:
    epubcheck_later(sample_epub)


def test_package_metadata(sample_epub: Path) -> None:
    package = opf(sample_epub)
    assert package.get("version") == "3.0"
    assert package.findtext(".//dc:title", namespaces=NS) == "Tell Me Something"
    assert package.findtext(".//dc:creator", namespaces=NS) == "Anonymous"
    assert package.findtext(".//dc:language", namespaces=NS) == "en"
    assert package.find(".//opf:item[@media-type='application/x-dtbncx+xml']", NS) is not None
    assert package.find(".//opf:item[@properties='nav']", NS) is not None


def test_mimetype_first_and_stored(sample_epub: Path) -> None:
    with zipfile.ZipFile(sample_epub) as archive:
        first = archive.infolist()[0]
    assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED


def test_every_document_declares_xml_and_language(sample_epub: Path) -> None:
    for name, data in documents(sample_epub).items():
        assert data.startswith(b"<?xml"), name
        root = etree.fromstring(data)
        assert root.get("lang") == root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en", name
        assert root.findtext(".//x:title", namespaces=NS), name


def test_chapter_markup(sample_epub: Path) -> None:
    chapter = documents(sample_epub)["EPUB/text/chapter-001.xhtml"]
    root = etree.fromstring(chapter)
    section = root.find(".//x:section", NS)
    assert section.get("{http://www.idpf.org/2007/ops}type") == "chapter"
    assert len(root.findall(".//x:hr", NS)) == 2
    flashback = root.findall(".//x:div[@class='flashback']", NS)
    assert len(flashback) == 1 and len(flashback[0].findall("x:p", NS)) == 25
    assert root.find(".//x:p[@class='scene-setting']", NS) is not None
    text = "".join(root.itertext())
    assert "* * *" not in text and '"' not in text and "End Flashback" not in text
    assert "‘deflower’" in text


def test_shared_css_is_linked(sample_epub: Path) -> None:
    chapter = documents(sample_epub)["EPUB/text/chapter-001.xhtml"].decode()
    assert "css/base.css" in chapter and "css/epub.css" in chapter
    with zipfile.ZipFile(sample_epub) as archive:
        for name in ("EPUB/css/base.css", "EPUB/css/epub.css"):
            css = re.sub(r"/\*.*?\*/", "", archive.read(name).decode(), flags=re.S)
            assert "color" not in css and "flex" not in css and "background" not in css, name
