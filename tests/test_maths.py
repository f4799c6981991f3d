"""Issue 27 class 10: maths kept, and embedded media named.

A web page's or an EPUB's MathML stays MathML in the EPUB (its documents marked `mathml` in the manifest)
and is drawn as an SVG per formula in print (ziamath); a formula that cannot be drawn prints its alt text
and check names it; a video, a sound or a canvas is dropped and named with its alternative text.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.model import Emphasis, Formula, Text
from ebookgen.model.maths import formula_key, formula_of
from ebookgen.normalise.runs import encoded, runs_of
from ebookgen.readers.table import read_source

from .conftest import epubcheck_later

runner = CliRunner()
MATHML = "http://www.w3.org/1998/Math/MathML"
NS = {"m": MATHML, "x": "http://www.w3.org/1999/xhtml", "opf": "http://www.idpf.org/2007/opf"}
EULER = (
    '<math alttext="e^{i\\pi}+1=0" class="page-maths" style="color:red" id="m1"><msup><mi>e</mi>'
    "<mrow><mi>i</mi><mi>\u03c0</mi></mrow></msup><mo>+</mo><mn>1</mn><mo>=</mo><mn>0</mn></math>"
)
FRACTION = (
    '<m:math xmlns:m="http://www.w3.org/1998/Math/MathML" display="block"><m:semantics><m:mrow><m:mfrac>'
    "<m:mi>a</m:mi><m:mi>b</m:mi></m:mfrac><m:mo>+</m:mo><m:msqrt><m:msup><m:mi>x</m:mi><m:mn>2</m:mn></m:msup>"
    '</m:msqrt></m:mrow><m:annotation encoding="application/x-tex">\\frac{a}{b}+\\sqrt{x^2}</m:annotation>'
    "</m:semantics></m:math>"
)
BROKEN = "<math><mfrac><mi>q</mi></mfrac></math>"  # a fraction with no denominator: ziamath cannot lay it out


def page(tmp_path: Path, body: str, name: str = "maths.html") -> Path:
    """Write a web page with a chapter heading and the body given."""
    path = tmp_path / name
    path.write_text(f"<html><head><title>Sums</title></head><body><h1>Chapter 1</h1>{body}</body></html>", "utf-8")
    return path


def built(source: Path, folder: Path) -> Path:
    """Build an EPUB, hand it to EPUBCheck, and return it."""
    epub = folder / f"{source.stem}.epub"
    result = runner.invoke(app, ["epub", str(source), "-o", str(epub)])
    assert result.exit_code == 0, result.output
    epubcheck_later(epub)
    return epub


def chapter(epub: Path) -> etree._Element:
    """Return the first chapter's XHTML tree."""
    with zipfile.ZipFile(epub) as archive:
        return etree.fromstring(archive.read("EPUB/text/chapter-001.xhtml"))


STORY = f'<p>Euler found that {EULER} holds, which is "beautiful".</p>{FRACTION}<p>And that was the end.</p>'


def test_a_formula_travels_through_the_text_rules_as_a_word() -> None:
    formula = Formula(f'<math xmlns="{MATHML}"><mi>x</mi></math>', "x", True)
    assert formula_of(formula_key(formula)) == formula
    assert set(formula_key(formula)) <= set("0123456789abcdef")
    runs = (Text("Take "), Emphasis((formula,)), Text(" now."))
    assert runs_of(encoded(runs)) == runs


def test_mathml_is_kept_in_the_epub_clean_with_its_alt_text_and_manifest_property(tmp_path: Path) -> None:
    epub = built(page(tmp_path, STORY), tmp_path)
    tree = chapter(epub)
    inline, display = tree.findall(".//m:math", NS)
    assert inline.get("alttext") == "e^{i\\pi}+1=0" and inline.get("display") is None
    assert inline.get("class") is None and inline.get("style") is None and inline.get("id") is None
    assert [etree.QName(child).localname for child in inline] == ["msup", "mo", "mn", "mo", "mn"]
    assert not inline.findall(".//x:span", NS)  # no language span inside MathML for its Greek letter
    assert display.get("display") == "block" and display.get("alttext") == "\\frac{a}{b}+\\sqrt{x^2}"
    assert display.find("m:mrow/m:mfrac", NS) is not None and display.find(".//m:annotation", NS) is None
    paragraph = inline.getparent()
    assert "Euler found that" in paragraph.text and "\u201cbeautiful\u201d" in "".join(paragraph.itertext())
    with zipfile.ZipFile(epub) as archive:
        opf = etree.fromstring(archive.read("EPUB/content.opf"))
    item = opf.find(".//opf:item[@href='text/chapter-001.xhtml']", NS)
    assert "mathml" in item.get("properties", "").split()
    result = runner.invoke(app, ["check", str(tmp_path / "maths.html")])
    assert result.exit_code == 0 and "formula" not in result.stdout and "lost" not in result.stdout, result.stdout


