"""What a manuscript file says about the book reaches it (issue 24): a French AO3 download and a French EPUB
come out in French, with French quotes; book.toml and the options still win; `check` lists what came from where."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ebookgen.build import build_epub, load_book
from ebookgen.cli.app import app
from ebookgen.normalise.found_language import reported_language
from ebookgen.project.manuscript import Overrides, load_project, overridden

from .conftest import epubcheck_later
from .epubtools import NS, Epub
from .fanfiles import AO3_AFTERWORD, AO3_PREFACE
from .foreign import ncx, package, page

runner = CliRunner()
NNBSP = "\u202f"  # CLDR's French spacing inside guillemets and before ? ! ; :
FRENCH_QUOTE = f"\u00ab{NNBSP}Tu viens{NNBSP}?{NNBSP}\u00bb demanda-t-elle."
FRENCH_CHAPTERS = (
    ("Chapter 1: Le bac", '"Tu viens ?" demanda-t-elle. Il haussa les épaules.', "Le bac partait à six heures."),
    ("Chapter 2: À terre", "Personne n'attendait sur le quai. Puis un chien aboya.", "Plus tard, ils mangèrent."),
)


def french_ao3_html(language: str = "Français") -> str:
    """An AO3 HTML download (otwarchive's app/views/downloads) of a French work: AO3 names the language in itself."""
    preface = AO3_PREFACE.replace("<dd>English</dd>", f"<dd>{language}</dd>").replace("The Ferry at Six", "Le Bac")
    chapters = "\n".join(
        f'<div class="meta group">\n<h2 class="heading">{heading}</h2>\n</div>\n'
        f'<div class="userstuff">\n<p>{first}</p>\n<p>{second}</p>\n</div>'
        for heading, first, second in FRENCH_CHAPTERS
    )
    return (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="UTF-8"/>\n<title>Le Bac - inkwell_writes - Harbour Lights '
        f'(TV) [Archive of Our Own]</title>\n</head>\n<body>\n{preface}\n<div id="chapters" class="userstuff">\n'
        f"{chapters}\n</div>\n{AO3_AFTERWORD}\n</body>\n</html>\n"
    )


FRENCH_PACKAGE = """<dc:language>fr-fr</dc:language>
<dc:rights>Tous droits réservés</dc:rights>
<meta name="calibre:series" content="Traversées"/>
<meta name="calibre:series_index" content="3.0"/>"""


def french_epub(path: Path) -> Path:
    """A FanFicFare-shaped EPUB 2 of a French story: its language, rights, series, date, source and publisher."""
    chapters = {
        f"OEBPS/file{number:04d}.xhtml": page(heading, f"<h3>{heading}</h3>\n<p>{first}</p>\n<p>{second}</p>")
        for number, (heading, first, second) in enumerate(FRENCH_CHAPTERS, start=1)
    }
    names = list(chapters)
    opf = package(names).replace("<dc:language>en</dc:language>", FRENCH_PACKAGE)
    container = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">\n'
        '<rootfiles><rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles>\n'
        "</container>\n"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", container)
        archive.writestr("content.opf", opf)
        archive.writestr("toc.ncx", ncx(names))
        archive.writestr("OEBPS/stylesheet.css", "body { margin: 2%; }\n")
        for name, text in chapters.items():
            archive.writestr(name, text)
    return path


def written(path: Path, text: str) -> Path:
    """Write a file, its folder made first."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def built(source: Path, out: Path, overrides: Overrides | None = None) -> Epub:
    """Build an EPUB, have EPUBCheck validate it at the end of the run, and open it."""
    build_epub(source, out, overrides=overrides)
    epubcheck_later(out)
    return Epub(out)


def dc(epub: Epub, name: str) -> list[str]:
    """Return the text of every `dc:<name>` in the package document."""
    return [element.text for element in epub.opf.findall(f".//opf:metadata/dc:{name}", NS)]


def chapter_text(epub: Epub) -> str:
    """Return the first chapter's XHTML."""
    return next(data.decode() for name, data in sorted(epub.files.items()) if "chapter-001" in name)


def test_a_french_ao3_download_is_set_in_french(tmp_path: Path) -> None:
    epub = built(written(tmp_path / "le-bac.html", french_ao3_html()), tmp_path / "le-bac.epub")
    assert dc(epub, "language") == ["fr"]
    assert epub.opf.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    assert FRENCH_QUOTE in chapter_text(epub)
    assert "“" not in chapter_text(epub)
    assert dc(epub, "publisher") == ["Archive of Our Own"]
    assert dc(epub, "source") == ["https://archiveofourown.org/works/98765"]
    assert dc(epub, "date")[0].startswith("2024-02-01")
    assert epub.metas("belongs-to-collection") == ["Crossings"] and epub.metas("group-position") == ["2"]
    assert "Fluff" in dc(epub, "subject")


def test_a_french_epub_is_set_in_french_with_its_rights_and_series(tmp_path: Path) -> None:
    epub = built(french_epub(tmp_path / "bac.epub"), tmp_path / "bac-again.epub")
    assert dc(epub, "language") == ["fr-FR"]  # `fr-fr` as the file wrote it, in its standard form
    assert FRENCH_QUOTE in chapter_text(epub)
    assert dc(epub, "rights") == ["Tous droits réservés"]
    assert dc(epub, "publisher") == ["archiveofourown.org"]
    assert dc(epub, "date")[0].startswith("2024-02-01")
    assert dc(epub, "source") == ["https://archiveofourown.org/works/98765"]
    assert epub.metas("belongs-to-collection") == ["Traversées"] and epub.metas("group-position") == ["3"]
    copyright_page = next(data.decode() for name, data in epub.files.items() if name.endswith("copyright.xhtml"))
    assert "Tous droits réservés" in copyright_page


def test_book_toml_s_language_and_publisher_win_over_the_file_s(tmp_path: Path) -> None:
    folder = tmp_path / "novel"
    written(folder / "story.html", french_ao3_html())
    written(folder / "book.toml", 'title = "The Ferry"\nlanguage = "en"\npublisher = "Small Press"\n')
    epub = built(folder, tmp_path / "ferry.epub")
    assert dc(epub, "language") == ["en"]
    assert dc(epub, "publisher") == ["Small Press"]
    assert dc(epub, "title") == ["The Ferry"]
    assert "“Tu viens ?” demanda-t-elle." in chapter_text(epub)  # English quotes, English spacing
    assert dc(epub, "date")[0].startswith("2024-02-01")  # what book.toml left unset still comes from the file


def test_the_lang_option_wins_over_the_file_s_language(tmp_path: Path) -> None:
    epub = built(written(tmp_path / "le-bac.html", french_ao3_html()), tmp_path / "out.epub", Overrides(language="de"))
    assert dc(epub, "language") == ["de"]
    assert "„Tu viens ?“" in chapter_text(epub)


def test_a_language_that_is_none_is_left_out_with_a_note(tmp_path: Path) -> None:
    path = written(tmp_path / "story.html", french_ao3_html(language="Elvish (Sindarin)"))
    book = load_book(load_project(path))
    assert book.metadata.language == "en"
    assert any(f"{path}: its language is left out: 'Elvish (Sindarin)'" in note for note in book.notes)
    assert book.metadata.publisher == "Archive of Our Own"  # the rest of what the file says still reaches the book


@pytest.mark.parametrize(
    ("reported", "tag"),
    [("fr", "fr"), ("FR", "fr"), ("fr_FR", "fr-FR"), ("fr-fr", "fr-FR"), ("Français", "fr"), ("French", "fr"),
     ("Deutsch", "de"), ("Português brasileiro", "pt"), ("中文-普通话 國語", "zh"), ("iw", "he"), ("und", ""),
     ("", "")],
)  # fmt: skip
def test_a_reported_language_becomes_a_standard_tag(reported: str, tag: str) -> None:
    assert reported_language(reported).tag == tag
    assert not reported_language(reported).problem


@pytest.mark.parametrize("reported", ["Elvish", "xx-YY", "fr FR", "??"])
def test_a_reported_language_that_is_none_is_refused(reported: str) -> None:
    assert reported_language(reported).tag == ""
    assert repr(reported) in reported_language(reported).problem


def test_the_book_records_where_each_field_came_from(tmp_path: Path) -> None:
    folder = tmp_path / "novel"
    written(folder / "story.html", french_ao3_html())
    written(folder / "book.toml", 'title = "The Ferry"\n')
    project = overridden(load_project(folder), Overrides(author="Ann Lee"))
    origins = {origin.field: origin for origin in load_book(project).origins}
    assert (origins["title"].source, origins["authors"].source) == ("book.toml", "--author")
    story = str(folder / "story.html")
    assert (origins["language"].source, origins["language"].path) == ("AO3 download's preface", story)
    assert origins["publisher"].path == story


def test_check_lists_what_came_from_where(tmp_path: Path) -> None:
    path = written(tmp_path / "le-bac.html", french_ao3_html())
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert f"metadata: language fr, from {path} (its AO3 download's preface)" in lines
    assert f'metadata: publisher "Archive of Our Own", from {path} (its AO3 download\'s preface)' in lines
    assert f'metadata: title "Le Bac", from {path} (its AO3 download\'s preface)' in lines


def test_check_lists_book_toml_and_defaults(tmp_path: Path) -> None:
    folder = tmp_path / "novel"
    written(folder / "story.txt", "It was late.\n")
    written(folder / "book.toml", 'title = "Night"\n')
    result = runner.invoke(app, ["check", str(folder)])
    lines = result.stderr.splitlines()
    assert 'metadata: title "Night", from book.toml' in lines
    assert "metadata: language en, by default" in lines
    assert 'metadata: authors "Anonymous", by default' in lines
    quiet = runner.invoke(app, ["--quiet", "check", str(folder)])
    assert "metadata:" not in quiet.stderr


def test_a_text_header_s_language_sets_the_book_in_it(tmp_path: Path) -> None:
    header = "Title: Le Bac\nAuthor: Ann Lee\nLanguage: Français\n\n"
    book = load_book(load_project(written(tmp_path / "bac.txt", header + '"Tu viens ?" demanda-t-elle.\n')))
    assert (book.metadata.language, book.metadata.title) == ("fr", "Le Bac")
    assert FRENCH_QUOTE in "".join(block.inlines[0].text for block in book.chapters[0].blocks)
    assert {origin.field: origin.source for origin in book.origins}["language"] == "header block"
