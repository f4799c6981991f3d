"""One ISBN per edition: each copyright page prints its own edition's first and lists the others; the hardcover."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ebookgen.build import PrintChoices, build_pdf
from ebookgen.cli.app import app
from ebookgen.pdf.printers import PRINTERS

from .test_copyright_page import OPF, ebook_copyright, folder_book, paragraphs, printed_copyright

ISBNS = 'isbn_ebook = "9780306406157"\nisbn_paperback = "978-1-86197-876-9"\nisbn_hardcover = "978-0-19-852663-6"\n'


@pytest.fixture
def editions(tmp_path: Path) -> Path:
    """A book with an ISBN for each of its three editions."""
    return folder_book(tmp_path, f'title = "The Harbour"\nauthor = "Ann Lee"\n{ISBNS}')


def test_the_e_book_prints_its_own_isbn_first_lists_the_others_and_is_identified_by_it(
    editions: Path, tmp_path: Path
) -> None:
    page, opf, _ = ebook_copyright(editions, tmp_path)
    lines = paragraphs(page)
    assert "ISBN 978-0-306-40615-7 (ebook)" in lines
    assert "Also available: paperback ISBN 978-1-86197-876-9; hardcover ISBN 978-0-19-852663-6" in lines
    assert b"urn:isbn:9780306406157" in opf
    from lxml import etree

    identifier = etree.fromstring(opf).find(".//dc:identifier", OPF).text
    assert identifier == "urn:isbn:9780306406157"


def test_the_paperback_prints_its_own_isbn_first(editions: Path) -> None:
    page = printed_copyright(editions)
    own = page.index("ISBN 978-1-86197-876-9 (paperback)")
    assert own < page.index("Also available: ebook ISBN 978-0-306-40615-7; hardcover ISBN 978-0-19-852663-6")


def test_a_wrong_edition_isbn_is_a_book_toml_mistake(tmp_path: Path) -> None:
    folder = folder_book(tmp_path, 'title = "T"\nisbn_paperback = "978-1-86197-876-0"\n')
    result = CliRunner().invoke(app, ["epub", str(folder)])
    assert result.exit_code == 3 and "book.toml:2: isbn '978-1-86197-876-0' is not a valid ISBN" in result.output


def test_the_hardcover_profile_takes_its_trims_and_page_counts() -> None:
    hardcover = PRINTERS["hardcover"]
    assert (hardcover.least_pages, hardcover.most_pages) == (75, 550)
    assert hardcover.page_count_note(60).startswith("60 pages: KDP hardcovers take 75 to 550 pages")
    assert hardcover.page_count_note(300) == ""


@pytest.mark.slow
def test_the_hardcover_edition_prints_the_hardcover_s_isbn_first(editions: Path, tmp_path: Path) -> None:
    result = build_pdf(editions, tmp_path / "hard.pdf", PrintChoices(trim="6x9", profile="hardcover"))
    text = subprocess.run(["pdftotext", str(result.path), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    assert "ISBN 978-0-19-852663-6 (hardcover)" in flat
    assert "Also available: ebook ISBN 978-0-306-40615-7; paperback ISBN 978-1-86197-876-9" in flat


@pytest.mark.parametrize(
    ("language", "own", "others"),
    [
        ("de", "ISBN 978-0-306-40615-7 (E-Book)",
         "Ebenfalls erhältlich: Taschenbuch ISBN 978-1-86197-876-9; gebundene Ausgabe ISBN 978-0-19-852663-6"),
        ("ja", "ISBN 978-0-306-40615-7 (電子書籍)",
         "その他の版：ペーパーバック ISBN 978-1-86197-876-9; ハードカバー ISBN 978-0-19-852663-6"),
    ],
)  # fmt: skip
def test_a_german_and_a_japanese_e_book_name_their_editions_in_their_language(
    tmp_path: Path, language: str, own: str, others: str
) -> None:
    folder = folder_book(tmp_path, f'title = "T"\nauthor = "A"\nlanguage = "{language}"\n{ISBNS}')
    lines = paragraphs(ebook_copyright(folder, tmp_path)[0])
    assert own in lines and others in lines
    assert not any("Also available" in line or "(ebook)" in line for line in lines)


def test_the_hardcover_profile_names_its_five_trims_and_refuses_another() -> None:
    hardcover = PRINTERS["hardcover"]
    assert hardcover.trim_note(6.0, 9.0) == "" and hardcover.trim_note(6.14, 9.21) == ""
    assert hardcover.trim_note(5.0, 8.0) == (
        "trim: 5 x 8 in is not a KDP hardcover trim: it offers 5.5 x 8.5, 6 x 9, 6.14 x 9.21, 7 x 10 and 8.25 x 11 in"
    )
    assert hardcover.trim_note(7.0, 9.0).startswith("trim: 7 x 9 in is not")  # inside the range, not a KDP size
    assert PRINTERS["kdp"].trim_note(7.0, 9.0) == ""  # a paperback takes any trim in its range


def test_a_hardcover_interior_of_another_trim_is_built_with_a_warning_and_fails_its_preflight(tmp_path: Path) -> None:
    from ebookgen.pdf.preflight import preflight

    folder = tmp_path / "book"
    folder.mkdir()
    (folder / "01.txt").write_text("Chapter 1\n\nThe sea was grey.\n", encoding="utf-8")
    result = build_pdf(folder, tmp_path / "hc.pdf", PrintChoices(profile="hardcover", trim="7x9", jobs=1))
    assert any(note.startswith("trim: 7 x 9 in is not a KDP hardcover trim") for note in result.notes)
    failures = preflight(result.path, "hardcover").failures
    assert any("is not a KDP hardcover trim: it offers" in line for line in failures)
