"""Issue 27 class 9: a table an author typed (a schedule, a ship's log, a chat, letters side by side) is a table.

Read from a web page, an EPUB, a Word document and a Markdown or raw-text pipe table; written as XHTML
table markup with its header cells scoped, the same markup in both editions; a layout table is still read
as paragraphs and said so. Each fixture is made here; every EPUB goes to EPUBCheck.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from lxml import etree
from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.readers.table import read_source

from .conftest import epubcheck_later
from .readergolden import assert_every_word_reaches

runner = CliRunner()
XHTML = {"x": "http://www.w3.org/1999/xhtml"}

LOG_PAGE = """<html><head><title>The Voyage</title></head><body>
<h1>Chapter 1</h1>
<p>The ship's log read as follows.</p>
<table>
<caption>Log of the <i>Mary Rose</i></caption>
<thead><tr><th>Day</th><th>Wind</th><th>Remarks</th></tr></thead>
<tbody>
<tr><td>Monday</td><td>NNE</td><td><p>Fair weather.</p><p>Sighted land at dawn.</p></td></tr>
<tr><th>Tuesday</th><td colspan="2">Becalmed all day; the crew "restless".</td></tr>
</tbody></table>
<p>After that, nothing more was written.</p>
</body></html>"""
LOG_WORDS = (
    "The ship’s log read as follows. Log of the Mary Rose Day Wind Remarks Monday NNE Fair weather. "
    "Sighted land at dawn. Tuesday Becalmed all day; the crew restless. After that, nothing more was written."
)


def built(source: Path, tmp_path: Path, *options: str) -> Path:
    """Build an EPUB of a manuscript file, hand it to EPUBCheck, and return it."""
    epub = tmp_path / f"{source.stem}.epub"
    result = runner.invoke(app, ["epub", str(source), "-o", str(epub), *options])
    assert result.exit_code == 0, result.output
    epubcheck_later(epub)
    return epub


def tables_of(epub: Path) -> list[etree._Element]:
    """Return every table element of an EPUB's chapter pages."""
    found = []
    with zipfile.ZipFile(epub) as archive:
        for name in sorted(archive.namelist()):
            if name.startswith("EPUB/text/chapter"):
                found += etree.fromstring(archive.read(name)).findall(".//x:table", XHTML)
    return found


def cells(table: etree._Element) -> list[list[tuple[str, str, dict]]]:
    """Return a table's rows as (tag, text, attributes) per cell, namespaces off."""
    return [
        [(etree.QName(cell).localname, "".join(cell.itertext()), dict(cell.attrib)) for cell in row]
        for row in table.iterfind(".//x:tr", XHTML)
    ]


def test_a_web_pages_table_is_set_as_a_table_with_its_caption_head_spans_and_lines(tmp_path: Path) -> None:
    page = tmp_path / "voyage.html"
    page.write_text(LOG_PAGE, encoding="utf-8")
    epub = built(page, tmp_path)
    [table] = tables_of(epub)
    assert "".join(table.find("x:caption", XHTML).itertext()) == "Log of the Mary Rose"
    head, monday, tuesday = cells(table)
    assert [(tag, text, attributes.get("scope")) for tag, text, attributes in head] == [
        ("th", "Day", "col"),
        ("th", "Wind", "col"),
        ("th", "Remarks", "col"),
    ]
    assert table.find("x:thead", XHTML) is not None and len(table.findall("x:tbody/x:tr", XHTML)) == 2
    assert monday[2][1] == "Fair weather.Sighted land at dawn."  # two paragraphs, two lines of one cell
    assert table.find(".//x:td/x:br", XHTML) is not None
    assert tuesday[0][:2] == ("th", "Tuesday") and tuesday[0][2]["scope"] == "row"
    assert tuesday[1][2]["colspan"] == "2"
    assert "\u201crestless\u201d" in tuesday[1][1]  # typography runs in a cell as in a paragraph
    assert_every_word_reaches(epub, LOG_WORDS)


def test_check_says_nothing_of_a_table_kept_whole(tmp_path: Path) -> None:
    page = tmp_path / "voyage.html"
    page.write_text(LOG_PAGE, encoding="utf-8")
    result = runner.invoke(app, ["check", str(page)])
    assert result.exit_code == 0, result.output
    assert "table" not in result.stdout and "lost" not in result.stdout


