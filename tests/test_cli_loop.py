"""The writer's loop on the command line: options where a user types them, books where the manuscript is."""

from __future__ import annotations

import shutil
from pathlib import Path

import pikepdf
import pytest
from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.cli.group import hoisted, suggestions

from .conftest import MANUSCRIPT

runner = CliRunner()
STORY = 'Chapter 1\n\n"Hello," she said. It was late.\n\nChapter 2\n\nHe left.\n'


@pytest.fixture()
def story(tmp_path: Path) -> Path:
    path = tmp_path / "elsewhere" / "short-story.txt"
    path.parent.mkdir()
    path.write_text(STORY, encoding="utf-8")
    return path


def test_global_flags_after_the_command_move_before_it() -> None:
    assert hoisted(["pdf", "book", "-q"]) == ["-q", "pdf", "book"]
    assert hoisted(["-v", "epub", "x", "--quiet", "-o", "y"]) == ["-v", "--quiet", "epub", "x", "-o", "y"]
    assert hoisted(["epub", "x", "-qv"]) == ["-qv", "epub", "x"]
    assert hoisted(["epub", "--", "-q"]) == ["epub", "--", "-q"]  # after --, a file named -q
    assert hoisted(["epub", "x", "-o", "out.epub"]) == ["epub", "x", "-o", "out.epub"]


def test_quiet_after_the_command_prints_nothing(story: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["epub", str(story), "-o", str(tmp_path / "a.epub"), "-q"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and (tmp_path / "a.epub").is_file()


def test_verbose_after_the_command_shows_the_traceback(tmp_path: Path) -> None:
    result = runner.invoke(app, ["epub", str(tmp_path / "missing.txt"), "--verbose"])
    assert result.exit_code == 2
    assert "Traceback" in result.stderr and "no such file" in result.stderr.splitlines()[-1]


def test_build_takes_every_option_pdf_and_epub_take() -> None:
    import typer.main

    command = typer.main.get_command(app)
    names = {name: {p.name for p in command.commands[name].params} for name in ("build", "pdf", "epub")}
    assert names["pdf"] | names["epub"] <= names["build"]


@pytest.mark.slow
def test_build_sets_the_print_options(story: Path, tmp_path: Path) -> None:
    args = ["build", str(story), "-o", str(tmp_path / "out"), "--trim", "6x9", "--profile", "kdp"]
    result = runner.invoke(app, [*args, "--running-head", "chapter", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    with pikepdf.open(tmp_path / "out" / "short-story.pdf") as pdf:
        trim = [float(value) for value in pdf.pages[0].obj.TrimBox]
        assert trim[2] - trim[0] == pytest.approx(432) and trim[3] - trim[1] == pytest.approx(648)
        assert "/Outlines" not in pdf.Root  # kdp: no bookmarks


def test_a_single_file_gets_dist_beside_it(story: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["epub", str(story)])
    assert result.exit_code == 0, result.output
    assert (story.parent / "dist" / "short-story.epub").is_file()
    assert not (tmp_path / "dist").exists()
    assert str(story.parent / "dist" / "short-story.epub") in result.stdout


def test_a_folder_gets_its_own_dist(tmp_path: Path, monkeypatch) -> None:
    shutil.copytree(MANUSCRIPT, tmp_path / "novel", ignore=shutil.ignore_patterns("dist"))
    elsewhere = tmp_path / "somewhere-else"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = runner.invoke(app, ["epub", str(tmp_path / "novel")])
    assert result.exit_code == 0, result.output
    assert [path.name for path in (tmp_path / "novel" / "dist").iterdir()] == ["tell-me-something.epub"]
    assert list(elsewhere.iterdir()) == []


def test_no_source_and_no_manuscript_folder_says_how_to_begin(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["epub"])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "SOURCE" in lines[0] and "ebookgen init" in lines[0]
    assert list(tmp_path.iterdir()) == []


def test_no_source_builds_the_manuscript_folder_here(tmp_path: Path, monkeypatch) -> None:
    shutil.copytree(MANUSCRIPT, tmp_path / "manuscript", ignore=shutil.ignore_patterns("dist"))
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["epub"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "manuscript" / "dist" / "tell-me-something.epub").is_file()


def test_a_mistyped_command_gets_a_suggestion() -> None:
    assert suggestions("ebup", ["epub", "pdf", "build"]) == ["epub"]
    assert suggestions("bild", ["epub", "pdf", "build"]) == ["build"]
    assert suggestions("zzz", ["epub", "pdf", "build"]) == []
    result = runner.invoke(app, ["ebup", "manuscript"])
    assert result.exit_code == 2
    assert "Did you mean 'epub'?" in result.output