def test_an_epubs_mathml_is_read_back_as_mathml(tmp_path: Path) -> None:
    first = built(page(tmp_path, STORY), tmp_path)
    again = tmp_path / "again"
    again.mkdir()
    tree = chapter(built(first, again))
    assert [math.get("alttext") for math in tree.findall(".//m:math", NS)] == [
        "e^{i\\pi}+1=0",
        "\\frac{a}{b}+\\sqrt{x^2}",
    ]


def test_a_formula_in_a_table_cell_is_kept(tmp_path: Path) -> None:
    table = f"<table><tr><th>Name</th><th>Identity</th></tr><tr><td>Euler</td><td>{EULER}</td></tr></table>"
    tree = chapter(built(page(tmp_path, table, "cells.html"), tmp_path))
    assert tree.find(".//x:td/m:math", NS) is not None


def test_video_sound_and_canvas_are_named_with_their_alternative_text(tmp_path: Path) -> None:
    body = (
        "<p>The talk follows.</p>"
        "\n<video src='media/talk.mp4?v=2' aria-label='The lecture on Euler&apos;s identity'>No player.</video>"
        "\n<audio><source src='song.ogg'/>A recording of the school song.</audio>"
        "\n<canvas></canvas><p>That is all.</p>"
    )
    source = read_source(page(tmp_path, body, "media.html"))
    assert source.unmapped == (
        'a video (talk.mp4) was dropped; its alternative text: "The lecture on Euler\'s identity" (line 2)',
        'a sound (song.ogg) was dropped; its alternative text: "A recording of the school song." (line 3)',
        "a drawing was dropped; it has no alternative text to put in its place (line 4)",
    )
    result = runner.invoke(app, ["check", str(tmp_path / "media.html")])
    assert "a video (talk.mp4) was dropped; its alternative text" in result.stdout


def test_a_formula_that_cannot_be_drawn_is_named_by_check_with_its_line(tmp_path: Path) -> None:
    path = page(tmp_path, f"\n<p>First line.</p>\n<p>The ratio {BROKEN} is odd.</p>\n", "broken.html")
    result = runner.invoke(app, ["check", str(path)])
    said = f"{path}:3: warning: the formula \u201cq\u201d cannot be drawn in print"  # its line in the page
    assert said in result.stdout, result.stdout


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils' pdftotext is not installed")
def test_print_draws_each_formula_and_prints_the_alt_text_of_one_it_cannot_draw(tmp_path: Path) -> None:
    path = page(tmp_path, STORY + f"<p>The ratio {BROKEN} is odd.</p>", "print.html")
    pdf = tmp_path / "print.pdf"
    result = runner.invoke(app, ["pdf", str(path), "-o", str(pdf)])
    assert result.exit_code == 0, result.output
    assert "the formula \u201cq\u201d cannot be drawn in print" in result.output
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    assert "holds," in flat and "\u201cbeautiful\u201d." in flat and "And that was the end." in flat
    assert "\\frac" not in flat and "i\\pi" not in flat  # drawn, not printed as TeX or as loose MathML text
    assert "The ratio q is odd." in flat  # the one it cannot draw: its alt text


OFFICE_MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math"
SUM = (
    '<m:oMathPara><m:oMath><m:nary><m:naryPr><m:chr m:val="\u2211"/><m:limLoc m:val="undOvr"/></m:naryPr>'
    "<m:sub><m:r><m:t>k=1</m:t></m:r></m:sub><m:sup><m:r><m:t>n</m:t></m:r></m:sup><m:e><m:f><m:num><m:r>"
    "<m:t>1</m:t></m:r></m:num><m:den><m:sSup><m:e><m:r><m:t>k</m:t></m:r></m:e><m:sup><m:r><m:t>2</m:t></m:r>"
    "</m:sup></m:sSup></m:den></m:f></m:e></m:nary><m:r><m:t>&lt;</m:t></m:r><m:d><m:e><m:rad><m:radPr>"
    '<m:degHide m:val="1"/></m:radPr><m:deg/><m:e><m:r><m:t>2</m:t></m:r></m:e></m:rad></m:e></m:d>'
    "</m:oMath></m:oMathPara>"
)


def word_equations(path: Path) -> Path:
    """Write a Word story with an equation in a sentence and one displayed in a paragraph of its own."""
    import docx

    document = docx.Document()
    document.add_heading("Chapter 1", 1)
    sentence = document.add_paragraph("The area is ")
    namespaces = f'xmlns:m="{OFFICE_MATH}" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    sentence._p.append(etree.fromstring(
        f"<m:oMath {namespaces}><m:r><m:t>A=\u03c0</m:t></m:r><m:sSup><m:e><m:r><m:t>r</m:t></m:r></m:e>"
        "<m:sup><m:r><m:t>2</m:t></m:r></m:sup></m:sSup></m:oMath>"
    ))  # fmt: skip
    sentence.add_run(" as everyone knows.")
    document.add_paragraph()._p.append(etree.fromstring(SUM.replace("<m:oMathPara>", f"<m:oMathPara {namespaces}>")))
    document.add_paragraph("So the sum stays small.")
    document.save(path)
    return path


