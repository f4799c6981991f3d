"""Themes: each designed theme builds both editions, passes the print checks, and opens its chapters its own way.

The gallery lays out a small book with parts, capitals headings and scene breaks in every theme; a
theme's opener page is told from the others' by the faces and sizes set on it (pypdf) and by its
picture (pdftoppm, where poppler is installed). An unknown theme is a config mistake, exit 3.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
from typer.testing import CliRunner

from ebookgen import build_epub
from ebookgen.build import PrintChoices, build_pdf, preflight_pdf
from ebookgen.cli.app import app
from ebookgen.themes import THEMES

from .conftest import epubcheck_later
from .epubtools import NS, Epub, nav_tree

runner = CliRunner()
THEME_NAMES = sorted(THEMES)
WORDS = "the night was long and the rain came down over the harbour while she waited for his call".split()


def story(chapters: int = 4, paragraphs: int = 8) -> str:
    """Write a manuscript with two parts, headings typed in capitals and a scene break in each chapter."""
    lines = []
    for number in range(1, chapters + 1):
        if number in (1, chapters // 2 + 1):
            lines.append("BOOK ONE: 1805" if number == 1 else "BOOK TWO: 1806")
        lines.append(f"CHAPTER {'I II III IV V VI VII VIII'.split()[number - 1]}")
        for index in range(paragraphs):
            text = " ".join(WORDS[(index + word) % len(WORDS)] for word in range(70))
            lines.append(f"“{text.capitalize()},” she said.")
            if index == paragraphs // 2:
                lines.append("* * *")
    return "\n\n".join(lines) + "\n"


def make_book(folder: Path, toml: str = "", text: str | None = None) -> Path:
    """Write a manuscript folder with a book.toml."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "book.toml").write_text(f'title = "The Harbour"\nauthor = "Ann Lee"\n{toml}', encoding="utf-8")
    (folder / "story.txt").write_text(text or story(), encoding="utf-8")
    return folder


def test_an_unknown_theme_is_exit_3_naming_the_themes_there_are(tmp_path: Path) -> None:
    folder = make_book(tmp_path / "book")
    for command in ("epub", "pdf", "build"):
        result = runner.invoke(app, [command, str(folder), "--theme", "gothic", "-o", str(tmp_path / "out")])
        assert result.exit_code == 3, (command, result.output)
        assert "gothic" in result.stderr and all(name in result.stderr for name in THEMES), result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_an_unknown_theme_in_book_toml_names_its_key_and_line(tmp_path: Path) -> None:
    folder = make_book(tmp_path / "book", 'language = "en"\ntheme = "gothic"\n')
    result = runner.invoke(app, ["epub", str(folder), "-o", str(tmp_path / "x.epub")])
    assert result.exit_code == 3
    assert "book.toml:4:" in result.stderr and "classic, modern, romance, large-print" in result.stderr


def test_a_font_size_no_book_is_set_in_is_refused(tmp_path: Path) -> None:
    folder = make_book(tmp_path / "book", "font_size = 40\n")
    result = runner.invoke(app, ["pdf", str(folder), "-o", str(tmp_path / "x.pdf")])
    assert result.exit_code == 3 and "book.toml:3:" in result.stderr and "8 to 24 pt" in result.stderr
    result = runner.invoke(app, ["pdf", str(make_book(tmp_path / "two")), "--font-size", "3"])
    assert result.exit_code == 3 and "font size" in result.stderr


@pytest.mark.parametrize("name", THEME_NAMES)
def test_each_theme_gives_a_valid_epub_that_leaves_the_readers_font_alone(tmp_path: Path, name: str) -> None:
    target = build_epub(make_book(tmp_path / "book"), tmp_path / "book.epub", theme=name).path
    epubcheck_later(target)
    book = Epub(target)
    sheet = book.files[book.path_of("css/theme.css")].decode()
    # No fixed sizes, and no face forced on the text: only headings may ask for one.
    assert not re.search(r"\d(pt|px|in|cm|mm)\b", sheet), sheet
    for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", re.sub(r"/\*.*?\*/", "", sheet, flags=re.S)):
        if "font-family" in body:
            assert all("title" in selector or "h1" in selector for selector in selectors.split(",")), selectors
    chapter = book.xml("text/chapter-001.xhtml")
    assert "".join(chapter.find(".//x:h2", NS).itertext()) == "Chapter I"
    assert book.spine().count("text/chapter-001.xhtml") == 1


