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


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
NOTES_PARTS = {"footnote": "footnotes", "endnote": "endnotes"}


def notes_part(kind: str, text: str) -> bytes:
    """Return a footnotes or endnotes part as Word writes it: its two separators, then note 1."""
    separators = "".join(
        f'<w:{kind} w:type="{name}" w:id="{number}"><w:p><w:r><w:{name}/></w:r></w:p></w:{kind}>'
        for number, name in ((-1, "separator"), (0, "continuationSeparator"))
    )
    note = f'<w:{kind} w:id="1"><w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:{kind}>'
    return f'<?xml version="1.0" encoding="UTF-8"?><w:{kind}s {W_NS}>{separators}{note}</w:{kind}s>'.encode()


def with_notes_parts(files: dict[str, bytes]) -> None:
    """Add the footnotes and endnotes parts, with their content types and relationships, to a saved document."""
    relationships, types = "", ""
    for kind, part in NOTES_PARTS.items():
        files[f"word/{part}.xml"] = notes_part(kind, f"The {kind}'s own words.")
        kind_type = f"application/vnd.openxmlformats-officedocument.wordprocessingml.{part}+xml"
        types += f'<Override PartName="/word/{part}.xml" ContentType="{kind_type}"/>'
        relationships += (
            f'<Relationship Id="rId{kind}" Target="{part}.xml" '
            f'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{part}"/>'
        )
    files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(b"</Types>", types.encode() + b"</Types>")
    rels = files["word/_rels/document.xml.rels"]
    files["word/_rels/document.xml.rels"] = rels.replace(
        b"</Relationships>", relationships.encode() + b"</Relationships>"
    )


def test_a_word_note_is_placed_at_the_paragraph_holding_its_call(tmp_path: Path) -> None:
    # Check named a footnote's or an endnote's place by the document's last paragraph; Word shows it at its call.
    from docx.oxml import parse_xml

    path = tmp_path / "story.docx"
    document = saved(path, "Chapter One", "A plain start.", "This one calls a footnote", "An endnote here", "The end.")
    document.paragraphs[2]._p.append(parse_xml(f'<w:r {W_NS}><w:footnoteReference w:id="1"/></w:r>'))
    document.paragraphs[3]._p.append(parse_xml(f'<w:r {W_NS}><w:endnoteReference w:id="1"/></w:r>'))
    document.save(path)
    source = read_source(rewritten(path, with_notes_parts))
    lines = source.text.split("\n")
    footnote = next(number for number, line in enumerate(lines, 1) if "footnote's own words" in line)
    endnote = next(number for number, line in enumerate(lines, 1) if "endnote's own words" in line)
    body = next(number for number, line in enumerate(lines, 1) if line.startswith("The end."))
    assert (source.source_line(footnote), source.source_line(endnote), source.source_line(body)) == (3, 4, 5)


def test_a_reviewers_comment_is_named_by_its_words_and_paragraph(tmp_path: Path) -> None:
    # Check only counted the comments left out; each is now named as other removals are.
    import docx

    document = docx.Document()
    for text in ("Chapter One", "A plain start.", "The sentence a reviewer questioned.", "The end."):
        document.add_paragraph(text)
    questioned = document.paragraphs[2].runs[0]
    document.add_comment(questioned, text="Is this date right? Check the ship's log first.", author="Ada")
    document.add_comment(document.paragraphs[3].runs[0], text="Lovely ending.", author="Bo")
    document.save(tmp_path / "story.docx")
    source = read_source(tmp_path / "story.docx")
    assert "ship's log" not in source.text and "Lovely" not in source.text
    assert [note for note in source.unmapped if "comment" in note] == [
        "a reviewer's comment on paragraph 3 left out (not the story's text): "
        '"Is this date right? Check the ship\'s log first."',
        "a reviewer's comment on paragraph 4 left out (not the story's text): \"Lovely ending.\"",
    ]
    result = runner.invoke(app, ["check", str(tmp_path / "story.docx")])
    assert "paragraph 3 left out (not the story's text): \"Is this date right?" in result.output
