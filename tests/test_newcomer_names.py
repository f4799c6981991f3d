"""File names keep every script's letters, and a build says when it replaces a book of another title.

A German title lost its umlauts (`kirschbl-ten-im-regen`), and a Japanese and a Russian title were both
`dist/book.epub`, the second build overwriting the first without a word.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from ebookgen import build_epub
from ebookgen.build import PrintChoices, build_pdf
from ebookgen.cli.app import app
from ebookgen.project.manuscript import slugify
from ebookgen.shelf import shelved_title

runner = CliRunner()
STORY = "Chapter 1\n\n" + "She waited for his call by the harbour wall. " * 30 + "\n"


def project(folder: Path, title: str, language: str = "en") -> Path:
    """Write a manuscript folder with the given title and language."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "book.toml").write_text(f'title = "{title}"\nauthor = "A. B."\nlanguage = "{language}"\n', "utf-8")
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Kirschblüten im Regen", "kirschblüten-im-regen"),
        ("Café Müller", "café-müller"),
        ("雨の日の約束", "雨の日の約束"),
        ("Война и мир", "война-и-мир"),
        ("हिन्दी कहानी", "हिन्दी-कहानी"),  # Devanagari's vowel signs are marks, not word breaks
        ("Cafe\u0301 -- Noir!", "café-noir"),  # a decomposed é is composed
        ("Tell Me Something", "tell-me-something"),
        ("?!", "book"),
    ],
)
def test_a_file_name_keeps_the_letters_of_every_script(title: str, name: str) -> None:
    assert slugify(title) == name


def test_a_long_title_gives_a_name_a_disk_takes() -> None:
    assert len(slugify("长" * 400).encode("utf-8")) <= 150


def test_a_japanese_and_a_russian_book_get_a_file_each(tmp_path: Path) -> None:
    books = (("ja", "雨の日の約束", "ja"), ("ru", "Война и мир", "ru"))
    written = [build_epub(project(tmp_path / name, title, lang)).path for name, title, lang in books]
    assert [path.name for path in written] == ["雨の日の約束.epub", "война-и-мир.epub"]
    assert [shelved_title(path) for path in written] == ["雨の日の約束", "Война и мир"]


def test_a_build_that_replaces_a_book_of_another_title_says_so(tmp_path: Path) -> None:
    folder = project(tmp_path / "book", "Café!")
    target = tmp_path / "dist" / "café.epub"
    assert build_epub(folder, target).notes == ()
    project(folder, "Café?")  # another title, the same file name
    result = runner.invoke(app, ["epub", str(folder), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert "replaced the book titled 'Café!'" in result.output and "'Café?'" in result.output
    assert shelved_title(target) == "Café?"
    again = runner.invoke(app, ["epub", str(folder), "-o", str(target)])  # the same book again: nothing to say
    assert "replaced" not in again.output


def test_a_pdf_that_replaces_another_title_says_so(tmp_path: Path) -> None:
    target = tmp_path / "book.pdf"
    build_pdf(project(tmp_path / "one", "The First"), target, PrintChoices(jobs=1, cache=False))
    assert shelved_title(target) == "The First"
    result = build_pdf(project(tmp_path / "two", "The Second"), target, PrintChoices(jobs=1, cache=False))
    assert any("replaced the book titled 'The First'" in note for note in result.notes), result.notes


def test_what_is_not_a_book_has_no_title(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    (tmp_path / "broken.epub").write_bytes(b"PK\x03\x04 not really")
    assert shelved_title(tmp_path / "notes.txt") is None
    assert shelved_title(tmp_path / "broken.epub") is None
    assert shelved_title(tmp_path / "missing.epub") is None
