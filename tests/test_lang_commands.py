"""`--lang` on every command that reads a story: check, watch and init take it as the builds do."""

from __future__ import annotations

import tomllib
from pathlib import Path

from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.watch.loop import Watched, build_once

runner = CliRunner()
STORY = 'Kapitel 1\n\n"Hallo", sagte er. "Das ist\'s."\n\nKapitel 2\n\nSie ging.\n'


def test_check_takes_the_language_from_the_option(tmp_path: Path) -> None:
    """check reports the language it checks in, and says it came from --lang."""
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, ["check", str(story), "--lang", "de"])
    assert result.exit_code == 0, result.output
    assert "metadata: language de, from the --lang option" in result.output


def test_check_refuses_a_language_that_is_no_tag(tmp_path: Path) -> None:
    """A --lang that is no BCP 47 tag is a wrong option: exit 3, one line naming it."""
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, ["check", str(story), "--lang", "not a tag!"])
    assert result.exit_code == 3
    assert "--lang" in result.output and "Traceback" not in result.output


def test_init_writes_the_language_into_book_toml(tmp_path: Path) -> None:
    """init --lang de starts a German book: book.toml says so, and the first build is in German."""
    folder = tmp_path / "roman"
    result = runner.invoke(app, ["init", str(folder), "--lang", "de"])
    assert result.exit_code == 0, result.output
    assert tomllib.loads((folder / "book.toml").read_text(encoding="utf-8"))["language"] == "de"


def test_init_refuses_a_wrong_language_before_writing(tmp_path: Path) -> None:
    """A wrong --lang leaves no half-made project behind."""
    folder = tmp_path / "roman"
    result = runner.invoke(app, ["init", str(folder), "--lang", "not a tag!"])
    assert result.exit_code == 3
    assert not (folder / "book.toml").exists()


def test_watch_builds_in_the_language_of_the_option(tmp_path: Path) -> None:
    """watch --lang de rebuilds a German book: German quotes in the preview's chapter."""
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    build = build_once(Watched(story, language="de"))
    chapter = next(data.decode() for name, data in build.files.items() if name.endswith("chapter-001.xhtml"))
    assert "„Hallo“, sagte er." in chapter
    assert 'xml:lang="de"' in chapter


def test_watch_refuses_a_wrong_language_before_serving(tmp_path: Path) -> None:
    """watch --lang with no tag stops at once with exit 3, before the preview is served."""
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, ["watch", str(story), "--lang", "not a tag!", "--port", "0"])
    assert result.exit_code == 3
    assert "preview at" not in result.output


def test_a_book_toml_beside_a_single_file_is_read(tmp_path: Path) -> None:
    """A story built by its file name takes the book.toml beside it: its language and title reach the book."""
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    (tmp_path / "book.toml").write_text('title = "Die Geschichte"\nlanguage = "de"\n', encoding="utf-8")
    result = runner.invoke(app, ["check", str(story)])
    assert result.exit_code == 0, result.output
    assert "metadata: language de, from book.toml" in result.output
    assert 'metadata: title "Die Geschichte", from book.toml' in result.output
    build = build_once(Watched(story))
    chapter = next(data.decode() for name, data in build.files.items() if name.endswith("chapter-001.xhtml"))
    assert "„Hallo“, sagte er." in chapter


def test_a_book_toml_that_lists_other_chapters_is_left_aside_with_a_reason(tmp_path: Path) -> None:
    """A book.toml whose chapters leave the file out belongs to another book: check and the build say so."""
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    (tmp_path / "other.txt").write_text("Kapitel 1\n\nMehr.\n", encoding="utf-8")
    (tmp_path / "book.toml").write_text('language = "de"\nchapters = ["other.txt"]\n', encoding="utf-8")
    result = runner.invoke(app, ["check", str(story)])
    assert "metadata: language en, by default" in result.output
    assert "book.toml: not read for" in result.output and "its chapters list leaves story.txt out" in result.output
    built = runner.invoke(app, ["epub", str(story), "-o", str(tmp_path / "out.epub")])
    assert built.exit_code == 0 and "its chapters list leaves story.txt out" in built.output
