"""Word files shaped like other projects' test files (issue 27): read right, never a crash, no word glued or lost."""

from __future__ import annotations

import zipfile
from pathlib import Path

from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.readers.table import read_source

runner = CliRunner()


def saved(path: Path, *paragraphs: str):
    """Write a document of plain paragraphs with python-docx; return it, still open for changes."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(path)
    return document


def tracked(element, tag: str):
    """Add a tracked-change mark (`w:del`, `w:ins`) under an element, as Word writes it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    mark = OxmlElement(tag)
    for name, value in (("w:id", "1"), ("w:author", "Ada"), ("w:date", "2024-01-01T00:00:00Z")):
        mark.set(qn(name), value)
    element.append(mark)
    return mark


def mark_properties(paragraph):
    """Return a paragraph's mark properties (`w:pPr/w:rPr`), where Word records a change to its end."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = paragraph._p.get_or_add_pPr()
    found = properties.find(qn("w:rPr"))
    if found is None:
        found = OxmlElement("w:rPr")
        properties.append(found)
    return found


def rewritten(path: Path, change) -> Path:
    """Rewrite a saved document's parts through change(files), in place."""
    with zipfile.ZipFile(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    change(files)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def test_a_style_the_document_never_defines_is_read_as_text_and_named(tmp_path: Path) -> None:
    # pandoc's headers.docx: a paragraph styled Heading7, a style its styles part never defines.
    path = tmp_path / "headers.docx"
    document = saved(path, "Sixth level", "Seventh level", "Some more plain text.")
    document.paragraphs[1]._p.get_or_add_pPr().get_or_add_pStyle().val = "HeadingSeven"
    document.save(path)
    source = read_source(path)
    assert "Seventh level" in source.text and "Some more plain text." in source.text
    assert "style(s) HeadingSeven used but never defined in the document: read as plain text" in source.unmapped
    result = runner.invoke(app, ["epub", str(path), "-o", str(tmp_path / "headers.epub")])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output


def test_a_deleted_paragraph_end_joins_two_paragraphs_with_a_space(tmp_path: Path) -> None:
    # Word's tracked deletion of a paragraph mark: the two paragraphs become one, their words not glued.
    path = tmp_path / "joined.docx"
    document = saved(path, "The first paragraph ends with split", "Paragraph two starts here.", "A third.")
    tracked(mark_properties(document.paragraphs[0]), "w:del")
    document.save(path)
    source = read_source(path)
    assert "ends with split Paragraph two starts here." in source.text
    assert "splitParagraph" not in source.text
    assert "\n\nA third." in source.text  # Only the marked paragraph's end is joined.
    assert any("1 deleted paragraph end(s)" in note for note in source.unmapped)


def test_an_inserted_paragraph_end_keeps_two_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "split.docx"
    document = saved(path, "The first half", "The second half.")
    tracked(mark_properties(document.paragraphs[0]), "w:ins")
    document.save(path)
    assert read_source(path).text == "The first half\n\nThe second half.\n"


def test_the_main_part_is_found_by_its_relationship(tmp_path: Path) -> None:
    # pandoc's alternate_document_path.docx: the main part is word/document2.xml, as _rels/.rels says.
    def moved(files: dict[str, bytes]) -> None:
        files["word/document2.xml"] = files.pop("word/document.xml")
        files["word/_rels/document2.xml.rels"] = files.pop("word/_rels/document.xml.rels")
        files["_rels/.rels"] = files["_rels/.rels"].replace(b"word/document.xml", b"word/document2.xml")
        types = files["[Content_Types].xml"]
        files["[Content_Types].xml"] = types.replace(b"/word/document.xml", b"/word/document2.xml")

    path = tmp_path / "alternate.docx"
    saved(path, "Chapter One", "Hello from the second part.")
    rewritten(path, moved)
    assert "Hello from the second part." in read_source(path).text
    result = runner.invoke(app, ["epub", str(path), "-o", str(tmp_path / "alternate.epub")])
    assert result.exit_code == 0, result.output


def test_a_package_without_a_main_part_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "hollow.docx"
    saved(path, "Text.")
    rewritten(path, lambda files: files.pop("word/document.xml"))
    result = runner.invoke(app, ["epub", str(path), "-o", str(tmp_path / "hollow.epub")])
    assert result.exit_code == 2
    assert "no word/document.xml inside" in result.output and "Traceback" not in result.output


def test_check_names_a_word_files_places_by_paragraph_number(tmp_path: Path) -> None:
    # Issue 32: check counted the lines of the reader's own text; a writer finds a place in Word by paragraph.
    import docx

    document = docx.Document()
    document.add_heading("Chapter One", 1)
    for text in ("", "", "The first paragraph.", "", 'She said, "this quote is never closed.', "The end."):
        document.add_paragraph(text)
    document.save(tmp_path / "story.docx")
    result = runner.invoke(app, ["check", str(tmp_path / "story.docx")])
    lines = result.output.splitlines()
    assert f"{tmp_path / 'story.docx'}:6: error: a double quote opened in this paragraph is never closed" in lines
    assert any(line.endswith("its numbers count the document's paragraphs") for line in lines)


def test_a_document_holding_only_a_linked_picture_is_refused_saying_so(tmp_path: Path) -> None:
    # mammoth's external-picture.docx: no text, one picture linked from outside the file (never read).
    import io
    import re

    import docx

    from .wordfiles import png_bytes

    path = tmp_path / "linked.docx"
    document = docx.Document()
    document.add_paragraph().add_run().add_picture(io.BytesIO(png_bytes()))
    document.save(path)

    def linked(files: dict[str, bytes]) -> None:
        body = files["word/document.xml"].decode()
        files["word/document.xml"] = re.sub(r'r:embed="(rId\d+)"', 'r:link="rIdOutside"', body).encode()
        rels = files["word/_rels/document.xml.rels"].decode()
        outside = (
            '<Relationship Id="rIdOutside" TargetMode="External" Target="tiny-picture.png" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"/></Relationships>'
        )
        files["word/_rels/document.xml.rels"] = rels.replace("</Relationships>", outside).encode()

    rewritten(path, linked)
    result = runner.invoke(app, ["epub", str(path), "-o", str(tmp_path / "linked.epub")])
    assert result.exit_code == 2
    assert "holds no text, only a picture linked from outside it (tiny-picture.png)" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "linked.epub").exists()
