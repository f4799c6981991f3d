"""Word's XML parts parsed for mammoth by ElementTree's C parser: the very tree mammoth's own minidom parser builds.

The Word reader swaps mammoth's parser for a faster one (ebookgen/readers/docxxml.py); the books stay the same
only if every part reads to the same ``XmlElement`` tree: names, attributes, text nodes, order.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from mammoth.docx import office_xml, xmlparser

from ebookgen.errors import InputError
from ebookgen.readers import docxxml
from ebookgen.readers.docx import read_docx

from .wordfiles import google_docs_export, with_notes, word_manuscript

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def both(data: bytes):
    """Parse one part both ways, with the namespaces mammoth reads Word's parts with."""
    minidom = xmlparser.parse_xml(io.BytesIO(data), office_xml._namespaces)
    return minidom, docxxml.parse_xml(io.BytesIO(data), office_xml._namespaces)


@pytest.mark.parametrize("make", [word_manuscript, google_docs_export], ids=["word", "google-docs"])
def test_every_part_of_a_word_file_parses_to_mammoths_own_tree(tmp_path: Path, make) -> None:
    path = make(tmp_path / "story.docx")
    if make is word_manuscript:
        path = with_notes(path, "A footnote.", "An endnote.")
    with zipfile.ZipFile(path) as archive:
        parts = [name for name in archive.namelist() if name.endswith((".xml", ".rels"))]
        assert "word/styles.xml" in parts and "word/document.xml" in parts
        for name in parts:
            minidom, ours = both(archive.read(name))
            assert ours == minidom, name


@pytest.mark.parametrize(
    "body",
    [
        b"<w:t xml:space='preserve'>half<!-- a comment -->way<?mark here?> there</w:t>",  # Split text nodes.
        b"<w:r><w:t>one</w:t>\n  <w:t>&amp; two &#169;</w:t></w:r><x:z xmlns:x='urn:other' a='1' x:b='2'/>",
        b"<w:t><![CDATA[<not markup>]]> after</w:t>",  # Left to minidom: it drops a CDATA section.
    ],
    ids=["comment-and-instruction", "entities-and-unknown-namespace", "cdata"],
)
def test_comments_instructions_entities_and_cdata_read_as_minidom_reads_them(body: bytes) -> None:
    part = b"<?xml version='1.0'?><!-- top --><w:document xmlns:w='" + W.encode() + b"'>" + body + b"</w:document>"
    minidom, ours = both(part)
    assert ours == minidom
    assert ours != both(part.replace(b"</w:document>", b"<w:p/></w:document>"))[0]  # The comparison can tell.


def test_a_damaged_part_is_refused_in_one_line(tmp_path: Path) -> None:
    path = word_manuscript(tmp_path / "story.docx")
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            target.writestr(item, data[:-40] if item.filename == "word/styles.xml" else data)
    with pytest.raises(InputError) as raised:
        read_docx(broken)
    assert "cannot be read" in str(raised.value) and "damaged" in str(raised.value)


def test_the_word_reader_reads_with_the_fast_parser(tmp_path: Path) -> None:
    read_docx(word_manuscript(tmp_path / "story.docx"))
    assert office_xml.parse_xml is docxxml.parse_xml
