"""The copyright and title pages of both editions: public domain, book.toml's rights, a bare book; ISBN, credits."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from ebookgen.build import build_epub, load_book, open_project
from ebookgen.cli.app import app
from ebookgen.languages import language_for
from ebookgen.model import Book, Chapter, Contributor, Metadata, Paragraph, Text
from ebookgen.render.frontmatter import copyright_lines, front_matter, hyphenated_isbn

from .conftest import epubcheck_later

GUTENBERG = """The Project Gutenberg eBook of War and Peace

Title: War and Peace

Author: Leo Tolstoy

Translator: Louise and Aylmer Maude

*** START OF THE PROJECT GUTENBERG EBOOK WAR AND PEACE ***

CHAPTER I

"Well, Prince, so Genoa and Lucca are now just family estates of the Buonapartes."

CHAPTER II

Anna Pavlovna's drawing room was gradually filling.

*** END OF THE PROJECT GUTENBERG EBOOK WAR AND PEACE ***
"""
STORY = "Chapter 1\n\nIt was night.\n\nChapter 2\n\nIt was day.\n"
NS = {"x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}
OPF = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}


def folder_book(tmp_path: Path, toml: str) -> Path:
    """Make a manuscript folder with a book.toml and a two-chapter story."""
    folder = tmp_path / "book"
    folder.mkdir()
    (folder / "book.toml").write_text(toml, encoding="utf-8")
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    return folder


@pytest.fixture
def public_domain(tmp_path: Path) -> Path:
    """A Project Gutenberg file, as downloaded."""
    path = tmp_path / "war-and-peace.txt"
    path.write_text(GUTENBERG, encoding="utf-8")
    return path


@pytest.fixture
def with_rights(tmp_path: Path) -> Path:
    """A book whose book.toml gives the rights line, a date, an ISBN, a series and a translator."""
    toml = (
        'title = "The Harbour"\nauthor = "Ann Lee"\ndate = 2019-04-02\n'
        'rights = "© 2019 Ann Lee. Some rights reserved."\n'
        'isbn = "978-2-07-036822-8"\nseries = "The Coast"\nseries_index = 2\npublisher = "Small Press"\n'
        'contributors = [{name = "Bo Park", role = "translator"}, {name = "Cy Dunn", role = "illustrator"}]\n'
    )
    return folder_book(tmp_path, toml)


@pytest.fixture
def bare(tmp_path: Path) -> Path:
    """A book whose book.toml names only its title and author."""
    return folder_book(tmp_path, 'title = "Bare"\nauthor = "Ann Lee"\n')


def printed_copyright(source: Path, year: int = 2031) -> str:
    """Return the print edition's copyright page, as the PDF writer hands it to WeasyPrint."""
    book = load_book(open_project(source))
    html = front_matter(book, language_for(book.metadata.language), year)
    start = html.index('<section class="copyright"')
    return html[start : html.index("</section>", start)]


def ebook_copyright(source: Path, tmp_path: Path) -> tuple[etree._Element, bytes, bytes]:
    """Build the EPUB; return its copyright page, its package document and its navigation document."""
    result = build_epub(source, tmp_path / "out.epub")
    epubcheck_later(result.path)
    with zipfile.ZipFile(result.path) as epub:
        page = etree.fromstring(epub.read("EPUB/text/copyright.xhtml"))
        return page, epub.read("EPUB/content.opf"), epub.read("EPUB/nav.xhtml")


def paragraphs(page: etree._Element) -> list[str]:
    """Return the text of the copyright section's paragraphs."""
    section = page.find(".//x:section", NS)
    assert section.get("{http://www.idpf.org/2007/ops}type") == "copyright-page"
    return ["".join(p.itertext()) for p in section.findall("x:p", NS)]


def test_a_gutenberg_text_is_in_the_public_domain_in_both_editions(public_domain: Path, tmp_path: Path) -> None:
    printed = printed_copyright(public_domain)
    assert "in the public domain" in printed
    assert "©" not in printed and "Copyright" not in printed and "All rights reserved" not in printed
    page, opf, _ = ebook_copyright(public_domain, tmp_path)
    assert paragraphs(page) == ["This text is in the public domain: no rights are reserved."]


def test_rights_public_domain_in_book_toml_says_so(tmp_path: Path) -> None:
    folder = folder_book(tmp_path, 'title = "Old"\nauthor = "Ann Lee"\nrights = "Public domain."\n')
    assert "©" not in printed_copyright(folder) and "in the public domain" in printed_copyright(folder)


def test_rights_is_the_only_rights_line_in_both_editions(with_rights: Path, tmp_path: Path) -> None:
    printed = printed_copyright(with_rights)
    assert printed.count("©") == 1 and "© 2019 Ann Lee. Some rights reserved." in printed
    page, _, _ = ebook_copyright(with_rights, tmp_path)
    assert paragraphs(page) == [
        "© 2019 Ann Lee. Some rights reserved.",
        "Published by Small Press",
        "ISBN 978-2-07-036822-8",
    ]


