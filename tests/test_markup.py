"""Issue 16's markup: Markdown read completely, notes and figures in the e-book, title blocks, conservation."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from PIL import Image as Picture

from ebookgen.build import build_epub, load_book
from ebookgen.check import check_project
from ebookgen.model import Book, Chapter, Figure, Image, Metadata, word_count
from ebookgen.normalise.conservation import LOST, TITLE_BLOCK
from ebookgen.pdf.figures import resolution_notes
from ebookgen.pdf.trim import Margins, parse_trim
from ebookgen.project.figures import figure_images
from ebookgen.project.manuscript import load_project
from ebookgen.readers.markdown import read_markdown
from ebookgen.readers.source import Resource, SourceText

from .conftest import epubcheck_later
from .rawtext import normalise_text, removals

XHTML = {"x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"

EVERY_CONSTRUCT = """# The Letter

She opened the letter[^letter] and read it **twice**, then ***once more***.

> Dear Anna,
>
> The winter is long.\\
> Yours, Tom

* * *

```
The river runs, the river turns,
  the mill wheel sings all day;
```

- eggs
- milk

1. first
2. second

![A map of the valley](map.png "The valley in 1805")

Sam: where are you??
Jo: home

An <u>underlined</u> word and <em>an emphasis</em>.

# The Thaw

::: note Notes
Thanks for *reading*.
:::

It thawed[^thaw].

::: verse
So sleep, my love,
  the ice is on the weir.
:::

[^letter]: The letter came from Oslo.

    It was three weeks late.

[^thaw]: In April.
"""


def write_map(folder: Path, size: tuple[int, int] = (2400, 1600)) -> Path:
    """Write a figure's image, a plain PNG of the given size."""
    path = folder / "map.png"
    Picture.new("RGB", size, (120, 140, 90)).save(path)
    return path


@pytest.fixture()
def markdown_book(tmp_path: Path) -> Path:
    """A Markdown manuscript using every construct, with its figure's image beside it."""
    (tmp_path / "story.md").write_text(EVERY_CONSTRUCT, encoding="utf-8")
    write_map(tmp_path)
    return tmp_path / "story.md"


def chapter_documents(epub: Path) -> list[etree._Element]:
    """Parse the EPUB's chapter documents in order."""
    with zipfile.ZipFile(epub) as archive:
        names = sorted(name for name in archive.namelist() if "/text/chapter-" in name)
        return [etree.fromstring(archive.read(name)) for name in names]


def test_markdown_prints_no_markup_and_names_what_it_dropped(markdown_book: Path) -> None:
    source = read_markdown(markdown_book)
    assert "<" not in source.text and "```" not in source.text
    assert source.reader == "Markdown"
    assert any("<u>" in line for line in source.unmapped)
    assert "[^letter]: The letter came from Oslo.\n\n    It was three weeks late." in source.text
    assert '![A map of the valley](map.png "The valley in 1805")' in source.text


def test_every_construct_reaches_the_epub(markdown_book: Path, tmp_path: Path) -> None:
    epub = build_epub(markdown_book, tmp_path / "out" / "story.epub").path
    epubcheck_later(epub)
    first, second = chapter_documents(epub)
    calls = first.findall(".//x:a[@role='doc-noteref']", XHTML)
    assert [call.get(EPUB_TYPE) for call in calls] == ["noteref"]
    aside = first.find(f".//x:aside[@id='{calls[0].get('href')[1:]}']", XHTML)
    assert aside.get(EPUB_TYPE) == "footnote" and aside.get("role") == "doc-footnote"
    back = aside.find(".//x:a[@role='doc-backlink']", XHTML)
    assert back.get("href") == "#" + calls[0].get("id")
    assert "three weeks late" in "".join(aside.itertext())
    assert first.find(".//x:strong", XHTML).text == "twice"
    assert first.find(".//x:strong/x:em", XHTML).text == "once more"
    assert first.find(".//x:blockquote", XHTML) is not None
    assert [len(first.findall(f".//x:{tag}/x:li", XHTML)) for tag in ("ul", "ol")] == [2, 2]
    verse = first.findall(".//x:div[@class='verse']//x:span", XHTML)
    assert [span.text for span in verse][-2:] == ["The river runs, the river turns,", "the mill wheel sings all day;"]
    assert [b.text for b in first.findall(".//x:div[@class='chat-log']//x:b", XHTML)] == ["Sam", "Jo"]
    image = first.find(".//x:figure/x:img", XHTML)
    assert image.get("alt") == "A map of the valley"
    assert first.find(".//x:figure/x:figcaption", XHTML).text == "The valley in 1805"
    with zipfile.ZipFile(epub) as archive:
        assert "EPUB/images/figure-01.png" in archive.namelist()
        assert b'media-type="image/png"' in archive.read("EPUB/content.opf")
    assert second.find(".//x:aside", XHTML).get("id") == "note-2-1"
    assert second.find(".//x:p[@class='author-note-title']", XHTML).text == "Notes"
    lines = second.findall(".//x:div[@class='verse']//x:span", XHTML)
    assert [(line.get("class"), line.text) for line in lines] == [
        ("line", "So sleep, my love,"),
        ("line indent-1", "the ice is on the weir."),
    ]