def test_a_word_documents_equations_become_mathml_in_place(tmp_path: Path) -> None:
    path = word_equations(tmp_path / "sums.docx")
    source = read_source(path)
    assert not any("oMath" in note for note in source.unmapped), source.unmapped
    assert "The area is $A = \u03c0 r^2$ as everyone knows." in source.text  # its alt text: the formula in a line
    tree = chapter(built(path, tmp_path))
    inline, display = tree.findall(".//m:math", NS)
    assert inline.getparent().text.startswith("The area is") and inline.tail == " as everyone knows."
    assert [etree.QName(child).localname for child in inline] == ["mi", "mo", "mi", "msup"]
    assert display.get("display") == "block"
    sums = display.find("m:mrow/m:munderover", NS)
    assert sums is not None and sums[0].text == "\u2211"
    assert display.find(".//m:mfrac/m:msup", NS) is not None  # 1 over k squared
    assert display.find(".//m:msqrt", NS) is not None and display.find(".//m:mroot", NS) is None
    result = runner.invoke(app, ["check", str(path)])
    assert "lost" not in result.stdout and "oMath" not in result.stdout, result.stdout


TEX_STORY = """# The case $n=1$

It costs $5 and $10 at the shop. Where $x^2 + y^2 = r^2$ holds, "clearly".

$$
\\sum_{k=1}^{n} \\frac{1}{k^2} < 2
$$

Then $\\frac{a}{$ broke.
"""


def test_a_markdown_files_tex_becomes_mathml_and_money_stays_money(tmp_path: Path) -> None:
    story = tmp_path / "tex.md"
    story.write_text(TEX_STORY, encoding="utf-8")
    source = read_source(story)
    assert source.unmapped == ("a TeX formula latex2mathml cannot read was kept as typed: $\\frac{a}{$",)
    tree = chapter(built(story, tmp_path))
    inline, display = tree.findall(".//m:math", NS)
    assert inline.get("alttext") == "x^2 + y^2 = r^2" and inline.find("m:mrow/m:msup", NS) is not None
    assert "It costs $5 and $10 at the shop. Where" in inline.getparent().text
    assert display.get("display") == "block" and display.find(".//m:munderover", NS) is not None
    assert display.getparent().get("class") == "formula-display"
    assert "".join(tree.find(".//x:h2", NS).itertext()) == "The case n=1"  # a title is words: the TeX
    assert "Then $\\frac{a}{$ broke." in "".join(tree.itertext())  # kept as typed, named above
    result = runner.invoke(app, ["check", str(story)])
    assert result.exit_code == 0 and "lost" not in result.stdout and "U+FDDD" not in result.stdout, result.stdout


def test_a_video_in_a_sites_page_is_named_by_its_line_in_the_page_itself(tmp_path: Path) -> None:
    prose = "<p>" + "The campers sang and walked back to the cabins under a sky full of stars. " * 3 + "</p>"
    path = tmp_path / "site.html"
    path.write_text(
        f"<html><head><title>Camp</title></head><body><nav><a href='/'>Home</a></nav>\n<article><h1>Camp</h1>{prose}"
        f"\n{prose}\n<video src='film.mp4' title='The camp film'>no</video>\n{prose}</article>\n"
        "<footer>Site footer</footer></body></html>",
        encoding="utf-8",
    )
    source = read_source(path)
    assert (
        'a video (film.mp4, line 4 of the page) was dropped; its alternative text: "The camp film"' in source.unmapped
    )


def test_mathml_without_alt_text_is_given_the_formula_in_a_line() -> None:
    import lxml.html

    from ebookgen.readers.embedded import formula_of_element

    math = lxml.html.fragment_fromstring(
        "<math><mfrac><mi>a</mi><mrow><mi>b</mi><mo>+</mo><mn>1</mn></mrow></mfrac><mo>+</mo>"
        "<msqrt><msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup></msqrt></math>"
    )
    assert formula_of_element(math).alt == "a/(b + 1) + \u221a(x_i^2)"


def package_features(epub: Path) -> list[str]:
    """Return the accessibility features an EPUB's package declares."""
    with zipfile.ZipFile(epub) as archive:
        opf = next(name for name in archive.namelist() if name.endswith(".opf"))
        tree = etree.fromstring(archive.read(opf))
    return [meta.text for meta in tree.iter("{*}meta") if meta.get("property") == "schema:accessibilityFeature"]


def test_a_book_with_formulas_declares_mathml_and_described_maths(tmp_path: Path) -> None:
    with_maths = built(page(tmp_path, f"<p>Euler wrote {EULER} once.</p>"), tmp_path)
    assert {"MathML", "describedMath"} <= set(package_features(with_maths))  # a reading system voices its alt text
    plain = built(page(tmp_path, "<p>No sums here, only words.</p>", "plain.html"), tmp_path)
    assert "MathML" not in package_features(plain)
