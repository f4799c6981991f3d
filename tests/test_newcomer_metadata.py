"""What Apple Books, Calibre's AZW3, a Kindle and an accessibility checker read from the package.

`--embed-fonts` sets `ibooks:specified-fonts`; a book without a date carries its edition's date; an AZW3 keeps one
ASIN from the book's identifier however often Calibre converts it; the accessibility metadata lists the figures and
their alt text; a cover smaller than the stores ask for is a warning.
"""

from __future__ import annotations

import io
import shutil
import sys
import uuid
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from ebookgen import build_epub
from ebookgen.cli.app import app
from ebookgen.devices.asin import epub_facts, exth_records, set_stable_asin, stable_asin
from ebookgen.devices.kindle import to_azw3

from .conftest import epubcheck_later
from .epubtools import NS, Epub
from .mobifiles import azw3
from .test_newcomer_kepub import calibre_epub

runner = CliRunner()
STORY = "Chapter 1\n\n" + "She waited for his call by the harbour wall. " * 30 + "\n"


def story(folder: Path, toml: str = 'title = "Harbour"\nauthor = "Ann Lee"\n', text: str = STORY) -> Path:
    """Write a manuscript folder."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "book.toml").write_text(toml, encoding="utf-8")
    (folder / "story.md").write_text(text, encoding="utf-8")
    return folder


def picture(path: Path, size: tuple[int, int]) -> Path:
    """Write a PNG or JPEG of the given size."""
    Image.new("RGB", size, (70, 90, 120)).save(path)
    return path


def test_embedded_fonts_tell_apple_books_to_use_them(tmp_path: Path) -> None:
    embedded = Epub(build_epub(story(tmp_path / "book"), tmp_path / "fonts.epub", embed_fonts=True).path)
    epubcheck_later(tmp_path / "fonts.epub")
    assert embedded.metas("ibooks:specified-fonts") == ["true"]
    assert "ibooks: http://vocabulary.itunes.apple.com/rdf/ibooks/vocabulary-extensions-1.0/" in embedded.opf.get(
        "prefix"
    )
    plain = Epub(build_epub(story(tmp_path / "book"), tmp_path / "plain.epub").path)
    assert plain.metas("ibooks:specified-fonts") == [] and "ibooks" not in plain.opf.get("prefix", "")


def test_a_book_without_a_date_carries_its_editions_date(tmp_path: Path) -> None:
    book = Epub(build_epub(story(tmp_path / "book"), tmp_path / "b.epub").path)
    assert book.opf.findtext(".//dc:date", namespaces=NS) == "2023-11-14T12:00:00Z"  # SOURCE_DATE_EPOCH's day
    dated = story(tmp_path / "dated", 'title = "Harbour"\nauthor = "Ann Lee"\ndate = "2021-06-01"\n')
    assert Epub(build_epub(dated, tmp_path / "d.epub").path).opf.findall(".//dc:date", NS)[0].text.startswith("2021")


def asins(path: Path) -> list[bytes]:
    """Read the ASIN records of an AZW3."""
    data = bytearray(path.read_bytes())
    return [bytes(data[offset : offset + size]) for kind, offset, size in exth_records(data, 0) if kind in (113, 504)]


def test_the_asin_is_the_books_own_identifier() -> None:
    assert stable_asin("urn:uuid:6f1c8f52-3b0a-4c1e-9a55-3d7f0e0b1c2d") == b"6f1c8f52-3b0a-4c1e-9a55-3d7f0e0b1c2d"
    isbn = stable_asin("urn:isbn:9780000000002")
    assert isbn == stable_asin("urn:isbn:9780000000002") != stable_asin("urn:isbn:9781234567897")
    assert uuid.UUID(isbn.decode()).version == 5


def test_an_azw3_gets_the_stable_asin_in_place(tmp_path: Path) -> None:
    path = azw3(tmp_path / "book.azw3", str(uuid.uuid4()).encode())
    size = path.stat().st_size
    assert set_stable_asin(path, "urn:isbn:9780000000002")
    assert asins(path) == [stable_asin("urn:isbn:9780000000002")] * 2 and path.stat().st_size == size
    given = azw3(tmp_path / "given.azw3", b"B00I2KODJ4")  # an ASIN the book's metadata gave Calibre: kept
    assert not set_stable_asin(given, "urn:isbn:9780000000002") and asins(given) == [b"B00I2KODJ4"] * 2
    (tmp_path / "text.azw3").write_bytes(b"not a mobi at all" * 10)
    assert not set_stable_asin(tmp_path / "text.azw3", "x")


FAKE_CALIBRE = """import sys, struct, uuid, json
from pathlib import Path
sys.path.insert(0, {tests!r})
from mobifiles import azw3
azw3(Path(sys.argv[2]), str(uuid.uuid4()).encode())  # a new random ASIN each time, as ebook-convert writes
Path(sys.argv[2]).with_suffix(".args").write_text(json.dumps(sys.argv[3:]))
"""


def fake_converter(folder: Path) -> str:
    """Write a stand-in for ebook-convert that makes an AZW3 with a random ASIN, as Calibre does."""
    script = folder / "ebook-convert"
    script.write_text(f"#!{sys.executable}\n" + FAKE_CALIBRE.format(tests=str(Path(__file__).parent)), "utf-8")
    script.chmod(0o755)
    return str(script)


def test_each_conversion_of_a_book_gets_the_same_asin(tmp_path: Path) -> None:
    epub = build_epub(story(tmp_path / "book"), tmp_path / "harbour.epub").path
    converter = fake_converter(tmp_path)
    made = []
    for run in ("one", "two"):
        (tmp_path / run).mkdir()
        made.append(asins(to_azw3(epub, tmp_path / run, converter)))
    identifier = Epub(epub).opf.findtext(".//dc:identifier", namespaces=NS)
    assert made[0] == made[1] == [stable_asin(identifier)] * 2


def test_a_foreign_book_without_a_date_is_published_on_its_modified_date(tmp_path: Path) -> None:
    epub = calibre_epub(tmp_path / "calibre.epub")
    assert epub_facts(epub).published == "2024-02-01T00:00:00Z"
    (tmp_path / "out").mkdir()
    target = to_azw3(epub, tmp_path / "out", fake_converter(tmp_path))
    assert target.with_suffix(".args").read_text() == '["--pubdate", "2024-02-01T00:00:00Z"]'
    ours = build_epub(story(tmp_path / "book"), tmp_path / "harbour.epub").path
    assert epub_facts(ours).published == ""  # it has a dc:date: Calibre reads it


def test_the_accessibility_metadata_lists_figures_and_their_alt_text(tmp_path: Path) -> None:
    folder = story(tmp_path / "book", text=STORY + "\n![A ferry at dusk](ferry.png)\n\nMore text.\n")
    picture(folder / "ferry.png", (400, 300))
    book = Epub(build_epub(folder, tmp_path / "figures.epub").path)
    epubcheck_later(tmp_path / "figures.epub")
    assert book.metas("schema:accessMode") == ["textual", "visual"]
    assert book.metas("schema:accessModeSufficient") == ["textual", "textual,visual"]
    assert "alternativeText" in book.metas("schema:accessibilityFeature")
    summary = book.metas("schema:accessibilitySummary")[0]
    assert "text only" not in summary and "1 figure, described by alt text" in summary
    (folder / "story.md").write_text(STORY + "\n![](ferry.png)\n\n![A gull](gull.png)\n", encoding="utf-8")
    picture(folder / "gull.png", (300, 300))
    bare = Epub(build_epub(folder, tmp_path / "bare.epub").path)
    assert bare.metas("schema:accessModeSufficient") == ["textual,visual"]
    assert "2 figures, 1 of them without a text alternative" in bare.metas("schema:accessibilitySummary")[0]
    assert "alternativeText" not in bare.metas("schema:accessibilityFeature")
    text = Epub(build_epub(story(tmp_path / "text"), tmp_path / "text.epub").path)
    assert "It is text only" in text.metas("schema:accessibilitySummary")[0]
    assert text.metas("schema:accessModeSufficient") == ["textual"]


@pytest.mark.parametrize(("size", "warned"), [((300, 480), True), ((1000, 1500), True), ((1600, 2560), False)])
def test_a_cover_smaller_than_the_stores_ask_is_a_warning(tmp_path: Path, size: tuple[int, int], warned: bool) -> None:
    folder = story(tmp_path / "book", 'title = "Harbour"\nauthor = "Ann Lee"\ncover = "cover.jpg"\n')
    buffer = io.BytesIO()
    Image.new("RGB", size, (70, 90, 120)).save(buffer, "JPEG")
    (folder / "cover.jpg").write_bytes(buffer.getvalue())
    result = runner.invoke(app, ["epub", str(folder), "-o", str(tmp_path / "b.epub")])
    assert result.exit_code == 0, result.output
    said = f"the cover is {size[0]} x {size[1]} px; stores ask for at least 1,600 px on its long side (KDP 2,560"
    assert (said in result.stderr) == warned, result.stderr


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("ebook-convert") is None, reason="Calibre's ebook-convert is not installed (make calibre)"
)
def test_calibre_makes_the_same_asin_and_the_editions_date_each_time(tmp_path: Path) -> None:
    epub = build_epub(story(tmp_path / "book"), tmp_path / "harbour.epub").path
    made = []
    for run in ("one", "two"):
        (tmp_path / run).mkdir()
        target = to_azw3(epub, tmp_path / run, shutil.which("ebook-convert"))
        data = bytearray(target.read_bytes())
        records = {kind: bytes(data[offset : offset + size]) for kind, offset, size in exth_records(data, 0)}
        made.append(records[113])
        assert records[106].startswith(b"2023-11-14")  # "Published": the edition's day, not today
    identifier = Epub(epub).opf.findtext(".//dc:identifier", namespaces=NS)
    assert made == [stable_asin(identifier)] * 2
