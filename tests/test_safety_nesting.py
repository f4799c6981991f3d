"""Issue 31 item 2: deep nesting never loses text silently: every word reaches the book, or the file is refused.

A web page or an EPUB nested past 255 levels (400 unclosed `<font>` tags) kept 126 of 400 paragraphs with
exit 0; Markdown block quotes or `:::` containers 20 deep and lists 10 deep lost their inner text. Now they are
read whole, and a file nested deeper than a reader goes is one line and exit 2, never read in part.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from ebookgen import build_epub

from .conftest import run_cli


def book_text(epub: Path) -> str:
    """Return the words of every chapter document of an EPUB, tags dropped."""
    with zipfile.ZipFile(epub) as book:
        pages = [book.read(name).decode() for name in sorted(book.namelist()) if "chapter" in name]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", "".join(pages)))


def unclosed_fonts(count: int) -> str:
    """A body of `count` paragraphs, each after a `<font>` tag never closed."""
    return "".join(f"<font><p>Paragraph number {index} here.</p>" for index in range(count))


def hand_made_epub(path: Path, body: str) -> Path:
    """An EPUB 3 of one chapter whose body is given."""
    files = {
        "META-INF/container.xml": '<?xml version="1.0"?><container version="1.0" '
        'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="content.opf" '
        'media-type="application/oebps-package+xml"/></rootfiles></container>',
        "content.opf": '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" '
        'unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">x'
        "</dc:identifier><dc:title>Deep</dc:title><dc:language>en</dc:language></metadata><manifest>"
        '<item id="c" href="one.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c"/>'
        "</spine></package>",
        "one.xhtml": '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>One</title>'
        f"</head><body><h1>One</h1>{body}</body></html>",
    }
    with zipfile.ZipFile(path, "w") as epub:
        epub.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        for name, text in files.items():
            epub.writestr(name, text)
    return path


def web_page(path: Path, body: str) -> Path:
    """A saved web page with the given body."""
    path.write_text(f"<html><head><title>Deep</title></head><body><h1>One</h1>{body}</body></html>", "utf-8")
    return path


@pytest.mark.parametrize("made", [web_page, hand_made_epub], ids=["html", "epub"])
def test_a_page_nested_400_deep_keeps_every_paragraph(tmp_path: Path, made) -> None:
    source = made(tmp_path / ("deep.html" if made is web_page else "deep.epub"), unclosed_fonts(400))
    text = book_text(build_epub(source, tmp_path / "out.epub").path)
    assert all(f"Paragraph number {index} here." in text for index in range(400))


@pytest.mark.parametrize("made", [web_page, hand_made_epub], ids=["html", "epub"])
@pytest.mark.parametrize("count", [1500, 3000])
def test_a_page_nested_deeper_than_read_is_refused_not_cut(tmp_path: Path, made, count: int) -> None:
    source = made(tmp_path / ("deep.html" if made is web_page else "deep.epub"), unclosed_fonts(count))
    result = run_cli("epub", str(source), "-o", str(tmp_path / "out.epub"))
    assert result.returncode == 2 and "nest" in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and not (tmp_path / "out.epub").exists()


def markdown_book(tmp_path: Path, text: str) -> Path:
    """A Markdown story of one chapter."""
    path = tmp_path / "story.md"
    path.write_text("# One\n\nThe first words.\n\n" + text + "\n\nThe last words.\n", encoding="utf-8")
    return path


def quotes(depth: int) -> str:
    """Block quotes `depth` deep, each level with words of its own."""
    return "\n".join(f"{'>' * level} Quoted at level {level}.\n{'>' * level}" for level in range(1, depth + 1))


def containers(depth: int) -> str:
    """`:::` note containers `depth` deep (each outer fence longer), words at each level and inside."""
    opening = "".join(f"{':' * (3 + depth - level)} note\nNote words at {level}.\n" for level in range(depth))
    return opening + "The innermost note.\n" + "".join(f"{':' * (3 + level)}\n" for level in range(1, depth + 1))


def lists(depth: int) -> str:
    """A list nested `depth` deep, an item at each level."""
    return "\n".join(f"{'  ' * level}- Listed at level {level}." for level in range(depth))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (quotes(20), [f"Quoted at level {level}." for level in range(1, 21)]),
        (containers(20), [*(f"Note words at {level}." for level in range(20)), "The innermost note."]),
        (lists(10), [f"Listed at level {level}." for level in range(10)]),
        (lists(30), [f"Listed at level {level}." for level in range(30)]),
    ],
    ids=["quotes-20", "containers-20", "lists-10", "lists-30"],
)
def test_markdown_nested_deep_keeps_every_word(tmp_path: Path, text: str, words: list[str]) -> None:
    book = book_text(build_epub(markdown_book(tmp_path, text), tmp_path / "out.epub").path)
    missing = [each for each in words if each not in book]
    assert missing == [] and "The last words." in book
    assert ":::" not in book  # no container's fence printed as text


def test_markdown_nested_past_what_is_read_is_refused_not_cut(tmp_path: Path) -> None:
    result = run_cli("epub", str(markdown_book(tmp_path, quotes(150))), "-o", str(tmp_path / "out.epub"))
    assert result.returncode == 2 and "nest" in result.stderr and len(result.stderr.strip().splitlines()) == 1