def test_a_layout_table_is_read_as_paragraphs_and_check_says_so(tmp_path: Path) -> None:
    page = tmp_path / "layout.html"
    page.write_text(
        "<html><body><h1>One</h1><table role='presentation'><tr><td><p>First column prose.</p></td>"
        "<td><p>Second column prose.</p></td></tr></table></body></html>",
        encoding="utf-8",
    )
    source = read_source(page)
    assert "First column prose.\n\nSecond column prose." in source.text
    assert any("a table (1 row) was read as paragraphs" in line for line in source.unmapped)
    assert tables_of(built(page, tmp_path)) == []


def test_a_table_inside_a_layout_table_is_still_a_table(tmp_path: Path) -> None:
    page = tmp_path / "nested.html"
    page.write_text(
        "<html><body><h1>One</h1><table><tr><td><p>Some prose before.</p>"
        "<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>9</td></tr></table></td></tr></table>"
        "</body></html>",
        encoding="utf-8",
    )
    source = read_source(page)
    assert "Some prose before.\n\n| Name | Age |\n|---|---|\n| Ann | 9 |" in source.text
    [table] = tables_of(built(page, tmp_path))
    assert [[text for _, text, _ in row] for row in cells(table)] == [["Name", "Age"], ["Ann", "9"]]


def word_table(path: Path) -> Path:
    """Write a Word story with a chat typed as a table: a header row repeated on each page, then messages."""
    document = docx.Document()
    document.add_heading("Chapter 1", 1)
    document.add_paragraph("The messages came in a rush.")
    table = document.add_table(rows=3, cols=2)
    rows = [("Sender", "Message"), ("Mara", "Where are you?"), ("Jon", "At the station. Train is late.")]
    for row, (sender, message) in zip(table.rows, rows, strict=True):
        row.cells[0].text, row.cells[1].text = sender, message
    header = OxmlElement("w:tblHeader")
    table.rows[0]._tr.get_or_add_trPr().append(header)
    table.rows[2].cells[1].add_paragraph("Wait for me.")
    document.add_paragraph("She put the phone away.")
    document.save(path)
    return path


def test_a_word_table_is_a_table_its_repeated_header_row_its_head(tmp_path: Path) -> None:
    path = word_table(tmp_path / "chat.docx")
    assert qn("w:tblHeader")  # python-docx knows the element the fixture sets
    source = read_source(path)
    assert "| Sender | Message |\n|---|---|\n| Mara | Where are you? |" in source.text
    epub = built(path, tmp_path)
    [table] = tables_of(epub)
    rows = cells(table)
    assert [tag for tag, _, _ in rows[0]] == ["th", "th"] and table.find("x:thead", XHTML) is not None
    assert rows[2][1][1] == "At the station. Train is late.Wait for me."
    assert_every_word_reaches(epub, "The messages came in a rush. Sender Message Mara Where are you? Jon At the "
                              "station. Train is late. Wait for me. She put the phone away.")  # fmt: skip


def test_an_epubs_table_is_read_back_as_a_table(tmp_path: Path) -> None:
    page = tmp_path / "voyage.html"
    page.write_text(LOG_PAGE, encoding="utf-8")
    first = built(page, tmp_path)
    again = tmp_path / "again"
    again.mkdir()
    second = built(first, again)
    [table] = tables_of(second)
    assert [[text for _, text, _ in row] for row in cells(table)] == [
        [text for _, text, _ in row] for row in cells(tables_of(first)[0])
    ]
    assert "".join(table.find("x:caption", XHTML).itertext()) == "Log of the Mary Rose"


PIPE_TABLE = """# Chapter 1

The schedule was pinned to the door.

| Time | Who | What |
|:-----|:---:|-----:|
| 9:00 | *Anna* | Breakfast in the hall[^1] |
| 10:30 | Ben | Fencing \\| riding |

That was all.

[^1]: Porridge, as ever.
"""


def test_a_markdown_pipe_table_keeps_its_alignment_emphasis_escaped_pipes_and_note_calls(tmp_path: Path) -> None:
    story = tmp_path / "schedule.md"
    story.write_text(PIPE_TABLE, encoding="utf-8")
    epub = built(story, tmp_path)
    [table] = tables_of(epub)
    head, anna, ben = cells(table)
    assert [attributes.get("class") for _, _, attributes in head] == ["align-start", "align-center", "align-end"]
    assert table.find(".//x:td/x:em", XHTML).text == "Anna"
    assert ben[2][1] == "Fencing | riding"
    assert table.find(".//x:td/x:a[@role='doc-noteref']", XHTML) is not None  # the note call, numbered and linked
    assert "Porridge, as ever." in "".join(etree.fromstring(zipfile.ZipFile(epub).read(
        "EPUB/text/chapter-001.xhtml")).itertext())  # fmt: skip