def test_every_raw_mark_in_a_text_file_makes_a_valid_epub(tmp_path: Path) -> None:
    from .test_cases import CASES, read_cases

    given = [case.given for case in read_cases(CASES / "raw-marks.txt")[1] if not case.options]
    (tmp_path / "story.txt").write_text("\n\n".join(given) + "\n", encoding="utf-8")
    write_map(tmp_path)
    (tmp_path / "images").mkdir()
    Picture.new("RGB", (1200, 800), (90, 90, 90)).save(tmp_path / "images" / "mill.jpg")
    epub = build_epub(tmp_path / "story.txt", tmp_path / "out" / "story.epub").path
    epubcheck_later(epub)
    with zipfile.ZipFile(epub) as archive:
        assert {"EPUB/images/figure-01.png", "EPUB/images/figure-02.jpg"} <= set(archive.namelist())


def test_notes_count_and_no_word_of_them_is_lost(markdown_book: Path) -> None:
    text = read_markdown(markdown_book).text
    chapters = normalise_text(text)
    assert [len(chapter.notes) for chapter in chapters] == [1, 1]
    assert [removal for removal in removals(text) if removal.reason == LOST] == []
    book = Book(Metadata("Story"), tuple(chapters))
    assert word_count(book) >= len("It was three weeks late. In April. The letter came from Oslo.".split()) + 40


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("gone.png", "is not found beside the manuscript"),
        ("../map.png", "is not a file inside the project"),
        ("/url", "is not a file inside the project"),
        ("https://example.com/map.png", "is a web address; ebookgen reads no network"),
    ],
)
def test_a_figure_whose_image_cannot_be_read_is_a_warning_and_a_placeholder(
    tmp_path: Path, name: str, said: str
) -> None:
    # One lost picture must not stop the book (issue 27): the build says where and why, a box names the file.
    (tmp_path / "map.png").write_bytes(b"never read")  # ../map.png from the folder below: outside, never read
    folder = tmp_path / "book"
    folder.mkdir()
    (folder / "story.md").write_text(f"Text.\n\n![A map]({name})\n\nMore text.\n", encoding="utf-8")
    book = load_book(load_project(folder / "story.md"))
    assert f"{folder / 'story.md'}:3: the figure's image {name!r} {said}" in "\n".join(book.notes)
    (image,) = book.images
    assert image.media_type == "image/svg+xml" and b"Image not found:" in image.data
    result = build_epub(folder / "story.md", folder / "story.epub")
    epubcheck_later(result.path)


def test_a_figure_from_the_readers_resources(tmp_path: Path) -> None:
    write_map(tmp_path, (10, 10))
    data = (tmp_path / "map.png").read_bytes()
    chapter = Chapter("One", (Figure("media/image1.png", "A map"),))
    source = SourceText(
        tmp_path / "story.docx", "", "utf-8", resources=(Resource("media/image1.png", data, "image/png"),)
    )
    book = Book(Metadata("Story"), (chapter,))
    assert figure_images(book, [source], tmp_path) == (Image("media/image1.png", data, "image/png"),)


def test_an_image_printed_under_300_dpi_is_named_with_its_dpi(tmp_path: Path) -> None:
    trim, margins = parse_trim("5x8"), Margins()
    small, large = (write_map(tmp_path, size).read_bytes() for size in ((600, 400), (2400, 1600)))
    book = Book(
        Metadata("Story"), (), images=(Image("small.png", small, "image/png"), Image("big.png", large, "image/png"))
    )
    notes = resolution_notes(book, trim, margins)
    assert len(notes) == 1 and "small.png" in notes[0]
    assert f"{int(600 / (5 - margins.inside - margins.outside))} dpi" in notes[0]


