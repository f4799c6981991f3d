"""``ebookgen check``: what the normaliser could not be sure of, as FILE:LINE: messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from ebookgen.check import check_text
from ebookgen.cli.app import app

from .conftest import MANUSCRIPT


def findings(text: str) -> list[tuple[int, str, str]]:
    return [(finding.line, finding.severity, finding.message) for finding in check_text(text)]


def test_quote_left_open_is_an_error_at_its_line() -> None:
    text = 'First line.\n\nShe said, "Come here.\n\nHe did not answer.\n'
    assert findings(text) == [(3, "error", "a double quote opened in this paragraph is never closed")]


def test_multi_paragraph_speech_is_not_flagged() -> None:
    text = '"It was long ago," he said, "and we were young.\n\n"Nobody remembers now."\n'
    assert findings(text) == []


def test_open_quote_at_the_last_paragraph_is_an_error() -> None:
    assert [line for line, *_ in findings('One.\n\nTwo.\n\n"Three.\n')] == [5]


def test_unclassified_single_quote_is_a_warning() -> None:
    found = findings("He said 'pon my word it was so.\n")
    assert [(line, severity) for line, severity, _ in found] == [(1, "warning")]
    assert "apostrophe" in found[0][2] and "'pon" in found[0][2]


def test_known_elisions_are_not_reported() -> None:
    assert findings("Give 'em hell. 'Tis true, back in '95 we played rock 'n' roll.\n") == []


def test_end_of_flashback_with_no_break_is_a_warning() -> None:
    text = "Chapter 1\n\nThen.\n\nStill then.\n\nEnd Flashback\n\nNow.\n"
    assert [(line, severity) for line, severity, _ in findings(text)] == [(7, "warning")]
    assert "flashback" in findings(text)[0][2]


def test_end_of_flashback_after_a_break_is_clean() -> None:
    assert findings("Now.\n\n* * *\n\nThen.\n\nEnd Flashback\n\nNow.\n") == []


def test_unknown_marker_like_line_is_a_warning() -> None:
    found = findings("Before.\n\n~*~Rory~*~\n\nAfter.\n")
    assert [(line, severity) for line, severity, _ in found] == [(3, "warning")]
    assert "marker" in found[0][2]


def test_line_numbers_count_removed_header_and_wrapped_lines() -> None:
    header = "Title: A\nAuthor: B\n\n"
    wrapped = "It was a long line of text that goes on and on, as lines in books do, so\n" * 3
    text = header + wrapped + "\n" + 'And then "she left.\n\nThe end.\n'
    assert [line for line, *_ in findings(text)] == [8]


def test_cli_check_on_the_bundled_story_is_clean() -> None:
    result = CliRunner().invoke(app, ["check", str(MANUSCRIPT)])
    assert result.exit_code == 0, result.output
    # Issue 13: check lists what was removed on purpose; the story's only removal is its `End Flashback` line.
    assert result.stdout == f"{MANUSCRIPT / 'story.txt'}:135: removed: a marker line\n"
    *listed, summary = result.stderr.strip().splitlines()
    assert summary == "ebookgen check: nothing uncertain found; 1 removal(s) listed"
    # Issue 24: and where each field of the book's metadata came from: all of it from the story's book.toml.
    assert listed[0] == 'metadata: title "Tell Me Something", from book.toml'
    assert all(line.startswith("metadata: ") and line.endswith(", from book.toml") for line in listed)


@pytest.mark.parametrize(
    ("text", "code"),
    [('She said, "Come here.\n\nHe did not.\n', 1), ("He said 'pon my word.\n", 0), ("Clean text.\n", 0)],
)
def test_cli_check_exit_codes(tmp_path: Path, text: str, code: int) -> None:
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.exit_code == code, result.output
    for line in result.stdout.splitlines():
        assert line.startswith(f"{path}:1: ")


def test_cli_check_missing_file_is_one_line() -> None:
    result = CliRunner().invoke(app, ["check", "no-such-file.txt"])
    assert result.exit_code == 2
    assert "no such file" in result.output and "Traceback" not in result.output


def test_unclosed_emphasis_is_a_warning() -> None:
    found = findings("Fine.\n\nShe was *very tired.\n\nA *fine* day and 2*3*4.\n")
    assert [(line, severity) for line, severity, _ in found] == [(3, "warning")]
    assert "never closed" in found[0][2]


MARKDOWN_STORY = (
    "# One\n\nThe first paragraph runs\nover three lines\nof the file.\n\n\n\nA second paragraph.\n\noOo\n\n"
    '"An open quote never closed, she said.\n\n> A letter\n> in two lines.\n\nA call[^1] \U0001fae8 here.\n\n'
    "[^1]: The note.\n\n* * *\n\nThe end.\n"
)


def test_check_names_a_markdown_file_s_own_lines(tmp_path: Path) -> None:
    """Markdown is read into raw text, but check counts the lines of the .md a writer has open."""
    path = tmp_path / "story.md"
    path.write_text(MARKDOWN_STORY, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path)])
    lines = MARKDOWN_STORY.split("\n")
    assert f"{path}:11: removed: a marker line" in result.stdout
    assert lines[10] == "oOo"
    assert f"{path}:13: error: a double quote opened in this paragraph is never closed" in result.stdout
    assert lines[12].startswith('"An open quote')


def test_markdown_lines_map_every_block_to_its_source_line() -> None:
    from ebookgen.readers.markdown import markdown_with_lines

    text, places = markdown_with_lines(MARKDOWN_STORY)
    raw, source = text.split("\n"), MARKDOWN_STORY.split("\n")
    assert len(places) == len(raw)
    for line, number in zip(raw, places, strict=True):
        if line.strip():  # the line's first words are on the source line it names
            first = line.lstrip("#>-[^]: ").split()[0].strip("*")
            assert first in source[number - 1], (line, number, source[number - 1])
