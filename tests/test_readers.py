"""Reading: a table from suffix to reader, chosen before any byte is read; readers hand back text and metadata."""

from __future__ import annotations

import builtins
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ebookgen.build import load_book
from ebookgen.cli.app import app
from ebookgen.errors import InputError
from ebookgen.model.document import Furniture
from ebookgen.project.manuscript import load_project
from ebookgen.readers import table
from ebookgen.readers.markdown import read_markdown
from ebookgen.readers.plain import read_plain
from ebookgen.readers.source import FoundMetadata, SourceText
from ebookgen.readers.table import READERS, Reader, find_reader, formats_read, read_source, read_unit, reader_for

runner = CliRunner()
STORY = "Chapter 1\n\nIt was a dark night.\n"
HEADER = "Title: The Long Night\nAuthor: Ann Lee\nSummary: A night, long.\n\n"
COMMANDS = ("epub", "pdf", "build", "check")


def opened_files(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record every file opened from now on (reading bytes included), and return the record."""
    opened: list[Path] = []
    real_open = builtins.open

    def recording_open(file, *args, **kwargs):
        if isinstance(file, (str, Path)):
            opened.append(Path(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", recording_open)
    return opened


def test_the_table_has_a_row_for_plain_text_and_markdown(tmp_path: Path) -> None:
    rows = {reader.name: reader for reader in READERS}
    assert (rows["plain text"].suffixes, rows["Markdown"].suffixes) == ((".txt", ".text"), (".md", ".markdown"))
    story = tmp_path / "story.md"
    story.write_text(STORY, encoding="utf-8")
    # The table may hold a read function deferred (its module imported on first use): it reads as the reader does.
    assert rows["plain text"].read(story, None) == read_plain(story, None)
    assert rows["Markdown"].read(story, None) == read_markdown(story, None)


@pytest.mark.parametrize(
    ("name", "format"),
    [
        ("story.txt", "plain text"),
        ("story.text", "plain text"),
        ("STORY.TXT", "plain text"),
        ("notes.md.txt", "plain text"),
        ("story.md", "Markdown"),
        ("story.Markdown", "Markdown"),
        ("Story.MD", "Markdown"),
    ],
)
def test_the_reader_is_chosen_by_suffix_without_opening_the_file(monkeypatch, name: str, format: str) -> None:
    opened = opened_files(monkeypatch)
    assert reader_for(Path("no-such-folder") / name).name == format  # The file does not even exist.
    assert opened == []


@pytest.mark.parametrize("name", ["story.odt", "story.rtf", "story.pages", "story.txt.bak", "story", "Mr. Smith"])
def test_a_suffix_no_reader_claims_is_refused_before_the_file_is_opened(tmp_path: Path, monkeypatch, name) -> None:
    path = tmp_path / name
    path.write_text(STORY, encoding="utf-8")
    opened = opened_files(monkeypatch)
    assert find_reader(path) is None
    with pytest.raises(InputError) as caught:
        read_source(path)
    assert str(caught.value).startswith(f"{path}: ebookgen ")
    assert formats_read() in str(caught.value)
    assert opened == []


def test_the_refusal_names_the_suffix_or_its_absence(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"story\.rtf: ebookgen does not read \.rtf files; it reads plain text"):
        reader_for(tmp_path / "story.rtf")
    with pytest.raises(InputError, match="story: ebookgen cannot tell a file's format without a suffix; it reads"):
        reader_for(tmp_path / "story")


def test_the_list_of_formats_comes_from_the_table(monkeypatch) -> None:
    assert formats_read() == (
        "plain text (.txt, .text), Markdown (.md, .markdown), Word (.docx), HTML (.html, .htm, .xhtml) and EPUB (.epub)"
    )
    rtf = Reader("Rich Text", (".rtf",), read_plain)
    monkeypatch.setattr(table, "READERS", (*READERS[:2], rtf))
    assert formats_read() == "plain text (.txt, .text), Markdown (.md, .markdown) and Rich Text (.rtf)"
    assert reader_for(Path("story.RTF")) is rtf


def assert_refused_in_one_line(result, name: str, code: int) -> None:
    """Check a refusal: its exit code and one stderr line naming the file and every format of the table."""
    assert result.exit_code == code, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert name in lines[0] and "Traceback" not in result.output
    for reader in READERS:
        assert reader.name in lines[0]
        assert all(suffix in lines[0] for suffix in reader.suffixes)


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("name", ["story.odt", "story.rtf", "story.pages", "story"])
def test_every_command_refuses_an_unknown_suffix_with_exit_2(tmp_path: Path, monkeypatch, command, name) -> None:
    monkeypatch.chdir(tmp_path)
    source = tmp_path / name
    source.write_text(STORY, encoding="utf-8")
    before = set(tmp_path.rglob("*"))
    opened = opened_files(monkeypatch)
    result = runner.invoke(app, [command, str(source)])
    assert_refused_in_one_line(result, name, 2)
    assert source not in opened, "the file was opened before it was refused"
    assert set(tmp_path.rglob("*")) == before, "a refusal left files behind"


@pytest.mark.parametrize("command", COMMANDS)
def test_a_chapters_entry_with_an_unknown_suffix_is_a_book_toml_mistake(tmp_path: Path, monkeypatch, command) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "novel"
    folder.mkdir()
    (folder / "01.txt").write_text(STORY, encoding="utf-8")
    (folder / "02.odt").write_text("<p>More.</p>\n", encoding="utf-8")
    (folder / "book.toml").write_text('chapters = ["01.txt", ["01.txt", "02.odt"]]\n', encoding="utf-8")
    before = set(tmp_path.rglob("*"))
    result = runner.invoke(app, [command, str(folder)])
    assert_refused_in_one_line(result, "book.toml", 3)
    assert "02.odt" in result.stderr and "does not read .odt files" in result.stderr
    assert set(tmp_path.rglob("*")) == before


def test_in_a_folder_files_no_reader_claims_are_not_manuscript_files(tmp_path: Path) -> None:
    folder = tmp_path / "novel"
    folder.mkdir()
    (folder / "01.TXT").write_text(STORY, encoding="utf-8")
    (folder / "02.md").write_text("# Chapter 2\n\nMore.\n", encoding="utf-8")
    (folder / "notes.odt").write_text("<p>Not the story.</p>\n", encoding="utf-8")
    (folder / "outline").write_text("Not the story either.\n", encoding="utf-8")
    assert [path.name for path in load_project(folder).sources] == ["01.TXT", "02.md"]


def test_an_upper_case_suffix_is_read(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "STORY.TXT").write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, ["epub", "STORY.TXT", "-o", "story.epub"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "story.epub").is_file()
    assert load_book(load_project(tmp_path / "STORY.TXT")).chapters[0].title == "Chapter 1"


def test_plain_text_is_not_read_as_markdown(tmp_path: Path) -> None:
    line = "See [the map](http://example.com) and __this__.\n"
    (tmp_path / "story.txt").write_text(line, encoding="utf-8")
    (tmp_path / "story.md").write_text(line, encoding="utf-8")
    assert read_source(tmp_path / "story.txt").text == line
    assert read_source(tmp_path / "story.md").text == "See the map and **this**.\n"  # strong (issue 16)


def test_a_reader_hands_back_the_header_blocks_metadata(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(HEADER + STORY, encoding="utf-8")
    source = read_source(path)
    assert source == SourceText(
        path,
        HEADER + STORY,
        "utf-8",
        (),
        FoundMetadata("The Long Night", "Ann Lee", "A night, long."),
        reader="plain text",
        furniture=Furniture(header=frozenset({0, 1, 2})),  # the header block: lines 1-3
    )


def test_the_markdown_reader_reads_the_header_of_its_text(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text("Title: The Long Night\n\nAuthor: Ann Lee\n\n# Chapter 1\n\nDark.\n", encoding="utf-8")
    assert read_source(path).metadata == FoundMetadata("The Long Night", "Ann Lee")


def test_the_header_blocks_metadata_reaches_the_book(tmp_path: Path) -> None:
    path = tmp_path / "the_long_night.txt"
    path.write_text(HEADER + STORY, encoding="utf-8")
    book = load_book(load_project(path))
    assert book.metadata.title == "The Long Night" and book.metadata.authors == ("Ann Lee",)
    assert book.metadata.description == "A night, long."
    assert [chapter.title for chapter in book.chapters] == ["Chapter 1"]


def test_the_books_metadata_is_what_the_reader_hands_back(tmp_path: Path, monkeypatch) -> None:
    """A new reader is one row: what it says about the book reaches the book, with no header block in the text."""

    def read_catalogue(path: Path, encoding: str | None = None) -> SourceText:
        return SourceText(path, STORY, "utf-8", (), FoundMetadata(title="From The File", author="Bo Park"))

    monkeypatch.setattr(table, "READERS", (*READERS, Reader("catalogue", (".cat",), read_catalogue)))
    path = tmp_path / "story.cat"
    path.write_bytes(b"\x00 not text at all")
    book = load_book(load_project(path))
    assert book.metadata.title == "From The File" and book.metadata.authors == ("Bo Park",)
    assert [chapter.title for chapter in book.chapters] == ["Chapter 1"]


def test_a_unit_is_its_files_joined_with_the_first_files_metadata(tmp_path: Path) -> None:
    first, second = tmp_path / "01.txt", tmp_path / "02.md"
    first.write_text(HEADER + "Chapter 1\n\nIt began", encoding="utf-8")
    second.write_bytes("and went on, caf\u00c3\u00a9 and all.\n".encode())
    unit = read_unit((first, second))
    assert unit.text == HEADER + "Chapter 1\n\nIt began\n\nand went on, caf\u00e9 and all.\n"
    assert unit.path == first and unit.metadata.title == "The Long Night"
    assert any("mojibake" in note for note in unit.repairs)


def test_a_unit_with_a_file_no_reader_claims_reads_none_of_them(tmp_path: Path, monkeypatch) -> None:
    first, second = tmp_path / "01.txt", tmp_path / "02.odt"
    first.write_text(STORY, encoding="utf-8")
    second.write_text(STORY, encoding="utf-8")
    opened = opened_files(monkeypatch)
    with pytest.raises(InputError, match="does not read .odt files"):
        read_unit((first, second))
    assert opened == []
