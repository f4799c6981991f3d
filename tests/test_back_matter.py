"""Back matter from book.toml: afterword, acknowledgements, about the author, also by and a newsletter.

Both editions carry them after the last chapter in the order books print them; the e-book marks each
with its epub:type and ARIA role, lists it in the contents and the landmarks; the print book gives it
pages, contents lines and bookmarks. A text key takes the text itself or a file beside book.toml.
"""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from typer.testing import CliRunner

from ebookgen import build_epub
from ebookgen.build import PrintChoices, build_pdf
from ebookgen.cli.app import app

from .conftest import epubcheck_later
from .epubtools import EPUB_TYPE, NS, Epub, nav_tree

runner = CliRunner()
BACK_TOML = """title = "The Harbour"
author = "Ann Lee"
dedication = "For my mother, who read to me."
afterword = "afterword.md"
acknowledgements = "My thanks to my first readers.\\n\\nAnd to my \\"patient\\" editor."
about_the_author = "Ann Lee lives by the sea in Cornwall."
also_by = ["The Lighthouse", "Salt and Stone"]
newsletter = { url = "https://example.com/news", line = "Join my newsletter for a free story." }
"""
ORDER = ["afterword", "acknowledgements", "about-the-author", "also-by", "newsletter"]
TITLES = ["Afterword", "Acknowledgements", "About the Author", "Also by Ann Lee", "Newsletter"]
STORY = "\n\n".join(f"Chapter {n}\n\n" + "She waited for his call by the harbour wall. " * 60 for n in (1, 2, 3)) + "\n"


def make_book(folder: Path, toml: str = BACK_TOML) -> Path:
    """Write a manuscript folder with back matter, its afterword in a file of its own."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "book.toml").write_text(toml, encoding="utf-8")
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    (folder / "afterword.md").write_text("I wrote this over a winter -- a long one.\n\nThen spring came.\n", "utf-8")
    return folder


def test_the_epub_carries_the_back_matter_in_order_with_its_semantics(tmp_path: Path) -> None:
    target = build_epub(make_book(tmp_path / "book"), tmp_path / "book.epub").path
    epubcheck_later(target)
    book = Epub(target)
    spine = book.spine()
    assert spine[-5:] == [f"text/{name}.xhtml" for name in ORDER]
    assert spine.index("text/chapter-003.xhtml") == len(spine) - 6  # after the last chapter, none among them
    sections = [book.xml(f"text/{name}.xhtml").find(".//x:section", NS) for name in ORDER]
    kinds = [(section.get(EPUB_TYPE), section.get("role")) for section in sections]
    assert kinds == [
        ("afterword", "doc-afterword"),
        ("acknowledgments", "doc-acknowledgments"),
        ("backmatter", None),
        ("backmatter", None),
        ("backmatter", None),
    ]
    afterword = [p.text for p in sections[0].findall("x:p", NS)]
    assert afterword == ["I wrote this over a winter—a long one.", "Then spring came."]  # typeset, from the file
    assert [p.text for p in sections[1].findall("x:p", NS)][1] == "And to my “patient” editor."
    assert [cite.text for cite in sections[3].iter("{*}cite")] == ["The Lighthouse", "Salt and Stone"]
    link = sections[4].find(".//x:a", NS)
    assert link.get("href") == "https://example.com/news" and link.text == "example.com/news"
    toc = nav_tree(book.nav().find(".//x:nav[@epub:type='toc']/x:ol", NS))
    assert [title for title, _, _ in toc] == ["Chapter 1", "Chapter 2", "Chapter 3", *TITLES]
    landmarks = book.nav().find(".//x:nav[@epub:type='landmarks']", NS)
    marks = {a.get(EPUB_TYPE): a.get("href") for a in landmarks.findall(".//x:a", NS)}
    assert marks["backmatter"] == "text/afterword.xhtml"
    assert marks["acknowledgments"] == "text/acknowledgements.xhtml"


def test_a_back_matter_file_is_not_read_as_a_chapter(tmp_path: Path) -> None:
    target = build_epub(make_book(tmp_path / "book"), tmp_path / "book.epub").path
    chapters = [name for name in Epub(target).spine() if "chapter-" in name]
    assert len(chapters) == 3


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('afterword = "missing.md"', "'afterword' names"),
        ('about_the_author = "../outside.md"', "climbs out of the project"),
        ('newsletter = { url = "example.com", line = "Join." }', "newsletter needs a url"),
        ('newsletter = { url = "https://example.com" }', "newsletter needs a line"),
        ('also_by = ["One", " "]', "'also_by' holds an empty title"),
    ],
)
def test_a_back_matter_mistake_is_exit_3_with_its_line(tmp_path: Path, line: str, message: str) -> None:
    folder = make_book(tmp_path / "book", f'title = "T"\n{line}\n')
    (tmp_path / "outside.md").write_text("Not mine.\n", encoding="utf-8")
    result = runner.invoke(app, ["epub", str(folder), "-o", str(tmp_path / "x.epub")])
    assert result.exit_code == 3, result.output
    assert "book.toml:2:" in result.stderr and message in result.stderr, result.stderr
    assert not (tmp_path / "x.epub").exists()


@pytest.mark.slow
def test_the_print_book_gives_back_matter_pages_contents_lines_and_bookmarks(tmp_path: Path) -> None:
    result = build_pdf(make_book(tmp_path / "book"), tmp_path / "book.pdf", PrintChoices(jobs=1))
    reader = pypdf.PdfReader(result.path)
    texts = [page.extract_text() or "" for page in reader.pages]
    last_chapter = max(index for index, text in enumerate(texts) if "Chapter 3" in text)
    openings = [next(index for index, text in enumerate(texts) if text.strip().startswith(title)) for title in TITLES]
    assert last_chapter < openings[0] and openings == sorted(openings)
    assert "example.com/news" in texts[openings[-1]] and "Salt and Stone" in texts[openings[3]]
    assert [item.title for item in reader.outline] == ["Chapter 1", "Chapter 2", "Chapter 3", *TITLES]
    contents = next(text for text in texts[: openings[0]] if "Contents" in text)
    assert all(title in contents for title in TITLES)


@pytest.mark.slow
def test_the_dedication_sits_a_little_above_the_middle_of_its_page(tmp_path: Path) -> None:
    result = build_pdf(make_book(tmp_path / "book"), tmp_path / "book.pdf", PrintChoices(jobs=1))
    reader = pypdf.PdfReader(result.path)
    page = next(page for page in reader.pages if "For my mother" in (page.extract_text() or ""))
    heights: list[float] = []
    page.extract_text(visitor_text=lambda text, cm, tm, font, size: heights.append(tm[5]) if text.strip() else None)
    middle = float(page.mediabox.height) / 2
    assert middle < heights[0] < middle + float(page.mediabox.height) * 0.12  # above the middle, not at the top


def test_a_back_matter_file_is_an_input_no_output_may_overwrite(tmp_path: Path) -> None:
    folder = make_book(tmp_path / "book")
    before = (folder / "afterword.md").read_bytes()
    result = runner.invoke(app, ["epub", str(folder), "-o", str(folder / "afterword.md")])
    assert result.exit_code == 4 and "afterword.md" in result.stderr
    assert (folder / "afterword.md").read_bytes() == before
