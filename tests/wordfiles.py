"""Word documents the reader tests read, written by python-docx: a writer's manuscript and a Google Docs export.

python-docx writes no footnotes or endnotes, so those parts are added to the saved zip by hand,
where placeholder runs (``NOTE-1``) stood.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
NOTES_PART = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{kind}s {ns}>'
    '<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
    '<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>'
    '<w:{kind} w:id="1"><w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:{kind}></w:{kind}s>'
)
RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}s"
CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}s+xml"


def png_bytes() -> bytes:
    """A small picture: a grey square."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 40), (120, 120, 120)).save(out, format="PNG")
    return out.getvalue()


def word_manuscript(path: Path) -> Path:
    """A novelist's manuscript: properties, parts and chapters, emphasis, indents, breaks, a note, a picture."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Inches

    document = docx.Document()
    document.core_properties.title = "The Lamp at the Window"
    document.core_properties.author = "Ada Vale"
    document.core_properties.comments = ""
    document.core_properties.keywords = "gothic; winter"

    def paragraph(*runs: tuple[str, str]):
        made = document.add_paragraph()
        made.paragraph_format.first_line_indent = Inches(0.3)
        for text, style in runs:
            run = made.add_run(text)
            run.italic, run.bold = "i" in style, "b" in style
        return made

    document.add_heading("Part One: Autumn", 1)
    document.add_heading("Chapter 1", 2)
    paragraph(("The lamp burned all night. She had ", ""), ("never", "i"), (" seen it dark.", ""))
    paragraph(("“It’s ", ""), ("mine", "b"), (",” she said. ", ""), ("Truly", "bi"), (" mine.", ""), ("NOTE-1", ""))
    centred = document.add_paragraph("* * *")
    centred.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph(("Morning came grey and slow.", ""))
    document.add_paragraph("")
    paragraph(("Later, the letter arrived.", ""))
    lines = paragraph(("Dear Ada,", ""))
    lines.add_run().add_break()
    lines.add_run("come home.")
    picture = document.add_paragraph().add_run().add_picture(io.BytesIO(png_bytes()), width=Inches(1))
    picture._inline.docPr.set("descr", "The lamp in the window")
    paragraph(("The end of the chapter.", ""))
    paragraph(("", "")).runs[0].add_break(WD_BREAK.PAGE)
    document.add_heading("Chapter 2", 2)
    paragraph(("The door was open.", ""), ("NOTE-E", ""))
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Monday", "rain"
    table.cell(1, 0).text, table.cell(1, 1).text = "Tuesday", "snow"
    document.sections[0].header.paragraphs[0].text = "Ada Vale / The Lamp"
    paragraph(("She closed it behind her.", ""))
    document.save(path)
    return with_notes(path, "The lamp was her grandmother’s.", "Written in the winter of 2023.")


def with_notes(path: Path, footnote: str, endnote: str) -> Path:
    """Add a footnote and an endnote part to a saved document, at its NOTE-1 and NOTE-E runs."""
    with zipfile.ZipFile(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    body = files["word/document.xml"].decode()
    body = body.replace("<w:t>NOTE-1</w:t>", '<w:footnoteReference w:id="1"/>')
    body = body.replace("<w:t>NOTE-E</w:t>", '<w:endnoteReference w:id="1"/>')
    files["word/document.xml"] = body.encode()
    rels = files["word/_rels/document.xml.rels"].decode()
    types = files["[Content_Types].xml"].decode()
    for kind, text in (("footnote", footnote), ("endnote", endnote)):
        files[f"word/{kind}s.xml"] = NOTES_PART.format(kind=kind, ns=W, text=text).encode()
        link = f'<Relationship Id="rId{kind}" Type="{RELATIONSHIP.format(kind=kind)}" Target="{kind}s.xml"/>'
        rels = rels.replace("</Relationships>", f"{link}</Relationships>")
        override = f'<Override PartName="/word/{kind}s.xml" ContentType="{CONTENT_TYPE.format(kind=kind)}"/>'
        types = types.replace("</Types>", f"{override}</Types>")
    files["word/_rels/document.xml.rels"], files["[Content_Types].xml"] = rels.encode(), types.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def google_docs_export(path: Path) -> Path:
    """A Google Docs export: a Title paragraph, headings made bold by hand, empty paragraphs between paragraphs."""
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    document.core_properties.author = "python-docx"  # What a tool leaves there: not the book's author.
    document.core_properties.comments = "generated by python-docx"
    document.add_paragraph("Salt and Iron", style="Title")
    document.add_paragraph("a story in two parts", style="Subtitle")
    for number, paragraphs in ((1, ("The tide was out.", "Gulls argued overhead.")), (2, ("Night fell.",))):
        heading = document.add_paragraph(style="Heading 1")
        run = heading.add_run(f"Chapter {number}")
        run.bold = True  # Google Docs writes the heading's look as direct formatting.
        document.add_paragraph("")
        for text in paragraphs:
            made = document.add_paragraph()
            made.add_run(text)
            made.add_run(" Quietly.").italic = True
            document.add_paragraph("")
        document.add_paragraph("")  # Two empty paragraphs: a gap, where one only separates.
        document.add_paragraph("After the gap.")
        document.add_paragraph("").add_run().add_break(WD_BREAK.PAGE)
    document.save(path)
    return path