def test_a_title_block_repeating_the_book_is_front_matter_listed_by_check(tmp_path: Path) -> None:
    (tmp_path / "book.toml").write_text('title = "The Miller\'s Winter"\nauthor = "Josiah Crane"\n', encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text(
        "THE MILLER'S WINTER\n\nBY JOSIAH CRANE\n\n\nCHAPTER I\n\nTHE FROZEN RIVER\n\nThe river froze.\n\n"
        "CHAPTER II\n\nTHE THAW\n\nIt thawed.\n",
        encoding="utf-8",
    )
    project = load_project(tmp_path)
    book = load_book(project)
    assert [chapter.title for chapter in book.chapters] == ["Chapter I: The Frozen River", "Chapter II: The Thaw"]
    lines = check_project(project).lines
    assert any(line.startswith(f"{story}:1:") and "title block" in line for line in lines), lines
    assert not any("words lost" in line for line in lines)
    options = project.options
    from dataclasses import replace

    reasons = removals(
        story.read_text(encoding="utf-8"), replace(options, title="The Miller's Winter", authors=("Josiah Crane",))
    )
    assert [(removal.line, removal.last, removal.reason) for removal in reasons] == [(1, 3, TITLE_BLOCK)]


def test_a_title_block_of_another_book_is_kept(tmp_path: Path) -> None:
    from ebookgen.normalise.pipeline import NormaliseOptions

    text = "THE RIVER\n\nBY SAM\n\nThe river froze.\n"
    kept = normalise_text(text, NormaliseOptions(title="The Miller's Winter", authors=("Josiah Crane",)))
    dropped = normalise_text(text, NormaliseOptions(title="The River", authors=("Sam",)))
    assert kept[0].title == "The River"
    assert [chapter.title for chapter in dropped] == [""]


def test_check_names_a_note_never_called_and_a_call_with_no_note() -> None:
    from ebookgen.check import check_text

    found = [(finding.line, finding.message) for finding in check_text("A call[^x] here.\n\n[^y]: Lonely.\n")]
    assert (1, "[^x] calls a note that has no text ([^x]: ...); kept as typed") in found
    assert (3, "the note [^y] is never called in the text; kept as a paragraph here") in found


MARKED_BLOCKS = st.sampled_from(
    [
        "::: verse\nThe river runs,\n  the mill wheel sings;\n\nand every stone\n:::",
        "> Dear Anna,\n>\n> The winter is long.\\\n> Yours, Tom",
        "- eggs\n- milk and\n  butter",
        "3. third\n4. fourth",
        '![A map of the valley](map.png "The valley in 1805")',
        "Sam: where are you??\nJo: home",
        "She opened the letter[^a] and the box[^b].",
        "[^a]: From Oslo.\n\n    Three weeks late.",
        "[^b]: Wooden.",
        "[^c]: Nobody calls this one.",
        "::: note Notes\nThanks for reading!\n:::",
        "It was **huge** and ***both***.",
        "The sign said:\\\nCLOSED\\\nfor winter",
        "\f",
        "He spoke of the Act* with contempt.\n\n* The Corn Law of 1815.",
        "The rate was a penny.[1] Nobody argued.\n\n[1] A bushel.",
    ]
)
# A heading with text under it: three with none between would be a contents list, dropped on purpose.
PLAIN = st.sampled_from(
    ["The mill stood by the river.", "# Chapter Two\n\nIt thawed.", "* * *", "It froze in November."]
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(MARKED_BLOCKS, PLAIN), min_size=1, max_size=10))
def test_no_word_of_any_mark_is_lost(items: list[str]) -> None:
    text = "The story begins.\n\n" + "\n\n".join(items) + "\n"
    assert [removal for removal in removals(text) if removal.reason == LOST] == []


def test_markdown_emphasis_inside_a_word_is_set_not_printed(tmp_path: Path) -> None:
    # CommonMark's `foo*bar*` (the corpus test's commonmark examples): raw text's marks do not open beside a
    # letter, so the book printed the asterisks; the Markdown reader hands such emphasis on already parsed.
    (tmp_path / "story.md").write_text(
        "# One\n\nun*frigging*believable and **half**way, but 2 * 3 * 4 and snake_case_name stay.\n", encoding="utf-8"
    )
    epub = build_epub(tmp_path / "story.md", tmp_path / "story.epub").path
    (page,) = chapter_documents(epub)
    text = etree.tostring(page, encoding="unicode")
    assert "un<em>frigging</em>believable" in text and "<strong>half</strong>way" in text
    assert "2 * 3 * 4" in text and "snake_case_name" in text  # no emphasis in CommonMark either
    epubcheck_later(epub)
