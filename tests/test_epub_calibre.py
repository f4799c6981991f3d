"""Metadata Calibre reads right (the day written, an author sort) and no hidden navigation in its conversions."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.epub.opf import sort_name, with_file_as
from ebookgen.model import Metadata

from .conftest import epubcheck_later
from .epubtools import NS, Epub

runner = CliRunner()
needs_calibre = pytest.mark.skipif(
    shutil.which("ebook-meta") is None, reason="Calibre (ebook-meta, ebook-convert) is not installed (make calibre)"
)
STORY = "Chapter 1\n\nShe read it on the train.\n\nChapter 2\n\nThe train stopped.\n"


@pytest.mark.parametrize(
    ("name", "filed"),
    [
        ("Ann Lee", "Lee, Ann"),
        ("Ursula K. Le Guin", "Le Guin, Ursula K."),
        ("Vincent van Gogh", "van Gogh, Vincent"),
        ("Oscar de la Hoya", "de la Hoya, Oscar"),
        ("Martin Luther King Jr.", "King, Martin Luther, Jr."),
        ("Homer", "Homer"),
        ("inkwell_writes", "inkwell_writes"),
        ("Lee, Ann", "Lee, Ann"),
    ],
)
def test_names_are_filed_as_a_library_files_them(name: str, filed: str) -> None:
    assert sort_name(name) == filed


def project(folder: Path, toml: str) -> Path:
    folder.mkdir()
    (folder / "book.toml").write_text(toml, encoding="utf-8")
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    return folder


def file_as(book: Epub) -> dict[str, str]:
    """Map each dc:creator's name to its file-as."""
    metas = {m.get("refines"): m.text for m in book.opf.iterfind(".//opf:meta[@property='file-as']", NS)}
    return {c.text: metas[f"#{c.get('id')}"] for c in book.opf.iterfind(".//dc:creator", NS)}


@pytest.fixture(scope="module")
def two_authors(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("calibre")
    toml = 'title = "Night Train"\nauthor = ["Ursula K. Le Guin", "Bo Park"]\ndate = 2025-03-01\n'
    source = project(folder / "book", toml)
    target = folder / "night-train.epub"
    result = runner.invoke(app, ["-q", "epub", str(source), "-o", str(target)])
    assert result.exit_code == 0, result.output
    epubcheck_later(target)
    return target


def test_the_day_and_every_authors_sort_are_written(two_authors: Path) -> None:
    book = Epub(two_authors)
    assert book.opf.findtext(".//dc:date", namespaces=NS) == "2025-03-01T12:00:00Z"
    assert file_as(book) == {"Ursula K. Le Guin": "Le Guin, Ursula K.", "Bo Park": "Park, Bo"}


def test_book_toml_author_sort_wins(tmp_path: Path) -> None:
    toml = 'author = ["Ann Lee", "Bo Park"]\nauthor_sort = "Lee-Smith, Ann & Park, Bo"\ndate = "2024"\n'
    target = tmp_path / "b.epub"
    assert runner.invoke(app, ["-q", "epub", str(project(tmp_path / "b", toml)), "-o", str(target)]).exit_code == 0
    epubcheck_later(target)
    book = Epub(target)
    assert file_as(book) == {"Ann Lee": "Lee-Smith, Ann", "Bo Park": "Park, Bo"}
    assert book.opf.findtext(".//dc:date", namespaces=NS) == "2024"
    wrong = runner.invoke(app, ["epub", str(project(tmp_path / "c", 'author = "Ann Lee"\nauthor_sort = ["A", "B"]\n'))])
    assert wrong.exit_code == 3 and "author_sort names 2 authors but author names 1" in wrong.stderr


def test_every_creator_and_contributor_gets_a_file_as() -> None:
    opf = b"""<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata
    xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator id="creator">Ann Lee</dc:creator>
    <dc:contributor>Jo March</dc:contributor><dc:contributor id="ed">Bo Park</dc:contributor>
    <meta refines="#ed" property="file-as">Park, B.</meta></metadata></package>"""
    root = etree.fromstring(with_file_as(opf, Metadata(title="T", authors=("Ann Lee",), author_sort=("Lee, A.",))))
    metas = {m.get("refines"): m.text for m in root.iterfind(".//opf:meta[@property='file-as']", NS)}
    people = {p.text: metas[f"#{p.get('id')}"] for p in root.iterfind(".//dc:*", NS)}
    assert people == {"Ann Lee": "Lee, A.", "Jo March": "March, Jo", "Bo Park": "Park, B."}
    assert b"opf:meta" not in with_file_as(opf, Metadata(title="T"))


@pytest.mark.slow
@needs_calibre
def test_calibre_reads_the_day_and_the_author_sort(two_authors: Path) -> None:
    shown = subprocess.run(["ebook-meta", str(two_authors)], capture_output=True, text=True, check=True).stdout
    fields = dict(line.split(":", 1) for line in shown.splitlines() if ":" in line)
    assert fields["Published           "].strip().startswith("2025-03-01")
    assert fields["Author(s)           "].strip() == "Ursula K. Le Guin & Bo Park [Le Guin, Ursula K. & Park, Bo]"


@pytest.mark.slow
@needs_calibre
def test_calibres_text_has_no_hidden_navigation(two_authors: Path, tmp_path: Path) -> None:
    text = tmp_path / "night-train.txt"
    subprocess.run(["ebook-convert", str(two_authors), str(text)], capture_output=True, check=True)
    words = text.read_text(encoding="utf-8")
    assert "She read it on the train." in words and "Chapter 2" in words
    assert "Landmarks" not in words and "Start of Text" not in words