def test_a_raw_text_pipe_table_with_a_caption_and_a_ragged_row_loses_no_cell(tmp_path: Path) -> None:
    story = tmp_path / "log.txt"
    story.write_text(
        "Chapter 1\n\nThe log.\n\nTable: Soundings\n| Hour | Fathoms |\n|---|---|\n| 1 | 12 | shoaling |\n| 2 |\n\n"
        "Then the anchor.\n",
        encoding="utf-8",
    )
    epub = built(story, tmp_path)
    [table] = tables_of(epub)
    assert "".join(table.find("x:caption", XHTML).itertext()) == "Soundings"
    assert [[text for _, text, _ in row] for row in cells(table)] == [
        ["Hour", "Fathoms"],
        ["1", "12", "shoaling"],
        ["2"],
    ]
    result = runner.invoke(app, ["check", str(story)])
    assert "lost" not in result.stdout, result.stdout


def test_prose_with_a_pipe_and_a_rule_is_not_a_table(tmp_path: Path) -> None:
    story = tmp_path / "pipes.txt"
    story.write_text("Chapter 1\n\nEither this | or that.\n\nShe said no more.\n", encoding="utf-8")
    assert tables_of(built(story, tmp_path)) == []


def test_an_html_table_typed_in_markdown_is_a_table_with_its_caption(tmp_path: Path) -> None:
    story = tmp_path / "tides.md"
    story.write_text(
        "# One\n\nBefore.\n\n<table>\n<caption>Tides</caption>\n<tr><th>Day</th><th>High</th></tr>\n"
        "<tr><td>Mon</td><td>6:02 | 18:20</td></tr>\n</table>\n<p>Same block, after the table.</p>\n\nAfter.\n",
        encoding="utf-8",
    )
    source = read_source(story)
    assert source.unmapped == ()  # nothing left out: no "HTML block" note
    assert "| Mon | 6:02 \\| 18:20 |\n\nSame block, after the table.\n\nAfter." in source.text
    [table] = tables_of(built(story, tmp_path))
    assert "".join(table.find("x:caption", XHTML).itertext()) == "Tides"
    assert [[text for _, text, _ in row] for row in cells(table)] == [["Day", "High"], ["Mon", "6:02 | 18:20"]]


def test_a_nest_of_layout_tables_is_read_as_paragraphs_and_said_once(tmp_path: Path) -> None:
    page = tmp_path / "nest.html"
    page.write_text(
        "<html><body><h1>One</h1>" + "<table><tr><td><p>Deeper.</p>" * 5 + "<p>Bottom.</p>" + "</td></tr></table>" * 5
        + "</body></html>",
        encoding="utf-8",
    )  # fmt: skip
    source = read_source(page)
    assert source.text.count("Deeper.") == 5 and "Bottom." in source.text
    assert [line for line in source.unmapped if "table" in line] == ["a table (1 row) was read as paragraphs (line 1)"]


SITE_PAGE = """<html><head><title>Site</title></head><body><nav><a href="/">Home</a> <a href="/about">About</a></nav>
<article><h1>The Schedule</h1><p>The camp had a strict schedule, and everyone followed it without complaint, mostly.</p>
<table><tr><th>Time</th><th>What</th></tr><tr><td>7:00</td><td>Swim</td></tr><tr><td>8:00</td><td>Breakfast</td></tr></table>
<p>After breakfast came chores, which nobody liked, and then the long hot afternoon by the lake, full of games.</p>
<p>Evenings were for songs around the fire, stories told and retold, and the slow walk back to the cabins.</p></article>
<aside>Related posts: none</aside><footer>Copyright the site</footer></body></html>"""


def test_a_short_table_in_a_sites_page_survives_its_main_text_search(tmp_path: Path) -> None:
    page = tmp_path / "site.html"
    page.write_text(SITE_PAGE, encoding="utf-8")
    source = read_source(page)
    assert "| Time | What |\n|---|---|\n| 7:00 | Swim |\n| 8:00 | Breakfast |" in source.text
    [note] = [line for line in source.unmapped if "left out" in line]
    assert "7 words of navigation" in note and "Swim" not in note  # the site's furniture only
    [table] = tables_of(built(page, tmp_path))
    assert [[text for _, text, _ in row] for row in cells(table)][-1] == ["8:00", "Breakfast"]