def test_a_bare_book_is_the_authors_from_the_build_year(bare: Path, tmp_path: Path) -> None:
    assert "Copyright © 2031 Ann Lee. All rights reserved." in printed_copyright(bare, 2031)
    assert "Set in EB Garamond." in printed_copyright(bare)
    page, _, _ = ebook_copyright(bare, tmp_path)
    (line,) = paragraphs(page)  # the e-book is not set in the print face
    assert line.startswith("Copyright © ") and line.endswith(" Ann Lee. All rights reserved.")


def test_the_year_comes_from_date() -> None:
    book = Book(Metadata("T", ("Ann Lee",), date="2012-06-01"), (Chapter("1", (Paragraph((Text("x"),)),), 1),))
    assert copyright_lines(book, language_for("en"), 2031)[0] == "Copyright © 2012 Ann Lee. All rights reserved."


def test_the_copyright_page_follows_the_title_page_in_the_spine(with_rights: Path, tmp_path: Path) -> None:
    _, opf, _ = ebook_copyright(with_rights, tmp_path)
    spine = [item.get("idref") for item in etree.fromstring(opf).findall(".//opf:spine/opf:itemref", OPF)]
    assert spine[:3] == ["cover", "titlepage", "copyright"]


@pytest.mark.parametrize(
    "isbn, printed",
    [
        ("9780306406157", "978-0-306-40615-7"),  # English-language group 0
        ("9783161484100", "978-3-16-148410-0"),  # German-language group 3
        ("9782070368228", "978-2-07-036822-8"),  # French-language group 2
        ("9791090636071", "979-10-90636-07-1"),  # France in the 979 prefix
        ("0306406152", "0-306-40615-2"),  # an ISBN-10
    ],
)
def test_isbn_is_hyphenated_by_group_and_registrant(isbn: str, printed: str) -> None:
    assert hyphenated_isbn(f"urn:isbn:{isbn}") == printed


def test_an_isbn_with_a_wrong_check_digit_is_a_book_toml_mistake(tmp_path: Path) -> None:
    folder = folder_book(tmp_path, 'title = "T"\n\nisbn = "978-0-306-40615-8"\n')
    result = CliRunner().invoke(app, ["epub", str(folder), "-o", str(tmp_path / "x.epub")])
    assert result.exit_code == 3
    assert "book.toml:3: isbn '978-0-306-40615-8' is not a valid ISBN" in result.output


def test_series_and_contributors_on_the_title_page_and_in_the_package(with_rights: Path, tmp_path: Path) -> None:
    book = load_book(open_project(with_rights))
    title = front_matter(book, language_for(book.metadata.language), 2031)
    assert '<p class="series">The Coast, Book 2</p>' in title
    assert '<p class="credit">Translated by Bo Park</p>' in title and "Illustrated by Cy Dunn" in title
    _, opf, _ = ebook_copyright(with_rights, tmp_path)
    package = etree.fromstring(opf)
    contributors = {item.get("id"): item.text for item in package.findall(".//dc:contributor", OPF)}
    roles = {
        item.get("refines"): item.text
        for item in package.findall(".//opf:meta[@property='role']", OPF)
        if item.get("scheme") == "marc:relators"
    }
    assert {name: roles[f"#{uid}"] for uid, name in contributors.items()} == {"Bo Park": "trl", "Cy Dunn": "ill"}


@pytest.mark.parametrize(
    "table, message",
    [
        (
            '[[contributors]]\nname = "Bo"\nrole = "painter"\n',
            "contributors[0] role 'painter' is not one of translator",
        ),
        ('[[contributors]]\nrole = "editor"\n', "contributors[0] needs a name"),
        ('contributors = ["Bo"]\n', "'contributors' must be list of tables"),
    ],
)
def test_a_wrong_contributor_is_refused_with_its_line(tmp_path: Path, table: str, message: str) -> None:
    folder = folder_book(tmp_path, f'title = "T"\n{table}')
    result = CliRunner().invoke(app, ["epub", str(folder), "-o", str(tmp_path / "x.epub")])
    assert result.exit_code == 3 and f"book.toml:2: {message}" in result.output, result.output


def test_the_reader_carries_the_public_domain_flag_and_the_translator(public_domain: Path, bare: Path) -> None:
    book = load_book(open_project(public_domain))
    assert book.metadata.public_domain
    assert book.metadata.contributors == (Contributor("Louise and Aylmer Maude", "translator"),)
    assert '<p class="credit">Translated by Louise and Aylmer Maude</p>' in front_matter(
        book, language_for(book.metadata.language), 2031
    )
    assert not load_book(open_project(bare)).metadata.public_domain
    assert Contributor("Bo", "editor") in Metadata("T", contributors=(Contributor("Bo", "editor"),)).contributors