def test_headings_typed_in_capitals_are_titles_in_the_epub_navigation(tmp_path: Path) -> None:
    target = build_epub(make_book(tmp_path / "book"), tmp_path / "book.epub").path
    epubcheck_later(target)
    toc = nav_tree(Epub(target).nav().find(".//x:nav[@epub:type='toc']/x:ol", NS))
    assert [(title, [child[0] for child in children]) for title, _, children in toc] == [
        ("Book One: 1805", ["Chapter I", "Chapter II"]),
        ("Book Two: 1806", ["Chapter III", "Chapter IV"]),
    ]


def opener_fonts(path: Path, page: int) -> frozenset[tuple[str, int]]:
    """Return the faces and sizes (rounded, in points) text is set in on one page of a PDF."""
    seen: set[tuple[str, int]] = set()

    def visit(text, matrix, text_matrix, font, size):
        if text.strip() and font is not None:
            scale = abs(matrix[0] * text_matrix[0]) or 1
            seen.add((str(font.get("/BaseFont", "")).split("+")[-1], round(size * scale)))

    pypdf.PdfReader(path).pages[page].extract_text(visitor_text=visit)
    return frozenset(seen)


def first_chapter_page(path: Path) -> int:
    """Return the 0-based page the first chapter opens on (its heading, then the text)."""
    reader = pypdf.PdfReader(path)
    return next(index for index, page in enumerate(reader.pages) if "Chapter I" in (page.extract_text() or ""))


def page_picture(path: Path, page: int, folder: Path) -> bytes:
    """Render one page as a small grey picture with pdftoppm and return its pixels."""
    stem = folder / f"{path.stem}-{page}"
    subprocess.run(
        ["pdftoppm", "-r", "30", "-gray", "-f", str(page + 1), "-l", str(page + 1), "-singlefile", str(path), stem],
        check=True,
        timeout=60,
    )
    return Path(f"{stem}.pgm").read_bytes()


@pytest.mark.slow
def test_theme_gallery_each_builds_passes_the_print_checks_and_opens_its_own_way(tmp_path: Path) -> None:
    folder = make_book(tmp_path / "book", text=story(chapters=6, paragraphs=14))  # over KDP's 24 pages
    openers, pictures, faces = {}, {}, {}
    for name in THEME_NAMES:
        choices = PrintChoices(profile="kdp", theme=name, jobs=1)
        result = build_pdf(folder, tmp_path / f"{name}.pdf", choices)
        checked = preflight_pdf(result.path, "kdp")
        assert not checked.failures, (name, checked.failures)
        page = first_chapter_page(result.path)
        openers[name] = opener_fonts(result.path, page)
        faces[name] = {face for face, _ in openers[name]}
        if shutil.which("pdftoppm"):
            pictures[name] = page_picture(result.path, page, tmp_path)
    assert any("Lato" in face for face in faces["modern"])
    assert any("Cinzel" in face for face in faces["romance"])
    assert any("Atkinson" in face for face in faces["large-print"])
    for one in THEME_NAMES:
        for other in THEME_NAMES:
            if one < other:
                assert openers[one] != openers[other], (one, other)
                assert pictures.get(one) is None or pictures[one] != pictures[other], (one, other)
    result = runner.invoke(app, ["check", str(tmp_path / "romance.pdf"), "--profile", "kdp"])
    assert result.exit_code == 0, result.output


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler's pdftotext is not installed")
def test_the_contents_sets_chapters_under_their_part_with_page_numbers_aligned(tmp_path: Path) -> None:
    from lxml import etree

    result = build_pdf(make_book(tmp_path / "book"), tmp_path / "book.pdf", PrintChoices(jobs=1))
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(result.path), "-"], capture_output=True, check=True)
    page = next(
        page
        for page in etree.fromstring(xml.stdout, etree.XMLParser(recover=True)).iter("{*}page")
        if "Contents" in "".join(page.itertext())
    )
    rows: dict[float, list] = {}  # the words of each line of the page, by their height on it, left to right
    for word in page.iter("{*}word"):
        rows.setdefault(round(float(word.get("yMin")), 1), []).append(word)
    lines = [sorted(words, key=lambda word: float(word.get("xMin"))) for _, words in sorted(rows.items())]
    entries = [words for words in lines if len(words) > 1 and words[-1].text.isdigit()]  # title, then page number
    titles = [" ".join(word.text for word in words[:-1]) for words in entries]
    assert titles == ["Book One: 1805", "Chapter I", "Chapter II", "Book Two: 1806", "Chapter III", "Chapter IV"]
    left = {title: float(words[0].get("xMin")) for title, words in zip(titles, entries, strict=True)}
    assert left["Chapter I"] - left["Book One: 1805"] > 10  # indented under the part
    assert left["Chapter III"] == pytest.approx(left["Chapter I"])
    rights = [float(words[-1].get("xMax")) for words in entries]
    assert max(rights) - min(rights) < 0.5  # the page numbers in one column
